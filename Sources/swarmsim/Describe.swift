import ArgumentParser
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a scenario with every default filled in, as scenario.resolved.json records it.",
            discussion: """
                The output is JSON with sorted keys: the scenario's own fields, the base model, each \
                variant's resolved model, the sweep, the expectations, the command-line settings, a plan \
                summary and the swarmsim version.
                """
        )

        @OptionGroup var options: ScenarioOptions

        func run() throws {
            let scenario = try options.load()
            print(try RunPlan(scenario).resolvedDocument.prettyText, terminator: "")
        }
    }
}
