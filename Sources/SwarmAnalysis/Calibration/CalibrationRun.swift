import SwarmKernel
import SwarmModel
import SwarmExperiment

/// Runs a calibration: ABC-SMC whose simulations are the calibration's runs, simulated by
/// `ExperimentRunner` (parallel, in plan order) with the store as cache and sink, so a calibration
/// killed part-way and started again simulates only what is missing and reaches the same result
/// for any number of jobs. Then the posterior predictive check: the posterior resampled by weight,
/// one run per particle.
public enum CalibrationRun {
    /// What a calibration found.
    public struct Outcome: Sendable {
        public let abc: ABCSMC.Result
        /// Each posterior predictive run's statistics and hourly landings.
        public let predictive: [(statistics: LandingStatistics, hourly: [Double])]
        /// The same particles' runs timed to match the holdout runs, when there are any.
        public let holdout: [(statistics: LandingStatistics, hourly: [Double])]?
    }

    /// Calibrates with `particles` particles and at most `budget` particle simulations (each of
    /// `calibration.replicates` runs), seeded by the scenario's seed; then simulates `particles`
    /// particles resampled from the posterior, once timed as the observed runs and, when there is a
    /// holdout, once timed as its runs. `sinks` (a store, progress)
    /// see every run; `report` hears of each generation.
    public static func run(
        _ calibration: Calibration, particles: Int, budget: Int, jobs: Int, store: (any RunSink & RunCache)?,
        sinks: [any RunSink] = [], report: (ABCSMC.Generation) -> Void = { _ in },
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> Outcome {
        let abc = ABCSMC(lowerBounds: calibration.fits.map(\.searchRange.low), upperBounds: calibration.fits.map(\.searchRange.high),
                         particles: particles, budget: budget, seed: calibration.scenario.seed)
        let allSinks = (store.map { [$0 as any RunSink] } ?? []) + sinks
        func simulate(_ proposals: [[Double]], stage: String, first: Int, matching folder: ObservedFolder? = nil)
            async throws -> [(statistics: LandingStatistics, hourly: [Double])] {
            let specs = try calibration.specs(for: proposals, stage: stage, first: first, matching: folder)
            let collector = LandingCollector()
            try await ExperimentRunner.run(specs, into: allSinks + [collector], jobs: jobs, cache: store)
            return stride(from: 0, to: collector.runs.count, by: calibration.replicates).map { start in
                let replicates = collector.runs[start..<(start + calibration.replicates)]
                return (LandingStatistics.mean(of: replicates.map(\.statistics)), replicates.first!.hourly)
            }
        }
        let result = try await abc.run(observed: calibration.target, simulate: { proposals, generation, first in
            try await simulate(proposals, stage: "generation \(generation)", first: first).map { outcome in
                calibration.statistics.map { outcome.statistics[$0] }
            }
        }, report: report)
        var random = RandomStreams(seed: calibration.scenario.seed).stream("calibration posterior predictive")
        let posterior = result.posterior
        let choice = WeightedChoice(weights: posterior.weights)
        let resampled = (0..<particles).map { _ in posterior.particles[choice.draw(&random)] }
        let predictive = try await simulate(resampled, stage: "posterior predictive", first: 0)
        var holdout: [(statistics: LandingStatistics, hourly: [Double])]?
        if let folder = calibration.holdout {
            holdout = try await simulate(resampled, stage: "holdout", first: 0, matching: folder)
        }
        return Outcome(abc: result, predictive: predictive, holdout: holdout)
    }
}

/// Collects each run's landing statistics and hourly landings, in the order the runner delivers them.
final class LandingCollector: RunSink {
    private(set) var runs: [(statistics: LandingStatistics, hourly: [Double])] = []

    func record(_ run: CompletedRun) {
        let hourly = LandingStatistics.landingsPerSample(of: run.result)
        runs.append((LandingStatistics(hourlyLandings: hourly, filesPerCommit: nil), hourly))
    }
}

extension LandingStatistics {
    /// Each statistic's mean over `all`; nil where any of them leaves it undefined.
    static func mean(of all: [LandingStatistics]) -> LandingStatistics {
        LandingStatistics(values: LandingStatistic.allCases.indices.map { column in
            let values = all.compactMap { $0.values[column] }
            return values.count == all.count ? values.reduce(0, +) / Double(values.count) : nil
        })
    }
}
