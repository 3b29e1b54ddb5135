import ArgumentParser
import Foundation
import SwarmSim

extension SwarmSimCommand {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every variant, sweep point and replicate of a scenario and write the results.",
            discussion: """
                Writes runs.csv, timeseries.csv, aggregate.csv and scenario.resolved.json into the output \
                folder, all four or none: files are written under temporary names and renamed at the end. \
                Then prints one line per variant and sweep point: means across replicates, throughput with \
                its 95% interval half-width. Runs are simulated in parallel (--jobs); the files are the same \
                whatever the number of jobs. Progress goes to stderr. Ctrl-C (SIGINT) or SIGTERM stops \
                after the runs in progress, writes nothing and exits 130 or 143.

                Every run is saved in the run store (--db) as it finishes, and runs already there are \
                not simulated again: an interrupted or killed sweep restarted with the same command \
                finishes the rest, and raising --replications runs only the new replicates.

                With --shard K/N, runs only the K-th of N slices of the plan (the runs whose 0-based \
                position p has p % N = K-1) into the store and writes no CSVs; `swarmsim merge` and \
                `swarmsim export` make them once every shard is done.
                """
        )

        @OptionGroup var options: ScenarioOptions

        @OptionGroup var execution: ExecutionOptions

        @Option(help: "Output folder. (default: results/<scenario name>/)")
        var out: String?

        @Option(name: .customLong("variant"), help: "Run only the variant with this label (repeatable).")
        var variants: [String] = []

        @Option(name: .customLong("shard"),
                help: ArgumentHelp("Run only the K-th of N slices of the plan; slurm takes K and N from a Slurm job array.",
                                   valueName: "K/N|slurm"),
                transform: ShardArgument.init(parsing:))
        var shardArgument: ShardArgument?

        @Option(help: "Run store: each run is saved as it finishes; runs already there are not simulated again.")
        var db = "results/swarmsim.sqlite"

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if shardArgument != nil && out != nil {
                throw ValidationError("--shard writes its runs only to the store (--db); leave out --out, and make the CSVs with `swarmsim export STORE --out DIR` once every shard is done.")
            }
        }

        func run() async throws {
            let scenario = try options.load()
            let plan = try options.plan(scenario, selecting: variants)
            let shard = try shardArgument?.resolve(environment: ProcessInfo.processInfo.environment) ?? .whole
            let folder = out ?? "results/\(scenario.folderName)"
            let runs = shard.positions(in: plan).count
            let (jobs, quiet, db) = (execution.workers, quiet, db)
            let store: RunStore
            do {
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: db).deletingLastPathComponent(), withIntermediateDirectories: true)
                store = try RunStore(file: db)
                _ = try store.register(plan)
            } catch {
                throw CLIError("\(error)")
            }
            try await InterruptibleSweep.run(afterwards: "the finished runs are saved in \(db); run the same command again to finish") {
                let progress = quiet ? nil : ProgressReporter(total: runs)
                // The store comes first, so every run a sink has seen is already saved.
                let sinks: [any RunSink] = [store] + (progress.map { [$0] } ?? [])
                let table: ReplicateTable
                do {
                    defer { progress?.finish() }
                    guard shard.isWhole else {
                        try await ExperimentRunner.run(plan, shard: shard, into: sinks, jobs: jobs, cache: store)
                        if !quiet {
                            FileHandle.standardError.write(Data("\(runs) runs of shard \(shard) saved in \(db)\n".utf8))
                        }
                        return
                    }
                    table = try await ExperimentRunner.run(
                        plan, writingTo: URL(fileURLWithPath: folder, isDirectory: true), alsoInto: sinks, jobs: jobs, cache: store)
                } catch let interrupted as ExperimentInterrupted {
                    throw interrupted
                } catch let error as RunStoreError {
                    throw CLIError(error.description)
                } catch {
                    throw CLIError("cannot write the results to \(folder): \(error.localizedDescription)")
                }
                guard !quiet else { return }
                FileHandle.standardError.write(Data("\(runs) runs written to \(folder) (and saved in \(db))\n".utf8))
                print(SummaryTable.render(plan, table: table), terminator: "")
            }
        }
    }
}
