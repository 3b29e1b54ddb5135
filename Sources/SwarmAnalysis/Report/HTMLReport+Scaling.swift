import Foundation
import SwarmExperiment
import SwarmKernel

extension HTMLReport {
    /// Throughput and effective agents per series: curves against agents on a log axis with their
    /// 95% intervals and, for throughput, the fitted Universal Scalability Law and its parameters;
    /// against the swept parameter when the sweep keeps the agent count fixed (`sweepCharts`); bars
    /// when nothing is swept (there is no curve to fit).
    static func scalingSection(_ folder: ResultsFolder) -> String {
        let series = folder.aggregateSeries
        if !folder.sweepsAgents, let parameter = folder.otherParameters.first {
            let panels = folder.otherParameters.dropFirst()
            return section("scaling", "Throughput and effective agents",
                           caption: "Dots are means across replicates, shaded bands their 95% intervals, against \(parameter): one line "
                               + "and one colour per variant"
                               + (panels.isEmpty ? "." : ", one panel per value of \(panels.joined(separator: " and ")), on the same scale."),
                           sweepCharts(folder, metric: "throughput_tasks_per_hour", title: "throughput (tasks/h)")
                               + "\n" + sweepCharts(folder, metric: "effective_agents", title: "effective agents (agents)"))
        }
        guard folder.sweepsAgents else {
            return section("scaling", "Throughput and effective agents",
                           caption: "Means across replicates with their 95% intervals (black lines), one bar per variant and sweep point.",
                           throughputBars(series, metric: "throughput_tasks_per_hour", title: "throughput (tasks/h)")
                               + "\n" + throughputBars(series, metric: "effective_agents", title: "effective agents (agents)"))
        }
        let fits = series.map(\.fit)
        let rows = zip(series, fits).map { entry, fit -> [String] in
            guard let fit else { return [entry.label, "–", "–", "–", "–", "–", "–"] }
            let law = fit.law
            let quality = fit.rSquared.map { readableNumber($0) + (isPoor(fit) ? " (poor fit)" : "") } ?? "– (flat)"
            return [entry.label, readableNumber(law.gamma), readableNumber(law.sigma), readableNumber(law.kappa),
                    law.peak.map(readableNumber) ?? "none (kappa = 0)", quality, readableNumber(fit.rootMeanSquareError)]
        }
        let content = [
            curveChart(series, metric: "throughput_tasks_per_hour", title: "throughput (tasks/h)", fits: fits),
            curveChart(series, metric: "effective_agents", title: "effective agents (agents)", fits: nil),
            "<h3>Universal Scalability Law fits of throughput</h3>",
            table(["series", "gamma (tasks/h per agent)", "sigma (contention)", "kappa (coherency)", "peak (agents)",
                   "R-squared", "RMSE (tasks/h)"], rows),
            "<p>R-squared is the share of the variation of the means that the law explains; below "
                + "\(readableNumber(poorFitRSquared)) the fit is marked poor: its parameters describe the curve badly, and "
                + "its peak should not be trusted. RMSE is the typical distance of a mean from the fitted law.</p>",
        ]
        return section("scaling", "Throughput and effective agents",
                        caption: "Dots are means across replicates, shaded bands their 95% intervals. On the throughput chart the "
                            + "line is the Universal Scalability Law fitted to the means, X(N) = gamma N / (1 + sigma (N-1) + kappa N (N-1)); "
                            + "on the effective-agents chart it joins the means, and the dashed line is every agent fully effective."
                            + (folder.otherParameters.isEmpty ? ""
                                : " One panel per value of \(folder.otherParameters.joined(separator: " and ")), on the same scale; a variant keeps its colour."),
                        content.joined(separator: "\n"))
    }

    /// Below this R-squared a fit is marked poor: the law leaves more than a tenth of the means'
    /// variation unexplained (the bundled scenarios' fits explain 0.91 to 1 of it).
    static let poorFitRSquared = 0.9

    /// Whether the law explains too little of the means' variation to be read (see `poorFitRSquared`).
    static func isPoor(_ fit: UniversalScalabilityLaw.Fit) -> Bool {
        fit.rSquared.map { $0 < poorFitRSquared } ?? false
    }

