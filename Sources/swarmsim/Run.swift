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

                With --shard K/N, runs only the K-th of N slices of the plan (the runs whose 0-based \
                position p has p % N = K-1) and writes only that slice's runs.csv and timeseries.csv, \
                into a folder of its own given with --out.
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

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if shardArgument != nil && out == nil {
                throw ValidationError("--shard writes only its slice's runs.csv and timeseries.csv: give each shard a folder of its own with --out, e.g. --out results/NAME/shard-2-of-4.")
            }
        }

        func run() async throws {
            let scenario = try options.load()
            let plan = try options.plan(scenario, selecting: variants)
            let shard = try shardArgument?.resolve(environment: ProcessInfo.processInfo.environment) ?? .whole
            let folder = out ?? "results/\(scenario.folderName)"
            let runs = shard.positions(in: plan).count
            let (jobs, quiet) = (execution.workers, quiet)
            try await InterruptibleSweep.run(afterwards: "nothing was written (\(folder) is as it was); run the same command again") {
                let progress = quiet ? nil : ProgressReporter(total: runs)
                let table: ReplicateTable
                do {
                    defer { progress?.finish() }
                    table = try await ExperimentRunner.run(
                        plan, shard: shard, writingTo: URL(fileURLWithPath: folder, isDirectory: true),
                        alsoInto: progress.map { [$0] } ?? [], jobs: jobs)
                } catch let interrupted as ExperimentInterrupted {
                    throw interrupted
                } catch {
                    throw CLIError("cannot write the results to \(folder): \(error.localizedDescription)")
                }
                guard !quiet else { return }
                guard shard.isWhole else {
                    FileHandle.standardError.write(Data("\(runs) runs of shard \(shard) written to \(folder) (runs.csv, timeseries.csv)\n".utf8))
                    return
                }
                FileHandle.standardError.write(Data("\(runs) runs written to \(folder)\n".utf8))
                print(SummaryTable.render(plan, table: table), terminator: "")
            }
        }
    }
}
