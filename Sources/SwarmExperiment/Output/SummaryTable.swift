import SwarmModel

/// The table `swarmsim run` prints when it is done: one line per variant x sweep point with the
/// means across replicates of the headline metrics, so the answer is visible without opening a file.
public enum SummaryTable {
    /// The metrics the table shows, with their headings.
    private static let columns: [(metric: SummaryMetric, heading: String)] = [
        (.throughput, "throughput/h"), (.effectiveAgents, "effective agents"), (.lockWaitShare, "lock wait"), (.drift, "drift"),
    ]

    /// The metrics a `ReplicateTable` must keep for `render`.
    public static var metrics: [SummaryMetric] { columns.map(\.metric) }

    /// The table as aligned text, one line per group of `plan`, ending in a newline. Throughput
    /// shows its 95% interval half-width; parameter columns other than agents.count follow `agents`.
    public static func render(_ plan: RunPlan, table: ReplicateTable) -> String {
        let parameters = plan.scenario.parameterColumns
        var rows = [["variant", "agents"] + parameters + columns.map(\.heading)]
        for (index, group) in plan.groups.enumerated() {
            var row = [group.variant, String(group.config.agents.count)]
            row += group.parameters.filter { parameters.contains($0.path) }.map(\.value.plainText)
            row += columns.enumerated().map { position, column in
                guard let summary = table.summary(of: column.metric, inGroup: index) else { return "-" }
                let mean = readableNumber(summary.mean)
                guard position == 0, let halfWidth = summary.halfWidth else { return mean }
                return "\(mean) ± \(readableNumber(halfWidth))"
            }
            rows.append(row)
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