    /// `metric` against agents (log axis) per series: band, dots, and the fitted curve when `fits`
    /// is given, else a line through the means and the ideal y = agents. One line and colour per
    /// variant, and one panel per combination of the other swept parameters, on shared axes.
    private static func curveChart(_ series: [AggregateSeries], metric: String,
                                   title: String, fits: [UniversalScalabilityLaw.Fit?]?) -> String {
        let agents = series.flatMap { $0.points.map(\.agents) }
        let curves: [[(x: Double, y: Double)]] = series.indices.map { index in
            guard let law = fits?[index]?.law, let low = series[index].points.first?.agents, let high = series[index].points.last?.agents
            else { return [] }
            // Log-spaced samples, so the curve is equally smooth across every decade of agents.
            return (0...60).map { step in
                let n = low * pow(high / low, Double(step) / 60)
                return (n, law.throughput(n))
            }
        }
        var covered = series.flatMap { entry in
            entry.points.flatMap { point in [point.estimate(metric).mean, point.estimate(metric).low, point.estimate(metric).high] }
        }.compactMap { $0 } + curves.flatMap { $0.map(\.y) }
        if fits == nil { covered += agents }
        let x = SVGChart.Axis.numeric("agents (log scale)", covering: agents, scale: .logarithmic)
        // When the series span two decades or more (a hierarchy beside a collapsing flat swarm), a
        // linear axis flattens all but the largest: use a log axis over the positive values.
        let positive = covered.filter { $0 > 0 }
        let logarithmic = (positive.max() ?? 0) >= 100 * (positive.min() ?? .infinity)
        let y: SVGChart.Axis = logarithmic
            ? .numeric("\(title) (log scale)", covering: positive, scale: .logarithmic)
            : .numeric(title, covering: covered, fromZero: true)
        let variants = distinct(series.map(\.variant))
        return distinct(series.map(\.panel)).map { panel in
            var chart = SVGChart(title: panel.isEmpty ? "\(title) against agents" : "\(title) against agents, \(panel)", x: x, y: y)
            for (index, entry) in series.enumerated() where entry.panel == panel {
                let variant = variants.firstIndex(of: entry.variant)!
                let colour = Palette.colour(variant)
                let means = entry.points.compactMap { point in point.estimate(metric).mean.map { (x: point.agents, y: $0) } }
                chart.band(entry.points.compactMap { point in
                    guard case let (_, low?, high?) = point.estimate(metric) else { return nil }
                    return (point.agents, low, high)
                }, colour: colour)
                chart.line(fits == nil ? means : curves[index], colour: colour, dash: Palette.dash(variant))
                chart.dots(means, colour: colour)
                chart.key(entry.variant, colour: colour, dash: Palette.dash(variant))
            }
            if fits == nil, let low = agents.min(), let high = agents.max() {
                chart.line([(low, low), (high, high)], colour: "#777777", dash: Palette.dashed)
                chart.key("every agent effective", colour: "#777777", dash: Palette.dashed)
            }
            return (panel.isEmpty ? "" : "<h3>\("\(title), \(panel)".htmlEscaped)</h3>\n") + chart.svg
        }.joined(separator: "\n")
    }

    /// One horizontal bar per aggregate row with its 95% interval as a black line: the comparison
    /// when agents are not swept. Horizontal, so long variant names stay readable.
    private static func throughputBars(_ series: [AggregateSeries], metric: String, title: String) -> String {
        let bars = series.enumerated().flatMap { index, entry in
            entry.points.map { (label: "\(entry.label), \(readableNumber($0.agents)) agents", colour: Palette.colour(index), estimate: $0.estimate(metric)) }
        }.reversed()
        let covered = bars.flatMap { [$0.estimate.mean, $0.estimate.low, $0.estimate.high] }.compactMap { $0 }
        // Slot 0 is at the bottom of a category axis: reversed, the first variant reads at the top.
        var chart = SVGChart(title: title, x: .numeric(title, covering: covered, fromZero: true),
                             y: .categories("", bars.map(\.label)))
        for (slot, bar) in bars.enumerated() {
            guard let value = bar.estimate.mean else { continue }
            let middle = Double(slot) + 0.5
            chart.rectangle(x: min(0, value)...max(0, value), y: (middle - 0.3)...(middle + 0.3), colour: bar.colour,
                            tooltip: "\(bar.label): \(readableNumber(value))")
            if case let (_, low?, high?) = bar.estimate {
                chart.line([(low, middle), (high, middle)], colour: "#000000")
            }
        }
        return chart.svg
    }
}
