import Foundation
import SwarmExperiment

/// Writes a calibration's folder, every file or none (temporary names, renamed at the end):
///
/// - `posterior.csv`: every generation's particles: `generation`, `particle`, `tolerance`,
///   `weight`, `distance`, then each fitted parameter by its path;
/// - `calibration.csv`: per parameter, the prior (uniform or log-uniform) and its range, and the last generation's weighted mean,
///   median and 90% credible interval (weighted 5% and 95% quantiles);
/// - `calibrated.json`: the scenario with every fitted parameter at its posterior median (and the
///   settings given with it written in), without the expectations written for the uncalibrated model;
/// - `ppc.csv`: each statistic observed (the median over the observed runs) against the posterior
///   predictive runs' median and 90% band, and whether the observed value lies inside (empty for
///   hours, which the runs are set to match, and where either side is undefined);
/// - `ppc-series.csv`: per hour, the predictive runs' median and 90% band of landings, beside each
///   observed run's landings;
/// - with a holdout, `holdout.csv` and `holdout-series.csv`: the same check against runs the fit
///   never saw, with runs as long as theirs.
public enum CalibrationWriter {
    public static let files = ["posterior.csv", "calibration.csv", "calibrated.json", "ppc.csv", "ppc-series.csv"]
    public static let holdoutFiles = ["holdout.csv", "holdout-series.csv"]

    public static func write(_ outcome: CalibrationRun.Outcome, of calibration: Calibration, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var named = zip(files, [posterior(outcome, calibration), summary(outcome, calibration), calibratedScenario(outcome, calibration),
                                check(outcome.predictive, against: calibration.observed, fitted: calibration.statistics),
                                series(outcome.predictive, beside: calibration.observed)]).map { ($0, $1) }
        if let runs = outcome.holdout, let holdout = calibration.holdout {
            named += zip(holdoutFiles, [check(runs, against: holdout, fitted: calibration.statistics), series(runs, beside: holdout)]).map { ($0, $1) }
        }
        let files = try named.map { name, text in
            let file = try AtomicFile(destination: directory.appendingPathComponent(name))
            file.write(text)
            return file
        }
        for file in files { try file.commit() }
    }

    static func posterior(_ outcome: CalibrationRun.Outcome, _ calibration: Calibration) -> String {
        var text = ""
        CSVWriter.writeHeader(["generation", "particle", "tolerance", "weight", "distance"] + calibration.fits.map(\.dottedPath), to: &text)
        for generation in outcome.abc.generations {
            for (index, particle) in generation.particles.enumerated() {
                CSVWriter.writeRow([.integer(generation.index), .integer(index + 1), .number(generation.tolerance),
                                    .number(generation.weights[index]), .number(generation.distances[index])]
                                   + calibration.values(at: particle).map(CSVCell.number), to: &text)
            }
        }
        return text
    }

    /// The weighted posterior mean, median and 90% interval of parameter `index`.
    static func marginal(_ outcome: CalibrationRun.Outcome, _ calibration: Calibration, _ index: Int)
        -> (mean: Double, median: Double, low: Double, high: Double) {
        let posterior = outcome.abc.posterior
        let values = posterior.particles.map { calibration.fits[index].value(at: $0[index]) }
        let mean = zip(values, posterior.weights).reduce(0) { $0 + $1.0 * $1.1 }
        func quantile(_ p: Double) -> Double { ABCSMC.weightedQuantile(values, weights: posterior.weights, p) }
        return (mean, quantile(0.5), quantile(0.05), quantile(0.95))
    }

    public static func summary(_ outcome: CalibrationRun.Outcome, _ calibration: Calibration) -> String {
        var text = ""
        CSVWriter.writeHeader(["parameter", "prior", "prior_low", "prior_high", "posterior_mean", "posterior_median", "ci90_low", "ci90_high",
                               "generations", "simulations", "tolerance", "effective_sample_size"], to: &text)
        let posterior = outcome.abc.posterior
        for (index, fit) in calibration.fits.enumerated() {
            let m = marginal(outcome, calibration, index)
            CSVWriter.writeRow([.text(fit.dottedPath), .text(fit.logScale ? "log-uniform" : "uniform"), .number(fit.low), .number(fit.high), .number(m.mean), .number(m.median),
                                .number(m.low), .number(m.high), .integer(outcome.abc.generations.count), .integer(outcome.abc.simulations),
                                .number(posterior.tolerance), .number(posterior.effectiveSampleSize)], to: &text)
        }
        return text
    }

