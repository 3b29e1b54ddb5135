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
                the runs in progress within a few thousand events, writes nothing and exits 130 or 143.

                Every run is saved in the run store (--db) as it finishes, and runs already there are \
                not simulated again: an interrupted or killed sweep restarted with the same command \
                finishes the rest, and raising --replications runs only the new replicates.

                --variant, --where PATH=VALUE and --replicate N (as for swarmsim trace) run only the \
                matching runs of the plan, each with the seed and result it has in the whole plan (so the \
                store shares them with the unfiltered run), and write the files for just those runs, \
                numbered from 1, into a folder named by the filter (e.g. \
                results/flat-vs-hierarchy/where.agents.count=20,replicate=3/); scenario.resolved.json \
                records the filter.

                With --shard K/N, runs only the K-th of N slices of the plan (the runs whose 0-based \
                position p has p % N = K-1) into the store and writes no CSVs; `swarmsim merge` and \
                `swarmsim export` make them once every shard is done.
                """
        )

        @OptionGroup var options: ScenarioOptions

        @OptionGroup var execution: ExecutionOptions

        @Option(help: "Output folder. (default: results/<scenario name>/, and inside it a folder named by the settings when any are given, e.g. results/flat-vs-hierarchy/agents.count=30/)")
        var out: String?

        @Flag(help: ArgumentHelp(OutputFolderCheck.forceHelp))
        var force = false

        @OptionGroup var selection: RunFilterOptions

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
            if selection.narrowsPlan && auto {
                throw ValidationError("--replications auto decides the count from every sweep point's results; leave out --where and --replicate, or give --replications N.")
            }
            if selection.narrowsPlan && shardArgument != nil {
                throw ValidationError("--shard deals out the whole plan; leave out --where and --replicate, or --shard.")
            }
            if shardArgument != nil && out != nil {
                throw ValidationError("--shard writes its runs only to the store (--db); leave out --out, and make the CSVs with `swarmsim export STORE --out DIR` once every shard is done.")
            }
        }

        func run() async throws {
            let whole = try await loadPlan()
            // A filtered run is a view of the whole plan: the store keeps the whole plan, whose runs it shares.
            let plan = selection.narrowsPlan ? try whole.filtered(by: selection.filter) : whole
            let shard = try shardArgument?.resolve(environment: ProcessInfo.processInfo.environment) ?? .whole
            let folder = out ?? "results/\(plan.folderName)"
            if shard.isWhole { try OutputFolderCheck.check(folder, givenAsOut: out, plan: plan, force: force) }
            let runs = shard.positions(in: plan).count
            let (jobs, quiet, db) = (execution.workers, quiet, db)
            let store = try RunStore.forSweep(db)
            try store.register(whole, running: plan, shard: shard)
            if !quiet { try noteOtherBuilds(of: plan.scenario.name, in: store) }
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
                guard let progress else { return }
                FileHandle.standardError.write(Data("\(runs) runs written to \(folder) (\(Run.storeUse(reused: progress.reused, of: runs, db: db)))\n".utf8))
                print(SummaryTable.render(plan, table: table), terminator: "")
            }
        }
    
        /// The whole plan (before --where and --replicate): the scenario as given, or with `--replications auto` the plan with as many
        /// replicates as `AdaptiveReplication` finds the target needs, its batches run into the store
        /// (so the sweep that follows simulates nothing again).
        private func loadPlan() async throws -> RunPlan {
            guard options.replications == .auto, let ciWidth else { return try RunPlan(options.load(), selecting: selection.variants) }
            let written = try options.load(replicates: nil)
            let target = ReplicationTarget(relativeHalfWidth: ciWidth, batchesOf: written.replications, upTo: maxReplications)
            let choice = try await AdaptiveReplication.choose(
                target, plan: { try RunPlan(options.load(replicates: $0), selecting: selection.variants) }, store: RunStore.forSweep(db),
                jobs: execution.workers)
            if !quiet {
                let line = "replications auto: \(choice.replicates) replicates (widest relative 95% half-width \(choice.widestRelativeHalfWidth))\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
            return choice.plan
        }

        /// How the sweep used the store `db`: "all 360 reused from the store results/swarmsim.sqlite",
        /// "simulated and saved in the store ...", or both counts.
        static func storeUse(reused: Int, of runs: Int, db: String) -> String {
            switch reused {
            case 0: "simulated and saved in the store \(db)"
            case runs: "all \(runs) reused from the store \(db)"
            default: "\(reused) reused from the store \(db), \(runs - reused) simulated and saved in it"
            }
        }

        /// Says on stderr when the store holds runs of this scenario made by another build: they
        /// are kept, but this build simulates its own rather than reuse them.
        private func noteOtherBuilds(of scenario: String, in store: RunStore) throws {
            let others = try store.runsOfOtherBuilds(scenario: scenario)
            guard !others.isEmpty else { return }
            let builds = others.map { "\($0.runs) by swarmsim \($0.build)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data(
                "note: \(db) holds runs of \"\(scenario)\" made by another engine (\(builds)); they are kept, never reused for swarmsim \(SwarmSimVersion.build)\n".utf8))
        }
    }
}
