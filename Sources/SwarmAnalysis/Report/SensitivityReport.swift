import SwarmExperiment

/// The report of a `swarmsim sensitivity run` folder: per metric, each factor's indices (S1 and
/// ST, or Morris mu* and sigma) as bars with their bootstrap intervals, the seed noise beside
/// them, and the table of every index. Self-contained HTML like `HTMLReport`, and the same folder
/// always gives the same bytes.
public enum SensitivityReport {
    /// The page for the indices (`sensitivity.csv`) and seed noise (`seed_noise.csv`) of `name`.
    /// Every number is checked as the tables are read, and a bad cell refused with its row.
    public static func render(name: String, description: String, indices: CSVTable, noise: CSVTable) throws(CSVInputError) -> String {
        let rows = try readIndices(indices)
        let shares = try readNoise(noise)
        var metrics: [String] = []
        for row in rows where !metrics.contains(row.metric) {
            metrics.append(row.metric)
        }
        let sections = metrics.map { metric in
            let caption = "Each factor's indices with their bootstrap 95% intervals (black lines). "
                + (shares[metric].map { "Replicate noise is \(readableNumber(($0 * 1000).rounded() / 10))% of this metric's variance across the design points." }
                    ?? "Replicate noise could not be measured (one replicate per point).")
            return HTMLReport.section("metric-\(metric)", metric, caption: caption, chart(rows.filter { $0.metric == metric }, metric: metric))
        }
        let table = HTMLReport.table(SensitivityIndexRow.header, rows.map { row in
            [row.metric, row.factor, row.index, readableNumber(row.estimate), readableNumber(row.low), readableNumber(row.high)]
        })
        return HTMLReport.page(title: "swarmsim sensitivity: \(name)", description: description, body: """
            \(sections.joined(separator: "\n"))
            \(HTMLReport.section("indices", "every index", caption: "sensitivity.csv as written.", table))
            """)
    }

    /// One horizontal bar per factor and index, factors top to bottom in the file's order.
    private static func chart(_ rows: [SensitivityIndexRow], metric: String) -> String {
        var kinds: [String] = []
        for row in rows where !kinds.contains(row.index) && row.index != "mu" && row.index != "S2" {
            kinds.append(row.index)
        }
        let shown = rows.filter { kinds.contains($0.index) }.reversed()
        let covered = shown.flatMap { [$0.estimate, $0.low, $0.high] }.filter(\.isFinite)
        var chart = SVGChart(title: "sensitivity of \(metric)", x: .numeric("index", covering: covered, fromZero: true),
                             y: .categories("", shown.map { "\($0.factor) \($0.index)" }))
        for (slot, row) in shown.enumerated() {
            let middle = Double(slot) + 0.5
            let colour = Palette.colour(kinds.firstIndex(of: row.index) ?? 0)
            chart.rectangle(x: min(0, row.estimate)...max(0, row.estimate), y: (middle - 0.3)...(middle + 0.3), colour: colour,
                            tooltip: "\(row.factor) \(row.index): \(readableNumber(row.estimate)) [\(readableNumber(row.low)), \(readableNumber(row.high))]")
            chart.line([(row.low, middle), (row.high, middle)], colour: "#000000")
        }
        for (index, kind) in kinds.enumerated() {
            chart.key(kind, colour: Palette.colour(index))
        }
        return chart.svg
    }

    private static func readIndices(_ table: CSVTable) throws(CSVInputError) -> [SensitivityIndexRow] {
        var positions: [Int] = []
        for name in SensitivityIndexRow.header {
            guard let position = try table.position(of: name) else {
                throw .missingColumn(file: table.file, column: name, suggestion: closestMatch(to: name, among: table.header), similar: [])
            }
            positions.append(position)
        }
        return try table.rows.indices.map { index throws(CSVInputError) in
            let row = table.rows[index]
            func number(_ column: Int) throws(CSVInputError) -> Double {
                try table.number(at: index, column: positions[column], .any, emptyAllowed: false)!
            }
            return SensitivityIndexRow(metric: row[positions[0]], factor: row[positions[1]], index: row[positions[2]],
                                       estimate: try number(3), low: try number(4), high: try number(5))
        }
    }

    /// Each metric's noise share; a metric whose share is empty (not measurable) is left out.
    private static func readNoise(_ table: CSVTable) throws(CSVInputError) -> [String: Double] {
        guard let metric = try table.position(of: "metric"), let share = try table.position(of: "noise_share") else {
            throw .missingColumn(file: table.file, column: "noise_share", suggestion: nil, similar: [])
        }
        var shares: [String: Double] = [:]
        for index in table.rows.indices {
            shares[table.rows[index][metric]] = try table.number(at: index, column: share, .nonNegative, emptyAllowed: true)
        }
        return shares
    }
}
