import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every variant, sweep point and replicate of a scenario and write the results.",
            discussion: """
                Writes runs.csv, timeseries.csv, aggregate.csv, usl.csv (the Universal Scalability Law \
                fitted to each variant's throughput against agents) and scenario.resolved.json into the \
                output folder, all five or none: files are written under temporary names and renamed at \
                the end. \
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

        @Option(name: .customLong("ci-width"),
                help: "With --replications auto: add replicates until the 95% interval of mean throughput is within this fraction of it (e.g. 0.02) in every variant and sweep point.")
        var ciWidth: Double?

        @Option(name: .customLong("max-replications"),
                help: "With --replications auto: the most replicates to run. Replicates are added in batches of the scenario's replications.")
        var maxReplications = 1_000

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            let auto = options.replications == .auto
            if auto && ciWidth == nil {
                throw ValidationError("--replications auto needs --ci-width, the relative precision to reach, e.g. --ci-width 0.02.")
            }
            if ciWidth != nil && !auto {
                throw ValidationError("--ci-width goes with --replications auto; give both, or neither.")
            }
            if let ciWidth, !(ciWidth > 0 && ciWidth < 1) {
                throw ValidationError("--ci-width is a fraction of the mean between 0 and 1 (found \(ciWidth)), e.g. --ci-width 0.02.")
            }
            if auto && shardArgument != nil {
                throw ValidationError("--replications auto decides the count from all results, so it cannot run as a shard; give --replications N to shard.")
            }
            if shardArgument != nil && out != nil {
                throw ValidationError("--shard writes its runs only to the store (--db); leave out --out, and make the CSVs with `swarmsim export STORE --out DIR` once every shard is done.")
            }
        }

        func run() async throws {
            let scenario = try await loadScenario()
            let plan = try RunPlan(scenario, selecting: variants)
            let shard = try shardArgument?.resolve(environment: ProcessInfo.processInfo.environment) ?? .whole
            let folder = out ?? "results/\(scenario.folderName)"
            let runs = shard.positions(in: plan).count
            let (jobs, quiet, db) = (execution.workers, quiet, db)
            let store = try RunStore(file: db)
            try store.register(plan)
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
                }
                guard !quiet else { return }
                FileHandle.standardError.write(Data("\(runs) runs written to \(folder) (and saved in \(db))\n".utf8))
                print(SummaryTable.render(plan, table: table), terminator: "")
            }
        }
    
        /// The scenario to run: as given, or with `--replications auto` with as many replicates as the
        /// precision target needs, found by running batches into the store (so the final sweep
        /// simulates nothing again).
        private func loadScenario() async throws -> Scenario {
            guard options.replications == .auto, let ciWidth else { return try options.load() }
            // Batches of the file's replication count (at least 2, for an interval).
            var scenario = try options.load(replicates: nil)
            let batch = max(2, scenario.replications)
            let target = ReplicationTarget(relativeHalfWidth: ciWidth, batch: batch, cap: max(batch, maxReplications))
            var replicates = target.batch
            let store = try RunStore(file: db)
            while true {
                scenario = try options.load(replicates: replicates)
                let plan = try RunPlan(scenario, selecting: variants)
                let table = ReplicateTable(plan: plan, metrics: [target.metric])
                try await ExperimentRunner.run(plan, into: [store, table], jobs: execution.workers, cache: store)
                guard let next = target.next(after: replicates, table: table, groups: plan.groups.count) else {
                    if !quiet {
                        let width = target.widestRelativeHalfWidth(in: table, groups: plan.groups.count)
                        FileHandle.standardError.write(Data("replications auto: \(replicates) replicates (widest relative 95% half-width \(width))\n".utf8))
                    }
                    return scenario
                }
                replicates = next
            }
        }
    }
}
