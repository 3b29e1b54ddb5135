import SwarmExperiment
import SwarmKernel

/// `swarmsim fit`'s work on a table: the Universal Scalability Law fitted to one column (agent
/// counts) against another (throughput), once per group of rows. It lives in the library, and
/// throws typed errors naming the file, row and column, so that a table a user hands over is
/// refused cell by cell rather than fitted to zeros, and tests can feed it damaged tables directly.
public struct GroupedFit: Sendable {
    /// The value of the grouping column shared by the rows fitted ("all" without one).
    public let group: String
    public let fit: UniversalScalabilityLaw.Fit

    /// What an agent count may be: the law is defined from one agent up.
    static let agentCount = NumberRule("a finite number, at least 1") { $0.isFinite && $0 >= 1 }

    /// The fits of column `x` (agent counts) against `y` (throughputs) of `table`, one per value
    /// of column `by` in order of first appearance (one group, "all", without `by`). Rows with an
    /// empty x or y are skipped, as undefined. Refuses a missing or twice-named column, an x that
    /// is not a finite number of at least 1, a y that is not a finite number (text, `inf`, `nan`,
    /// `1e400`), and a group that cannot be fitted (fewer than 3 distinct agent counts, or values
    /// too large), each with the file and rows.
    public static func fits(_ table: CSVTable, x: String, y: String, by: String?) throws(CSVInputError) -> [GroupedFit] {
        let xColumn = try column(x, of: table)
        let yColumn = try column(y, of: table)
        let groupColumn = try by.map { name throws(CSVInputError) in try column(name, of: table) }
        var groups: [String] = []
        var points: [String: (n: [Double], x: [Double], rows: [Int])] = [:]
        for index in table.rows.indices {
            let n = try table.number(at: index, column: xColumn, agentCount, emptyAllowed: true)
            let throughput = try table.number(at: index, column: yColumn, .any, emptyAllowed: true)
            guard let n, let throughput else { continue }
            let group = groupColumn.map { table.rows[index][$0] } ?? "all"
            if points[group] == nil { groups.append(group) }
            points[group, default: ([], [], [])].n.append(n)
            points[group, default: ([], [], [])].x.append(throughput)
            points[group, default: ([], [], [])].rows.append(table.rowNumbers[index])
        }
        return try groups.map { group throws(CSVInputError) in
            let data = points[group]!
            do throws(UniversalScalabilityLaw.FitError) {
                return GroupedFit(group: group, fit: try UniversalScalabilityLaw.fit(n: data.n, x: data.x))
            } catch {
                throw .unfittable(file: table.file, curve: "group \"\(group)\"", rows: data.rows, reason: error)
            }
        }
    }

    /// The position of column `name`, or an error offering a close spelling, or else the columns
    /// that begin with it (aggregate.csv names statistics after their metric:
    /// throughput_tasks_per_hour_mean).
    private static func column(_ name: String, of table: CSVTable) throws(CSVInputError) -> Int {
        guard let position = try table.position(of: name) else {
            throw .missingColumn(file: table.file, column: name, suggestion: closestMatch(to: name, among: table.header),
                                 similar: table.header.filter { $0.hasPrefix(name) })
        }
        return position
    }
}
