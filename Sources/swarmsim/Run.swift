import ArgumentParser
import Foundation
import SwarmSim

extension SwarmSimCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every variant, sweep point and replicate of a scenario and write the results.",
            discussion: """
                Writes runs.csv, timeseries.csv, aggregate.csv and scenario.resolved.json into the output \
                folder, all four or none: files are written under temporary names and renamed at the end. \
                Then prints one line per variant and sweep point: means across replicates, throughput with \
                its 95% interval half-width.
                """
        )

        @OptionGroup var options: ScenarioOptions

        @Option(help: "Output folder. (default: results/<scenario name>/)")
        var out: String?

        @Option(name: .customLong("variant"), help: "Run only the variant with this label (repeatable).")
        var variants: [String] = []

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let scenario = try options.load()
            let plan = try options.plan(scenario, selecting: variants)
            let folder = out ?? "results/\(scenario.folderName)"
            let table: ReplicateTable
            do {
                table = try ExperimentRunner.run(plan, writingTo: URL(fileURLWithPath: folder, isDirectory: true))
            } catch {
                throw CLIError("cannot write the results to \(folder): \(error.localizedDescription)")
            }
            guard !quiet else { return }
            FileHandle.standardError.write(Data("\(plan.count) runs written to \(folder)\n".utf8))
            print(SummaryTable.render(plan, table: table), terminator: "")
        }
    }
}
