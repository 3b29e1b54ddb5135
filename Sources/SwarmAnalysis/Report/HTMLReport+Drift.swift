import SwarmExperiment

extension HTMLReport {
    /// Drift over simulated time: per series, the mean across replicates of timeseries.csv's drift
    /// at each sample. Only each series' largest agent count is drawn, since averaging 1 agent
    /// with 500 would describe neither; runs.csv maps each run_id to its series and agents.
    static func driftSection(_ folder: ResultsFolder) -> String {
        var seriesOfRun: [String: Int] = [:]
        var labels: [(label: String, agents: Double)] = []
        for (index, entry) in folder.runsBySeries.enumerated() {
            guard let largest = entry.byAgents.last else { continue }
            labels.append((entry.label, largest.agents))
            for row in largest.rows {
                seriesOfRun[folder.runs.text(row, "run_id")] = index
            }
        }
        var samples: [Int: [Double: [Double?]]] = [:]
        for row in folder.timeseries.rows {
            guard let series = seriesOfRun[folder.timeseries.text(row, "run_id")],
                  let time = folder.timeseries.number(row, "time_hours") else { continue }
            samples[series, default: [:]][time, default: []].append(folder.timeseries.number(row, "drift"))
        }
        let lines = labels.indices.map { index in
            (samples[index] ?? [:]).sorted { $0.key < $1.key }.compactMap { time, values in mean(values).map { (x: time, y: $0) } }
        }
        guard lines.contains(where: { !$0.isEmpty }) else {
            return section("drift", "Drift over time", caption: "No run landed work, so drift is undefined throughout.", "")
        }
        let points = lines.flatMap { $0 }
        var chart = SVGChart(title: "drift over simulated time",
                             x: .numeric("simulated time (h)", covering: points.map(\.x), fromZero: true),
                             y: .numeric("drift (misaligned share of value landed)", covering: points.map(\.y), fromZero: true))
        for (index, line) in lines.enumerated() {
            chart.line(line, colour: Palette.colour(index), dash: Palette.dash(index))
            chart.dots(line, colour: Palette.colour(index))
            chart.key(folder.label(labels[index].label, agents: labels[index].agents), colour: Palette.colour(index), dash: Palette.dash(index))
        }
        return section("drift", "Drift over time",
                       caption: "Misaligned share of the value landed in the trailing drift window, mean across replicates, "
                           + "at each series' largest agent count.",
                       chart.svg)
    }
}
