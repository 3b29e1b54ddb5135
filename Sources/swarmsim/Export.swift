import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a stored scenario's result files again from a run store, without simulating.",
            discussion: """
                Re-creates the plan from the scenario file text, settings and variants the store kept, \
                and writes runs.csv, timeseries.csv, aggregate.csv, usl.csv and scenario.resolved.json \
                byte for byte as swarmsim run wrote them. Fails, writing nothing, when the store lacks some of \
                the plan's runs. A store holding several scenarios (or one run with different settings \
                or variants) needs --scenario; the error lists them.
                """
        )

        @Argument(help: "The run store.")
        var store: String

        @Option(help: "Export the scenario with this name, or the one whose address begins so.")
        var scenario: String?

        @Option(help: "Output folder. (default: results/<scenario name>/)")
        var out: String?

        func run() throws {
            do {
                let runStore = try RunStore(file: store, access: .readOnly)
                let chosen = try runStore.scenario(selecting: scenario)
                let folder = out ?? "results/\(chosen.folderName)"
                try runStore.export(chosen, to: URL(fileURLWithPath: folder, isDirectory: true))
                FileHandle.standardError.write(Data("\(chosen.name): \(counted(chosen.runs, "run")) exported to \(folder)\n".utf8))
            }  // ErrorReport words the store's errors
        }
    }
}
