import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Calibrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit a scenario's parameters to observed runs by ABC-SMC, and write the posterior and a calibrated scenario.",
            discussion: """
                Likelihood-free Bayesian calibration (ABC-SMC): a population of --particles parameter \
                vectors drawn from uniform priors (--fit PATH=LOW..HIGH; --log PATH makes one log-uniform) \
                moves towards the posterior through generations of falling tolerance (each the median \
                distance of the last), perturbed by a Gaussian kernel and reweighted. The distance compares \
                the landing statistics of simulated runs (sampled hourly, as long as the observed runs' \
                median) with the median over the observed runs (from swarmsim observe), each scaled by its \
                spread across the first generation. It stops when the budget of runs cannot fill another \
                generation or the tolerance stops falling. Every run goes through the run store (--db), so \
                a killed calibration restarted with the same command simulates only what is missing, and \
                the files are the same for any --jobs.
                Writes posterior.csv, calibration.csv, calibrated.json (the posterior medians), ppc.csv and \
                ppc-series.csv (the posterior predictive check), and with --holdout holdout.csv and \
                holdout-series.csv (the same check against observed runs the fit never saw), into --out, all or none.
                Example: swarmsim calibrate scenarios/calibration-base.json --observed results/observed/formula \
                --fit agents.count=100..1000 --min-hours 24 --budget 600
                """
        )

        @OptionGroup var options: ScenarioOptions

        @OptionGroup var execution: ExecutionOptions

        @Option(help: "The folder swarmsim observe wrote (observed-summary.csv and observed.csv).")
        var observed: String

        @Option(name: .customLong("fit"), help: ArgumentHelp("A model parameter to fit and its uniform prior range (repeatable).", valueName: "PATH=LOW..HIGH"))
        var fits: [String] = []

        @Option(name: .customLong("log"), help: ArgumentHelp("Make the prior of a fitted parameter uniform in its logarithm (repeatable).", valueName: "PATH"))
        var logPaths: [String] = []

        @Option(name: .customLong("statistic"),
                help: ArgumentHelp("A statistic the distance compares (repeatable; default: \(LandingStatistic.fitted.map(\.rawValue).joined(separator: ", "))).",
                                   valueName: "NAME"))
        var statistics: [String] = []

        @Option(name: .customLong("min-hours"), help: "Fit only to the observed runs lasting at least this many hours.")
        var minHours = 1

        @Option(help: "An observed folder kept out of the fit: the posterior is checked against it too (holdout.csv, holdout-series.csv).")
        var holdout: String?

        @Option(name: .customLong("holdout-min-hours"), help: "Check only against the holdout runs lasting at least this many hours. (default: --min-hours)")
        var holdoutMinHours: Int?

        @Option(help: "Particles per generation.")
        var particles = 50

        @Option(name: .customLong("runs-per-particle"), help: "Runs of each particle, their statistics averaged.")
        var runsPerParticle = 1

        @Option(help: "The most runs the calibration may simulate (the posterior predictive check's runs come on top).")
        var budget = 1_000

        @Option(help: "Run store: each run is saved as it finishes; runs already there are not simulated again.")
        var db = "results/swarmsim.sqlite"

        @Option(help: "Output folder. (default: results/<scenario name>-calibration/)")
        var out: String?

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if let unknown = statistics.first(where: { LandingStatistic(rawValue: $0) == nil }) {
                throw ValidationError("--statistic \(unknown): not a statistic; choose from \(LandingStatistic.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            if fits.isEmpty { throw ValidationError("give at least one --fit PATH=LOW..HIGH, e.g. --fit agents.count=100..1000.") }
            if particles < 2 { throw ValidationError("--particles must be 2 or more (found \(particles)).") }
            if runsPerParticle < 1 { throw ValidationError("--runs-per-particle must be 1 or more (found \(runsPerParticle)).") }
            if let holdoutMinHours, holdoutMinHours < 1 { throw ValidationError("--holdout-min-hours must be 1 or more (found \(holdoutMinHours)).") }
            if holdoutMinHours != nil && holdout == nil { throw ValidationError("--holdout-min-hours goes with --holdout DIR.") }
            if minHours < 1 { throw ValidationError("--min-hours must be 1 or more (found \(minHours)).") }
            if budget < particles * runsPerParticle {
                throw ValidationError("--budget \(budget) cannot simulate even the first generation (\(particles) particles x \(runsPerParticle) runs); give at least \(particles * runsPerParticle).")
            }
        }

        func run() async throws {
            let parsed = try fits.map { text throws(CalibrationError) in try FittedParameter.parse(text) }
            let folder = try observedFolder(observed, minimumHours: minHours)
            let holdoutFolder = try holdout.map { try observedFolder($0, minimumHours: holdoutMinHours ?? minHours) }
            let calibration = try Calibration(scenarioFile: options.scenario, settings: options.load().settings,
                                              fits: parsed.map { ($0.path, $0.low, $0.high) }, logScale: logPaths,
                                              statistics: statistics.isEmpty ? LandingStatistic.fitted : statistics.compactMap(LandingStatistic.init(rawValue:)),
                                              observed: folder, holdout: holdoutFolder, replicates: runsPerParticle)
            let destination = out ?? "results/\(calibration.scenario.folderName)-calibration"
            let store = try RunStore.forSweep(db)
            let (particles, budget, jobs, quiet) = (particles, budget / runsPerParticle, execution.workers, quiet)
            try await InterruptibleSweep.run(afterwards: "the finished runs are saved in \(db); run the same command again to go on") {
                let outcome = try await CalibrationRun.run(calibration, particles: particles, budget: budget, jobs: jobs, store: store) { generation in
                    guard !quiet else { return }
                    let line = "generation \(generation.index): tolerance \(readable(generation.tolerance)), \(generation.particles.count) accepted of "
                        + "\(generation.simulations) simulated, effective sample size \(readable(generation.effectiveSampleSize))\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
                try CalibrationWriter.write(outcome, of: calibration, to: URL(fileURLWithPath: destination, isDirectory: true))
                guard !quiet else { return }
                for (index, statistic) in calibration.statistics.enumerated() {
                    guard let observed = calibration.target[index], let range = outcome.abc.priorPredictiveRanges[index],
                          !range.contains(observed) else { continue }
                    FileHandle.standardError.write(Data(("note: the observed \(statistic.rawValue) (\(readable(observed))) lies outside every "
                        + "value generation 0 simulated (\(readable(range.lowerBound)) to \(readable(range.upperBound))): the model may not "
                        + "reach it anywhere in the prior, and then it dominates the distance; consider leaving it out (--statistic)\n").utf8))
                }
                FileHandle.standardError.write(Data(
                    "stopped: \(outcome.abc.stoppedBecause.rawValue); \(outcome.abc.simulations) particles simulated; written to \(destination)\n".utf8))
                print(CalibrationWriter.summary(outcome, calibration), terminator: "")
            }
        }

        /// The runs at least `minimumHours` long of the observed folder at `path`.
        private func observedFolder(_ path: String, minimumHours: Int) throws -> ObservedFolder {
            let directory = URL(fileURLWithPath: path, isDirectory: true)
            func table(_ file: String) throws(CSVInputError) -> CSVTable {
                try CSVTable.read(directory.appendingPathComponent(file), name: (path as NSString).appendingPathComponent(file))
            }
            do {
                return try ObservedFolder(series: table(ObservedFolder.seriesFile), summary: table(ObservedFolder.summaryFile),
                                          minimumHours: minimumHours)
            } catch let error as CSVInputError {
                throw CLIError(error.description)
            }
        }
    }
}

private func readable(_ value: Double) -> String {
    String(format: "%.4g", value)
}
