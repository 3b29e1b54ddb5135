import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario and test the expectations in its expect block.",
            discussion: """
                Prints each expectation at each variant and sweep point it selects, with the measured \
                value (mean across replicates, or a ratio of means), its 95% interval and PASS or FAIL. \
                Exits 1 when any fails. Writes no files. Runs are simulated in parallel (--jobs), with \
                progress on stderr; Ctrl-C (SIGINT) or SIGTERM stops the runs in progress and exits \
                130 or 143.
                With --robustness N, checks every expectation at N Latin-hypercube draws of the scenario's \
                factors instead and prints, per expectation, the share of draws where it holds with its Wilson \
                95% interval and the factor that most separates holding from failing (exit 0).
                """
        )

        @OptionGroup var options: ScenarioOptions

        @OptionGroup var execution: ExecutionOptions

        @Flag(help: "Print no progress on stderr.")
        var quiet = false

        @Option(help: ArgumentHelp("Check each expectation at N Latin-hypercube draws of the scenario's factors instead, and report the share of draws where it holds.",
                                   valueName: "N"))
        var robustness: Int?

        @Option(name: .customLong("design-seed"), help: "With --robustness: the seed of the draws.")
        var designSeed: UInt64 = 1

        func validate() throws {
            if let robustness, robustness < 2 { throw ValidationError("--robustness must be 2 or more draws (found \(robustness)).") }
        }

        func run() async throws {
            if let robustness { return try await checkRobustness(draws: robustness) }
            let scenario = try options.load()
            guard !scenario.expectations.isEmpty else {
                throw CLIError(scenario.setAsideExpectations > 0
                    ? "\(options.scenario): the settings left none of its expectations' sweep points: nothing to check"
                    : "\(options.scenario) has no expect block: nothing to check")
            }
            if scenario.setAsideExpectations > 0 && !quiet {
                FileHandle.standardError.write(Data(
                    "note: \(counted(scenario.setAsideExpectations, "expectation")) set aside: the settings removed the sweep points they name\n".utf8))
            }
            let plan = try RunPlan(scenario)
            let (jobs, quiet) = (execution.workers, quiet)
            try await InterruptibleSweep.run(afterwards: "nothing was checked") {
                let table = ReplicateTable(plan: plan, metrics: ExpectationCheck.metrics(for: scenario.expectations))
                let progress = quiet ? nil : ProgressReporter(total: plan.count)
                do {
                    defer { progress?.finish() }
                    try await ExperimentRunner.run(plan, into: [table] + (progress.map { [$0] } ?? []), jobs: jobs)
                }
                let outcomes = ExpectationCheck.evaluate(plan, table: table)
                for outcome in outcomes {
                    let name = outcome.expectation.description.isEmpty ? "expect[\(outcome.index)]" : outcome.expectation.description
                    print("\(outcome.passed ? "PASS" : "FAIL")  \(name)  [\(outcome.place)]")
                    print("      \(outcome.detail)")
                }
                let passed = outcomes.filter(\.passed).count
                print("\(passed) of \(outcomes.count) checks passed")
                if passed < outcomes.count { throw ExitCode.failure }
            }
        }

        /// `--robustness N`: every expectation at N draws of the factors (`RobustnessCheck`).
        private func checkRobustness(draws: Int) async throws {
            guard options.replications != .auto else {
                throw CLIError("--replications auto is for swarmsim run (with --ci-width); give a number here, e.g. --replications 20")
            }
            let base = try options.load()
            let total = try draws * RunPlan(base).count
            let (file, settings, jobs, quiet, designSeed) = (options.scenario, options.allSettings, execution.workers, quiet, designSeed)
            try await InterruptibleSweep.run(afterwards: "nothing was checked") {
                let progress = quiet ? nil : ProgressReporter(total: total)
                let check: RobustnessCheck
                do {
                    defer { progress?.finish() }
                    check = try await RobustnessCheck.run(file: file, settings: settings, draws: draws, designSeed: designSeed, jobs: jobs,
                                                          sinks: progress.map { [$0] } ?? [])
                } catch let problem as RobustnessCheck.Problem {
                    throw CLIError(problem.description)
                }
                print(check.report, terminator: "")
            }
        }
    }
}
