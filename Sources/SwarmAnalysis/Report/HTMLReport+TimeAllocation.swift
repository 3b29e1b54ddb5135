import SwarmExperiment

extension HTMLReport {
    /// runs.csv's shares of agent-hours, in stacking order, with their legend names.
    private static let shares: [(column: String, name: String)] = [
        ("work_share", "work"), ("lock_wait_share", "lock wait"), ("idle_share", "idle"), ("rework_share", "rework"),
        ("rebase_share", "rebase"), ("coordination_share", "coordination"), ("blocked_share", "blocked"),
    ]

    /// Sweep points shown one bar each before the chart keeps only each series' largest agent count.
    private static let mostBars = 12

    /// Where agent time goes: one horizontal bar per series and agent count, stacked from the mean
    /// shares across replicates. With many sweep points only each series' largest agent count is
    /// shown, where coordination costs are largest.
    static func timeAllocationSection(_ folder: ResultsFolder) -> String {
        var bars: [(label: String, agents: Double, shares: [Double?])] = []
        for (label, byAgents) in folder.runsBySeries {
            for (agents, rows) in byAgents {
                bars.append((label, agents, shares.map { share in mean(rows.map { folder.runs.number($0, share.column) }) }))
            }
        }
        let all = bars.count <= mostBars
        if !all {
            bars = bars.filter { bar in !bars.contains { $0.label == bar.label && $0.agents > bar.agents } }
        }
        // Slot 0 is at the bottom of a category axis: reverse, so the first series reads at the top.
        bars.reverse()
        let x = SVGChart.Axis.numeric("share of agent-hours", covering: [0, 1])
        var chart = SVGChart(title: "where agent time goes", x: x,
                             y: .categories("", bars.map { folder.label($0.label, agents: $0.agents) }))
        for (slot, bar) in bars.enumerated() {
            var start = 0.0
            for (index, share) in bar.shares.enumerated() {
                guard let share, share > 0 else { continue }
                chart.rectangle(x: start...(start + share), y: (Double(slot) + 0.15)...(Double(slot) + 0.85), colour: Palette.colour(index),
                                tooltip: "\(folder.label(bar.label, agents: bar.agents)): \(shares[index].name) \(readableNumber(share))")
                start += share
            }
        }
        for (index, share) in shares.enumerated() {
            chart.key(share.name, colour: Palette.colour(index))
        }
        return section("time", "Where agent time goes",
                       caption: "Mean share of agent-hours across replicates "
                           + (all ? "at every sweep point." : "at each series' largest agent count."),
                       chart.svg)
    }
}
