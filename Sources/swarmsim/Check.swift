import ArgumentParser
import SwarmSim

extension SwarmSimCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario and test the expectations in its expect block.",
            discussion: """
                Prints each expectation at each variant and sweep point it selects, with the measured \
                value (mean across replicates, or a ratio of means), its 95% interval and PASS or FAIL. \
                Exits 1 when any fails. Writes no files.
                """
        )

        @OptionGroup var options: ScenarioOptions

        func run() throws {
            let scenario = try options.load()
            guard !scenario.expectations.isEmpty else {
                throw CLIError("\(options.scenario) has no expect block: nothing to check")
            }
            let plan = try options.plan(scenario)
            let table = ReplicateTable(plan: plan, metrics: ExpectationCheck.metrics(for: scenario.expectations))
            try ExperimentRunner.run(plan, into: [table])
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
}
