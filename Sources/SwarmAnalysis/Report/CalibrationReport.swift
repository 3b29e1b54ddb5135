import Foundation
import SwarmExperiment

/// The report of a calibration folder as one self-contained HTML page, like `HTMLReport`'s: each
/// parameter's posterior marginal against its prior, the pair of parameters with the strongest
/// posterior correlation, the observed hourly landings over the simulated 90% band, and the
/// posterior predictive checks (and the holdout's). The same folder always gives the same bytes.
public enum CalibrationReport {
    /// Bins of each marginal's histogram across its prior range.
    static let bins = 20

    public static func render(_ folder: CalibrationFolder) -> String {
        let title = folder.name.isEmpty ? "calibration" : folder.name
        let meta = "\(folder.parameters.count) parameter\(folder.parameters.count == 1 ? "" : "s") · \(folder.generations) generations · "
            + "\(folder.simulations) particles simulated · \(folder.particles.count) in the posterior"
        var sections = [marginalsSection(folder), correlationSection(folder),
                        seriesSection(folder.series, id: "hourly", heading: "Observed hourly landings over the simulated band",
                                      caption: "Landings per hour of each observed run the calibration fitted, over the median (dashed) and 90% band "
                                          + "of one run of each of the posterior's particles (ppc-series.csv)."),
                        checkSection(folder.check, id: "ppc", heading: "Posterior predictive check",
                                     caption: "Each statistic observed (the median over the fitted runs) against the 90% band of the posterior's runs (ppc.csv).")]
        if let series = folder.holdoutSeries, let check = folder.holdoutCheck {
            sections.append(seriesSection(series, id: "holdout-hourly", heading: "Holdout: hourly landings over the simulated band",
                                          caption: "The same for observed runs the fit never saw, with runs as long as theirs (holdout-series.csv)."))
            sections.append(checkSection(check, id: "holdout", heading: "Holdout check",
                                         caption: "Each statistic of the holdout runs against the posterior's band: the out-of-sample test (holdout.csv)."))
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>swarmsim calibration report: \(title.htmlEscaped)</title>
            <style>\(HTMLReport.style)</style>
            </head>
            <body>
            <h1>swarmsim calibration report: \(title.htmlEscaped)</h1>
            <p>\(folder.description.htmlEscaped)</p>
            <p class="meta">\(meta.htmlEscaped)</p>
            \(sections.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static func marginalsSection(_ folder: CalibrationFolder) -> String {
        var content: [String] = []
        for (index, parameter) in folder.parameters.enumerated() {
            // A log-uniform prior is flat in log10 of the parameter: bins and density per decade.
            let scaled = { (value: Double) in parameter.logScale ? log10(value) : value }
            let unscaled = { (value: Double) in parameter.logScale ? pow(10, value) : value }
            let (low, high) = (scaled(parameter.low), scaled(parameter.high))
            let width = (high - low) / Double(bins)
            var mass = Array(repeating: 0.0, count: bins)
            for (particle, weight) in zip(folder.particles, folder.weights) {
                let bin = min(bins - 1, max(0, Int((scaled(particle[index]) - low) / width)))
                mass[bin] += weight
            }
            let total = mass.reduce(0, +)
            let densities = mass.map { total > 0 ? $0 / total / width : 0 }
            let prior = 1 / (high - low)
            var chart = SVGChart(title: "posterior of \(parameter.path)",
                                 x: .numeric(parameter.path + (parameter.logScale ? " (log scale)" : ""), covering: [parameter.low, parameter.high],
                                             scale: parameter.logScale ? .logarithmic : .linear),
                                 y: .numeric(parameter.logScale ? "density per decade" : "density", covering: densities + [prior], fromZero: true))
            for (bin, density) in densities.enumerated() where density > 0 {
                let (start, end) = (unscaled(low + Double(bin) * width), unscaled(low + Double(bin + 1) * width))
                chart.rectangle(x: start...end, y: 0...density, colour: Palette.colour(0),
                                tooltip: "\(readableNumber(start))-\(readableNumber(end)): \(readableNumber(density))")
            }
            chart.line([(parameter.low, prior), (parameter.high, prior)], colour: Palette.colour(1), dash: Palette.dashed)
            chart.line([(parameter.median, 0), (parameter.median, densities.max() ?? prior)], colour: Palette.colour(7))
            chart.key("posterior (last generation, weighted)", colour: Palette.colour(0))
            chart.key(parameter.logScale ? "prior (log-uniform over its range)" : "prior (uniform over its range)", colour: Palette.colour(1), dash: Palette.dashed)
            chart.key("posterior median", colour: Palette.colour(7))
            content.append(chart.svg)
        }
        let rows = folder.parameters.map { p in
            [p.path, "\(p.logScale ? "log-uniform" : "uniform") \(readableNumber(p.low))-\(readableNumber(p.high))", readableNumber(p.mean), readableNumber(p.median),
             "\(readableNumber(p.ci90Low))-\(readableNumber(p.ci90High))",
             narrowing(p).map { readableNumber($0) + "x" } ?? ""]
        }
        content.append(HTMLReport.table(["parameter", "prior", "posterior mean", "median", "90% interval", "narrower than the prior (log10 for log-uniform)"], rows))
        return HTMLReport.section("marginals", "Posterior marginals against the priors",
                                  caption: "Each fitted parameter's posterior (the last generation's particles, weighted, in \(bins) bins across the prior "
                                      + "range) against its prior (flat per decade for a log-uniform one); calibration.csv gives the numbers.", content.joined(separator: "\n"))
    }

    static func correlationSection(_ folder: CalibrationFolder) -> String {
        let count = folder.parameters.count
        guard count >= 2 else {
            return HTMLReport.section("correlation", "Posterior correlation",
                                      caption: "One parameter was fitted, so there is no pair to correlate.", "")
        }
        var pairs: [(i: Int, j: Int, r: Double)] = []
        for i in 0..<count {
            for j in (i + 1)..<count {
                pairs.append((i, j, weightedCorrelation(folder.particles.map { $0[i] }, folder.particles.map { $0[j] }, folder.weights)))
            }
        }
        let strongest = pairs.max { abs($0.r) < abs($1.r) || (abs($0.r) == abs($1.r) && ($0.i, $0.j) > ($1.i, $1.j)) }!
        let (x, y) = (folder.parameters[strongest.i], folder.parameters[strongest.j])
        var chart = SVGChart(title: "posterior particles: \(x.path) against \(y.path)",
                             x: .numeric(x.path, covering: [x.low, x.high]), y: .numeric(y.path, covering: [y.low, y.high]))
        chart.dots(folder.particles.map { ($0[strongest.i], $0[strongest.j]) }, colour: Palette.colour(0))
        let table = HTMLReport.table(["parameters", "weighted correlation"],
                                     pairs.map { ["\(folder.parameters[$0.i].path), \(folder.parameters[$0.j].path)", readableNumber($0.r)] })
        return HTMLReport.section("correlation", "Strongest posterior correlation: \(x.path) and \(y.path)",
                                  caption: "The weighted correlation of the last generation's particles is \(readableNumber(strongest.r)): "
                                      + "where it is far from 0 the data pin down a combination of the two more than either alone.",
                                  chart.svg + "\n" + table)
    }

    static func seriesSection(_ series: CalibrationFolder.Series, id: String, heading: String, caption: String) -> String {
        let band = series.hours.indices.compactMap { index -> (x: Double, low: Double, high: Double)? in
            guard let low = series.low[index], let high = series.high[index] else { return nil }
            return (series.hours[index], low, high)
        }
        let median = series.hours.indices.compactMap { index in series.median[index].map { (x: series.hours[index], y: $0) } }
        let observed = series.observed.map { run in series.hours.indices.compactMap { index in run[index].map { (x: series.hours[index], y: $0) } } }
        let values = band.flatMap { [$0.low, $0.high] } + observed.flatMap { $0.map(\.y) }
        var chart = SVGChart(title: heading, x: .numeric("hour of the run", covering: series.hours, fromZero: true),
                             y: .numeric("landings per hour", covering: values, fromZero: true))
        chart.band(band, colour: Palette.colour(0))
        chart.line(median, colour: Palette.colour(0), dash: Palette.dashed)
        chart.key("simulated median and 90% band", colour: Palette.colour(0), dash: Palette.dashed)
        for (index, run) in observed.enumerated() {
            chart.line(run, colour: Palette.colour(index + 1))
            chart.key(series.observedNames[index].replacingOccurrences(of: "_", with: " "), colour: Palette.colour(index + 1))
        }
        return HTMLReport.section(id, heading, caption: caption, chart.svg)
    }

    static func checkSection(_ checks: [CalibrationFolder.Check], id: String, heading: String, caption: String) -> String {
        let rows = checks.map { check -> [String] in
            let band = check.low.flatMap { low in check.high.map { "\(readableNumber(low))-\(readableNumber($0))" } } ?? ""
            let verdict: String
            if check.statistic == LandingStatistic.hours.rawValue {
                verdict = "set to match"
            } else if let observed = check.observed, let low = check.low, let high = check.high {
                verdict = observed >= low && observed <= high ? "inside" : "MISSED"
            } else {
                verdict = "not comparable"
            }
            return [check.statistic, check.observed.map(readableNumber) ?? "", check.median.map(readableNumber) ?? "", band, verdict,
                    check.fitted ? "yes" : "no"]
        }
        return HTMLReport.section(id, heading, caption: caption,
                                  HTMLReport.table(["statistic", "observed", "simulated median", "90% band", "observed is", "in the distance"], rows))
    }

    /// How many times narrower the 90% interval is than the prior's range (in log10 for a
    /// log-uniform prior, where the prior is flat); nil for an interval of one point.
    static func narrowing(_ p: CalibrationFolder.Parameter) -> Double? {
        let scaled = { (value: Double) in p.logScale ? log10(value) : value }
        let interval = scaled(p.ci90High) - scaled(p.ci90Low)
        return interval > 0 ? (scaled(p.high) - scaled(p.low)) / interval : nil
    }

    /// Pearson's correlation of `x` and `y` under `weights`; 0 when either does not vary.
    static func weightedCorrelation(_ x: [Double], _ y: [Double], _ weights: [Double]) -> Double {
        let total = weights.reduce(0, +)
        let mx = zip(x, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        let my = zip(y, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for index in x.indices {
            sxy += weights[index] * (x[index] - mx) * (y[index] - my)
            sxx += weights[index] * (x[index] - mx) * (x[index] - mx)
            syy += weights[index] * (y[index] - my) * (y[index] - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }
}