    static func calibratedScenario(_ outcome: CalibrationRun.Outcome, _ calibration: Calibration) -> String {
        var document = (try? JSONDecoder().decode(JSONValue.self, from: calibration.scenario.source)) ?? .object([:])
        let medians = calibration.fits.indices.map { Setting(path: calibration.fits[$0].path,
                                                              value: .number(calibration.fits[$0].simulated(marginal(outcome, calibration, $0).median)),
                                                              origin: .fitted) }
        for setting in calibration.settings.filter(\.isModelParameter) + medians {
            // A parameter inside a distribution the file does not write: write the whole resolved
            // distribution first, so the other parameters it needs come with it.
            let field = Array(setting.path.prefix(2))
            if setting.path.count > 2, document.value(at: field) == nil,
               let resolved = calibration.scenario.variants[0].resolved.value(at: field) {
                document = document.merging(resolved, at: field)
            }
            document = document.merging(setting.value, at: setting.path)
            if case .array(var variants) = document.value(at: ["variants"]) {
                for index in variants.indices where variants[index].value(at: setting.path) != nil {
                    variants[index] = variants[index].merging(setting.value, at: setting.path)
                }
                document = document.merging(.array(variants), at: ["variants"])
            }
        }
        // The scenario's expectations were written for its uncalibrated model; they need not hold now.
        if case .object(var fields) = document {
            fields["expect"] = nil
            document = .object(fields)
        }
        let fitted = calibration.fits.map(\.dottedPath).joined(separator: ", ")
        document = document.merging(.string("\(calibration.scenario.name)-calibrated"), at: ["name"])
        document = document.merging(.string("\(calibration.scenario.description) Calibrated by swarmsim calibrate: \(fitted) at their posterior medians."
                                                .trimmingCharacters(in: .whitespaces)), at: ["description"])
        return document.prettyText + "\n"
    }

    /// Each statistic of `folder` (the median over its runs) against the band of `runs`.
    static func check(_ runs: [(statistics: LandingStatistics, hourly: [Double])], against folder: ObservedFolder,
                      fitted: [LandingStatistic]) -> String {
        var text = ""
        CSVWriter.writeHeader(["statistic", "observed", "simulated_median", "simulated_p05", "simulated_p95", "inside_band", "fitted"], to: &text)
        let target = folder.target
        for statistic in LandingStatistic.allCases {
            let simulated = runs.compactMap { $0.statistics[statistic] }.sorted()
            let low = LandingStatistics.quantile(simulated, 0.05)
            let high = LandingStatistics.quantile(simulated, 0.95)
            let observed = target[statistic]
            // A run's hours are set to match the observed ones, not predicted: nothing to check.
            let inside: CSVCell = if statistic != .hours, let observed, let low, let high {
                .bool(observed >= low && observed <= high)
            } else {
                .text("")
            }
            CSVWriter.writeRow([.text(statistic.rawValue), .number(observed), .number(LandingStatistics.quantile(simulated, 0.5)),
                                .number(low), .number(high), inside, .bool(fitted.contains(statistic))], to: &text)
        }
        return text
    }

    /// Per hour, the band of `runs`' landings beside each of `folder`'s runs.
    static func series(_ runs: [(statistics: LandingStatistics, hourly: [Double])], beside folder: ObservedFolder) -> String {
        var text = ""
        let observedRuns = folder.runs
        CSVWriter.writeHeader(["time_hours", "simulated_median", "simulated_p05", "simulated_p95"]
                              + observedRuns.map { "observed_run_\($0.id)" }, to: &text)
        let hours = max(runs.map(\.hourly.count).max() ?? 0, observedRuns.map(\.hourlyLandings.count).max() ?? 0)
        for hour in 0..<hours {
            let simulated = runs.compactMap { hour < $0.hourly.count ? $0.hourly[hour] : nil }.sorted()
            let observed = observedRuns.map { run -> CSVCell in .number(hour < run.hourlyLandings.count ? run.hourlyLandings[hour] : nil) }
            CSVWriter.writeRow([.integer(hour + 1), .number(LandingStatistics.quantile(simulated, 0.5)),
                                .number(LandingStatistics.quantile(simulated, 0.05)), .number(LandingStatistics.quantile(simulated, 0.95))]
                               + observed, to: &text)
        }
        return text
    }
}
