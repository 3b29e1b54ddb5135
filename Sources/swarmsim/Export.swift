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
                or variants) needs --scenario; the error lists them. \
                --variant, --where PATH=VALUE and --replicate N export only the matching runs, as swarmsim \
                run writes them with the same filter, into the folder it names by the filter.
                """
        )

        @Argument(help: "The run store.")
        var store: String

        @Option(help: "Export the scenario with this name, or the one whose address begins so.")
        var scenario: String?

        @Option(help: "Output folder. (default: the folder swarmsim run writes the scenario to: results/<scenario name>/, with a folder named by the settings inside it when there are any)")
        var out: String?

        @Flag(help: ArgumentHelp(OutputFolderCheck.forceHelp))
        var force = false

        @OptionGroup var selection: RunFilterOptions

        @Flag(help: "Write one runs.csv over every experiment in the store, with experiment and experiment_name columns (default folder: results/).")
        var all = false

        func validate() throws {
            if all && scenario != nil {
                throw ValidationError("--all exports every experiment; leave out --scenario, or --all.")
            }
            if all && (selection.narrowsPlan || !selection.variants.isEmpty) {
                throw ValidationError("--all exports every run of every experiment; leave out --variant, --where and --replicate, or --all.")
            }
        }

        func run() throws {
            if all {
                let folder = out ?? "results"
                let count = try RunStore(file: store, access: .readOnly).exportAll(to: URL(fileURLWithPath: folder, isDirectory: true))
                let missing = count.missing > 0 ? "; \(counted(count.missing, "run")) of the stored plans are not in the store (not yet run, or run by another engine) and left out" : ""
                FileHandle.standardError.write(Data(
                    "\(counted(count.runs, "run")) of \(counted(count.experiments, "experiment")) written to \((folder as NSString).appendingPathComponent(RunStore.allRunsFile))\(missing)\n".utf8))
                return
            }
            do {
                let runStore = try RunStore(file: store, access: .readOnly)
                let chosen = try runStore.scenario(selecting: scenario)
                let stored = try chosen.plan(storedIn: store)
                let plan = selection.narrowsPlan || !selection.variants.isEmpty ? try stored.filtered(by: selection.filter) : stored
                let folder = out ?? "results/\(plan.folderName)"
                try OutputFolderCheck.check(folder, givenAsOut: out, plan: plan, force: force)
                try runStore.export(plan, of: chosen.name, to: URL(fileURLWithPath: folder, isDirectory: true))
                FileHandle.standardError.write(Data("\(chosen.name): \(counted(plan.count, "run")) exported to \(folder)\n".utf8))
            }  // ErrorReport words the store's errors
        }
    }
}
