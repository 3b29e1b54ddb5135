import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SummaryMetric: ExpressibleByArgument {}

extension SwarmSimCommand {
    struct SensitivityRun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Sample a scenario's factors, run every design point and write its sensitivity indices.",
            discussion: """
                Each design point is one variant of the scenario's model with its factors set; every \
                point runs the scenario's replicates with the same seeds (common random numbers), through \
                the runner and the run store (--db), so an interrupted analysis restarted with the same \
                command simulates only what is missing, and --shard K/N splits it across machines (then \
                run the same command without --shard to write the files). Writes design.csv, outputs.csv \
                (each metric's mean over replicates per point), sensitivity.csv (metric, factor, index, \
                estimate, ci_low, ci_high), seed_noise.csv (the share of each metric's variance across \
                points that is replicate noise: indices of a metric whose share is near 1 are noise) and \
                scenario.resolved.json into --out (default results/<name>-sensitivity/).
                """
        )

        @OptionGroup var options: ScenarioOptions

        @OptionGroup var execution: ExecutionOptions

        @OptionGroup var design: DesignOptions

        @Option(help: "Base samples: Sobol' blocks (a power of two), Morris trajectories, or Latin hypercube points.")
        var n: Int

        @Option(name: .customLong("design-seed"), help: "Seed of the design (the scenario's --seed seeds the runs).")
        var designSeed: UInt64 = 1

        @Option(name: .customLong("metric"), help: "A summary metric to analyse (repeatable). (default: effective_agents, throughput_tasks_per_hour)")
        var metrics: [SummaryMetric] = []

        @Option(help: "The variant to analyse, when the scenario has several.")
        var variant: String?

        @OptionGroup var intervals: BootstrapOptions

        @Option(help: "Output folder. (default: results/<scenario name>-sensitivity/)")
        var out: String?

        @Option(help: "Run store: each run is saved as it finishes; runs already there are not simulated again.")
        var db = "results/swarmsim.sqlite"

        @Option(name: .customLong("shard"), help: ArgumentHelp("Run only the K-th of N slices of the design's runs, into the store.", valueName: "K/N|slurm"),
                transform: ShardArgument.init(parsing:))
        var shardArgument: ShardArgument?

        @Flag(help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if shardArgument != nil && out != nil { throw ValidationError("--shard writes its runs only to the store (--db); leave out --out.") }
        }

        func run() async throws {
            let base = try options.load()
            let experiment: SensitivityExperiment
            do {
                experiment = try SensitivityExperiment(
                    base: base, variant: variant, method: design.method, n: n, secondOrder: design.secondOrder, morrisLevels: design.levels,
                    designSeed: designSeed,
                    metrics: metrics.isEmpty ? [.effectiveAgents, .throughput] : metrics)
            } catch let problem as SensitivityExperiment.Problem {
                throw CLIError(problem.description)
            }
            let plan = try RunPlan(experiment.scenario)
            let shard = try shardArgument?.resolve(environment: ProcessInfo.processInfo.environment) ?? .whole
            let folder = out ?? "results/\(experiment.scenario.folderName)"
            let (jobs, quiet, db, bootstrap) = (execution.workers, quiet, db, intervals.settings)
            let store = try RunStore.forSweep(db)
            try store.register(plan, running: plan, shard: shard)
            let runs = shard.positions(in: plan).count
            if !quiet {
                FileHandle.standardError.write(Data(
                    "\(experiment.design.unitRows.count) design points x \(plan.replicates) replicates = \(plan.count) runs\n".utf8))
            }
            try await InterruptibleSweep.run(afterwards: "the finished runs are saved in \(db); run the same command again to finish") {
                let progress = quiet ? nil : ProgressReporter(total: runs)
                let table = ReplicateTable(plan: plan, metrics: experiment.metrics)
                do {
                    defer { progress?.finish() }
                    let sinks: [any RunSink] = [store] + (shard.isWhole ? [table] : []) + (progress.map { [$0] } ?? [])
                    try await ExperimentRunner.run(plan, shard: shard, into: sinks, jobs: jobs, cache: store)
                }
                guard shard.isWhole else {
                    if !quiet { FileHandle.standardError.write(Data("\(runs) runs of shard \(shard) saved in \(db)\n".utf8)) }
                    return
                }
                let results = try experiment.results(table, bootstrap: bootstrap)
                try experiment.write(results, resolved: plan.resolvedDocument, to: URL(fileURLWithPath: folder, isDirectory: true))
                guard !quiet else { return }
                FileHandle.standardError.write(Data("\(plan.count) runs; files written to \(folder) (runs saved in \(db))\n".utf8))
                print(SensitivityIndexRow.table(results.indices, confidence: bootstrap.confidence), terminator: "")
                print(SeedNoise.summary(results.noise), terminator: "")
            }
        }
    }
}
