import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment

/// A calibration of one scenario's model to observed runs: which parameters it fits, over which
/// prior ranges, and how one particle becomes runs. Every run is a `RunSpec` of the scenario with
/// the particle's values as settings, sampled hourly for as long as the observed runs last, with a
/// seed of its own (so particles do not share their noise), and goes through `ExperimentRunner`
/// and the run store like any sweep's run.
public struct Calibration: Sendable {
    public let scenario: Scenario
    public let fits: [FittedParameter]
    public let observed: ObservedFolder
    /// Observed runs kept out of the fit, for an out-of-sample check of the calibrated model.
    public let holdout: ObservedFolder?
    /// Runs per particle; their statistics are averaged.
    public let replicates: Int
    /// The statistics the distance compares (`LandingStatistic.fitted` unless chosen): a modeller
    /// leaves out what the model cannot move, such as the peak's hour in a stationary model, where
    /// it is noise that would swamp the informative statistics.
    public let statistics: [LandingStatistic]
    /// The settings given with the scenario (`--set`), applied under the fitted values.
    let settings: [Setting]

    /// The settings that make runs comparable with `folder`'s: hourly samples, for the median
    /// hours of its runs (rounded up) unless `settings` give `duration_hours`.
    private func timing(for folder: ObservedFolder) -> [Setting] {
        Calibration.timing(for: folder, settings: settings)
    }

    private static func timing(for folder: ObservedFolder, settings: [Setting]) -> [Setting] {
        let hours = folder.runs.compactMap { $0.statistics[.hours] }.sorted()
        let duration = LandingStatistics.quantile(hours, 0.5)!.rounded(.up)
        return (settings.contains { $0.path == ["duration_hours"] }
            ? [] : [Setting(path: ["duration_hours"], value: .number(duration), origin: .assignment)])
            + [Setting(path: ["sample_every_hours"], value: .number(1), origin: .assignment)]
    }

    /// Checks the request: one model (one variant, no sweep), each fit a number of the model whose
    /// prior ends the scenario accepts, no path fitted twice or also set. The runs last the
    /// observed runs' median hours (rounded up) unless a setting gives `duration_hours`.
    ///
    /// - Throws: `ScenarioLoadError` for the scenario or a fitted value it refuses, `CalibrationError`.
    public init(scenarioFile: String, settings: [Setting], fits: [(path: [String], low: Double, high: Double)],
                logScale: [String] = [], statistics: [LandingStatistic] = LandingStatistic.fitted,
                observed: ObservedFolder, holdout: ObservedFolder? = nil, replicates: Int) throws {
        precondition(replicates >= 1 && !fits.isEmpty, "a calibration fits something and runs each particle at least once")
        let userSettings = settings
        let base = try Scenario.load(file: scenarioFile, settings: settings + Calibration.timing(for: observed, settings: settings))
        guard base.variants.count == 1, base.sweep.pointCount == 1 else {
            throw CalibrationError.severalModels(file: scenarioFile, variants: base.variants.count, points: base.sweep.pointCount)
        }
        var fitted: [FittedParameter] = []
        for fit in fits {
            let dotted = fit.path.joined(separator: ".")
            if fitted.contains(where: { $0.dottedPath == dotted }) { throw CalibrationError.fittedTwice(path: dotted) }
            if userSettings.contains(where: { $0.dottedPath == dotted }) { throw CalibrationError.alsoSet(path: dotted) }
            if let value = base.variants[0].resolved.value(at: fit.path) {
                guard case .number = value else { throw CalibrationError.notANumber(path: dotted, found: value.brief) }
            }
            let log = logScale.contains(dotted)
            if log && fit.low <= 0 { throw CalibrationError.logOfNonPositive(path: dotted, low: fit.low) }
            fitted.append(FittedParameter(path: fit.path, low: fit.low, high: fit.high,
                                          isInteger: Calibration.isWholeNumber(fit.path), logScale: log))
        }
        if let stray = logScale.first(where: { path in !fitted.contains { $0.dottedPath == path } }) {
            throw CalibrationError.logWithoutFit(path: stray)
        }
        self.fits = fitted
        self.observed = observed
        self.holdout = holdout
        self.replicates = replicates
        self.statistics = statistics
        self.settings = settings
        scenario = base
        // Both ends of every prior must be models the scenario accepts (an unknown path is refused here too).
        _ = try particleScenario(fitted.map(\.low))
        _ = try particleScenario(fitted.map(\.high))
    }

    /// The statistics the distance compares, observed: each one's median over the observed runs.
    public var target: [Double?] {
        let target = observed.target
        return statistics.map { target[$0] }
    }

    /// The fitted parameters' natural values at `coordinates`, a point of the search space.
    public func values(at coordinates: [Double]) -> [Double] {
        zip(fits, coordinates).map { $0.value(at: $1) }
    }

    /// The scenario with `values` (natural values) given to the fitted parameters, timed to match
    /// `folder`'s runs (the observed ones by default).
    func particleScenario(_ values: [Double], matching folder: ObservedFolder? = nil) throws(ScenarioLoadError) -> Scenario {
        try Scenario.decode(scenario.source, file: scenario.file,
                            settings: settings + timing(for: folder ?? observed) + zip(fits, values).map { $0.setting($1) })
    }

    /// The runs of `proposals` (search coordinates, each `replicates` times, proposal-major), the first being proposal
    /// `first` of the stage named `stage` ("generation 3"): their seeds depend on the stage and
    /// the proposal's index alone, so a calibration restarted with the same request asks for the
    /// same runs and finds them stored. The runs are timed to match `folder` (default: the observed runs).
    func specs(for proposals: [[Double]], stage: String, first: Int, matching folder: ObservedFolder? = nil) throws -> [RunSpec] {
        let streams = RandomStreams(seed: scenario.seed)
        return try proposals.enumerated().flatMap { offset, values -> [RunSpec] in
            let particle = try particleScenario(self.values(at: values), matching: folder)
            return (0..<replicates).map { replicate in
                let index = (first + offset) * replicates + replicate
                return RunSpec(
                    scenario: particle.name, variant: particle.variants[0].label, point: 0, parameters: particle.parameters(at: 0),
                    replicate: replicate, seed: streams.streamSeed("calibration \(stage)", index: index) & (1 << 53 - 1),
                    config: particle.configuration(variant: 0, point: 0), model: particle.model(variant: 0, point: 0),
                    durationHours: particle.durationHours, sampleEveryHours: particle.sampleEveryHours)
            }
        }
    }

    /// True when the scenario schema types the parameter at `path` as an integer.
    static func isWholeNumber(_ path: [String]) -> Bool {
        var node = ScenarioSchema.document
        for key in path {
            if let next = node.value(at: ["properties", key]) {
                node = next
            } else if let next = node.value(at: ["additionalProperties"]) {
                node = next
            } else {
                return false
            }
        }
        return node.value(at: ["type"]) == .string("integer")
    }
}
