import SwarmKernel

/// One scaling curve of a results folder: the rows of aggregate.csv that differ only in the agent
/// count (one variant at one combination of the other parameters), by increasing agents, with the
/// Universal Scalability Law fitted to their throughput means.
///
/// The HTML report draws and tabulates these curves from the aggregate.csv it reads, and
/// `ResultsWriter` writes their fits to usl.csv from the aggregate.csv rows it writes. Both group
/// and fit here, so the file and the report cannot disagree about which rows form a curve or what
/// its fit is.
package struct ScalingCurve: Sendable {
    /// The positions of the curve's rows in the table, by increasing agent count.
    package let rows: [Int]
    /// The agent count of each of `rows`.
    package let agents: [Double]
    /// The law fitted to the defined throughput means of `rows`, in that order; nil with fewer
    /// than 3 distinct agent counts among them, since 3 parameters need 3 distinct points.
    package let fit: UniversalScalabilityLaw.Fit?

    /// aggregate.csv's column of the agent count each row ran with.
    static let agentsColumn = "agents"
    /// aggregate.csv's column of the values fitted.
    static let fittedColumn = "throughput_tasks_per_hour_mean"

    /// The positions of the columns that tell one curve from another: aggregate.csv's columns
    /// before `n` (variant, topology, the parameter columns) except the agent count (`agents`, and
    /// the `agents.count` parameter when swept or set). Just `variant` in a table without `agents`
    /// and `n` after it, such as one written by hand.
    static func identityColumns(of header: [String]) -> [Int] {
        guard let agents = header.firstIndex(of: agentsColumn), let n = header.firstIndex(of: "n"), agents < n else {
            return header.firstIndex(of: "variant").map { [$0] } ?? []
        }
        return header.indices.prefix(n).filter { $0 != agents && header[$0] != "agents.count" }
    }

    /// The curves of `aggregate`, in order of their first row; rows without an agent count are
    /// left out. Throws when a curve's points cannot be fitted (values so large the fit overflows,
    /// in a file that was edited), naming the curve and its rows.
    ///
    /// The fields may be as read from the file or as written to it: a reader undoes the quoting
    /// and keeps the ' that neutralises a formula, so grouping the fields as written finds the
    /// curves a reader of the file finds, and the numbers are the same either way.
    package static func curves(in aggregate: CSVTable) throws(CSVInputError) -> [ScalingCurve] {
        let identity = identityColumns(of: aggregate.header)
        var order: [[String]] = []
        var members: [[String]: [(row: Int, agents: Double)]] = [:]
        for (position, row) in aggregate.rows.enumerated() {
            guard let agents = aggregate.number(row, agentsColumn) else { continue }
            let key = identity.map { $0 < row.count ? row[$0] : "" }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append((position, agents))
        }
        return try order.map { key throws(CSVInputError) in
            let sorted = members[key]!.sorted { ($0.agents, $0.row) < ($1.agents, $1.row) }
            let points = sorted.compactMap { member in
                aggregate.number(aggregate.rows[member.row], fittedColumn).map { (n: member.agents, x: $0) }
            }
            var fit: UniversalScalabilityLaw.Fit?
            if Set(points.map(\.n)).count >= 3 {
                do throws(UniversalScalabilityLaw.FitError) {
                    fit = try UniversalScalabilityLaw.fit(n: points.map(\.n), x: points.map(\.x))
                } catch {
                    let name = zip(identity, key).map { "\(aggregate.header[$0])=\($1)" }.joined(separator: ", ")
                    throw .unfittable(file: aggregate.file, curve: "the curve \(name)", rows: sorted.map { aggregate.rowNumbers[$0.row] },
                                      reason: error)
                }
            }
            return ScalingCurve(rows: sorted.map(\.row), agents: sorted.map(\.agents), fit: fit)
        }
    }
}
