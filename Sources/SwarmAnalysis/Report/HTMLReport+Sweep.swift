import SwarmExperiment

extension HTMLReport {
    /// `metric` of a sweep that keeps the agent count fixed: against the first swept parameter,
    /// one line per variant with its 95% band, and one panel per combination of the other swept
    /// parameters' values. A variant has the same colour in every panel and chart, and the panels
    /// share their y axis, so they compare at a glance.
    static func sweepCharts(_ folder: ResultsFolder, metric: String, title: String) -> String {
        let table = folder.aggregate
        let swept = folder.otherParameters
        let parameter = swept[0]
        let variants = distinct(table.rows.map { table.text($0, "variant") })
        let panels = distinct(table.rows.map { folder.values(of: swept.dropFirst(), in: $0, of: table) })
        let settings = distinct(table.rows.map { table.text($0, parameter) })
        let numbers = settings.compactMap(Double.init)
        let numeric = numbers.count == settings.count
        let x: SVGChart.Axis
        if numeric {
            // Values spanning two decades or more (0.1 to 24 hours) spread evenly on a log axis.
            let logarithmic = (numbers.min() ?? 0) > 0 && (numbers.max() ?? 0) >= 100 * (numbers.min() ?? 0)
            x = .numeric(logarithmic ? "\(parameter) (log scale)" : parameter, covering: numbers, scale: logarithmic ? .logarithmic : .linear)
        } else {
            x = .categories(parameter, settings)
        }
        func position(_ row: [String]) -> Double {
            let text = table.text(row, parameter)
            return numeric ? Double(text)! : Double(settings.firstIndex(of: text)!) + 0.5
        }
        let points = table.rows.map { (row: $0, point: AggregatePoint(agents: table.number($0, "agents") ?? 0, row: $0, table: table)) }
        let covered = points.flatMap { [$0.point.estimate(metric).mean, $0.point.estimate(metric).low, $0.point.estimate(metric).high] }
        let y = SVGChart.Axis.numeric(title, covering: covered.compactMap { $0 }, fromZero: true)
        return panels.map { panel in
            var chart = SVGChart(title: panel.isEmpty ? "\(title) against \(parameter)" : "\(title) against \(parameter), \(panel)", x: x, y: y)
            for (index, variant) in variants.enumerated() {
                let colour = Palette.colour(index)
                let mine = points.filter { table.text($0.row, "variant") == variant && folder.values(of: swept.dropFirst(), in: $0.row, of: table) == panel }
                    .sorted { position($0.row) < position($1.row) }
                chart.band(mine.compactMap { entry in
                    guard case let (_, low?, high?) = entry.point.estimate(metric) else { return nil }
                    return (position(entry.row), low, high)
                }, colour: colour)
                let means = mine.compactMap { entry in entry.point.estimate(metric).mean.map { (x: position(entry.row), y: $0) } }
                chart.line(means, colour: colour, dash: Palette.dash(index))
                chart.dots(means, colour: colour)
                chart.key(variant, colour: colour, dash: Palette.dash(index))
            }
            return (panel.isEmpty ? "" : "<h3>\("\(title), \(panel)".htmlEscaped)</h3>\n") + chart.svg
        }.joined(separator: "\n")
    }

    /// `values` without repeats, in order of first appearance.
    static func distinct(_ values: [String]) -> [String] {
        var seen: [String] = []
        for value in values where !seen.contains(value) { seen.append(value) }
        return seen
    }
}
