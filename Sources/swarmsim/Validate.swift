import ArgumentParser
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario file and print the size of its plan, or every problem in it.",
            discussion: """
                Prints "SCENARIO: ok (V variants x P sweep points x R replicates = N runs)" and exits 0, \
                or prints each problem as "SCENARIO: path.to.field: what is wrong (found X)" to stderr \
                and exits 1. Nothing is simulated.
                """
        )

        @OptionGroup var options: ScenarioOptions

        func run() throws {
            let scenario = try options.load()
            let plan = try RunPlan(scenario)
            let counts = [
                counted(scenario.variants.count, "variant"), counted(scenario.sweep.pointCount, "sweep point"),
                counted(plan.replicates, "replicate"),
            ]
            print("\(options.scenario): ok (\(counts.joined(separator: " x ")) = \(counted(plan.count, "run")))")
        }
    }
}
