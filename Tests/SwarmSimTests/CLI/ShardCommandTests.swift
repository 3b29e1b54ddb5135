import Foundation
import Testing

/// Two variants, three sweep points, three replicates: 18 runs.
private let shardedScenario = ScenarioFixtures.text([
    "name": "sharded",
    "replications": 3,
    "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
    "sweep": ["agents.count": [1, 2, 3]],
])

/// The data rows of a CSV file, without its header.
private func rows(_ text: String) -> [Substring] {
    Array(text.split(separator: "\n").dropFirst())
}

/// The run_id a row starts with.
private func runID(_ row: Substring) -> Int {
    Int(row.prefix { $0 != "," })!
}

/// This process's environment without any Slurm array variables, plus `slurm`.
private func environment(_ slurm: [String: String] = [:]) -> [String: String] {
    ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") }.merging(slurm) { $1 }
}

@Suite struct ShardCommandTests {
    @Test("Shards run into one store, merged and exported, equal the unsharded sweep byte for byte.")
    func shardsTogetherAreTheWhole() throws {
        let workspace = try Workspace(shardedScenario)
        let whole = try workspace.run(["run", workspace.scenario, "--out", "whole", "--db", "whole.sqlite", "--quiet"])
        #expect(whole.status == 0)
        for index in 1...3 {
            let result = try workspace.run(["run", workspace.scenario, "--shard", "\(index)/3", "--jobs", "2", "--db", "shard-\(index).sqlite"])
            #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
            #expect(result.stderr == "6 runs of shard \(index)/3 saved in shard-\(index).sqlite\n")
        }
        let merge = try workspace.run(["merge", "shard-1.sqlite", "shard-2.sqlite", "shard-3.sqlite", "--into", "all.sqlite"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let export = try workspace.run(["export", "all.sqlite", "--out", "merged"])
        #expect(export.status == 0, "\(export.stderr)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(try workspace.data("merged/\(file)") == workspace.data("whole/\(file)"), "\(file) differs")
        }
        #expect(!workspace.exists("results/sharded"))
    }

    @Test("Two processes writing one store at the same time lose nothing.")
    func concurrentShardsShareOneStore() throws {
        let workspace = try Workspace(shardedScenario)
        _ = try workspace.run(["run", workspace.scenario, "--out", "whole", "--db", "whole.sqlite", "--quiet"])
        let shards = try (1...2).map { index in
            try BuiltBinary.start(["run", workspace.scenario, "--shard", "\(index)/2", "--db", "shared.sqlite", "--quiet"],
                                  in: workspace.folder)
        }
        for shard in shards {
            let result = shard.wait()
            #expect(result.status == 0, "\(result.stderr)")
        }
        let export = try workspace.run(["export", "shared.sqlite", "--out", "merged"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try workspace.data("merged/runs.csv") == workspace.data("whole/runs.csv"))
        #expect(try workspace.data("merged/timeseries.csv") == workspace.data("whole/timeseries.csv"))
    }

    @Test("A malformed --shard is refused with what to type instead.",
          arguments: [
            ("0/3", "there is no shard 0 of 3: K counts from 1, so the shards of 3 are 1/3 to 3/3"),
            ("4/3", "there is no shard 4 of 3: K counts from 1, so the shards of 3 are 1/3 to 3/3"),
            ("2/1", "there is no shard 2 of 1: K counts from 1, so the only shard of 1 is 1/1"),
            ("1/0", "N must be 1 or more (--shard 1/1 runs the whole plan)"),
            ("a/b", "expected K/N, to run the K-th of N slices of the plan (e.g. --shard 2/4), or slurm inside a Slurm job array"),
            ("3", "expected K/N, to run the K-th of N slices of the plan (e.g. --shard 2/4), or slurm inside a Slurm job array"),
          ])
    func malformedShard(argument: String, message: String) throws {
        let workspace = try Workspace(shardedScenario)
        let result = try workspace.run(["run", workspace.scenario, "--shard", argument, "--out", "out"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: The value '\(argument)' is invalid for '--shard <K/N|slurm>': \(message)\n"))
        #expect(!workspace.exists("out"))
    }

    @Test("A shard writes only to the store, so --out is refused with what to do instead.")
    func shardRefusesOut() throws {
        let workspace = try Workspace(shardedScenario)
        let result = try workspace.run(["run", workspace.scenario, "--shard", "1/2", "--out", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --shard writes its runs only to the store (--db); leave out --out, and make the CSVs with `swarmsim export STORE --out DIR` once every shard is done.\n"))
    }

    @Test("--shard slurm takes the shard from the job array, numbered from 0 or from 1.")
    func slurmShard() throws {
        let workspace = try Workspace(shardedScenario)
        _ = try workspace.run(["run", workspace.scenario, "--shard", "2/3", "--db", "given.sqlite", "--quiet"])
        let fromZero = try workspace.run(["run", workspace.scenario, "--shard", "slurm", "--db", "zero.sqlite", "--quiet"],
                                         environment: environment(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"]))
        let fromOne = try workspace.run(["run", workspace.scenario, "--shard", "slurm", "--db", "one.sqlite", "--quiet"],
                                        environment: environment(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3",
                                                                  "SLURM_ARRAY_TASK_MIN": "1"]))
        #expect(fromZero.status == 0 && fromOne.status == 0, "\(fromZero.stderr)\(fromOne.stderr)")
        // The same shard in three stores: merged, they hold its six runs once.
        let merge = try workspace.run(["merge", "given.sqlite", "zero.sqlite", "one.sqlite", "--into", "all.sqlite"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let export = try workspace.run(["export", "all.sqlite", "--out", "out"])
        #expect(export.stderr.contains("12 of 18 runs"), "\(export.stderr)")
    }

    @Test("--shard slurm outside a job array, or outside its range, fails and says what to do.")
    func slurmShardProblems() throws {
        let workspace = try Workspace(shardedScenario)
        let missing = try workspace.run(["run", workspace.scenario, "--shard", "slurm"], environment: environment())
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: --shard slurm: SLURM_ARRAY_TASK_ID is not set; run it in a job array (sbatch --array=0-3, see scripts/sweep-slurm.sbatch), or give the shard as K/N, e.g. --shard 1/4\n")
        let outside = try workspace.run(["run", workspace.scenario, "--shard", "slurm"],
                                        environment: environment(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"]))
        #expect(outside.status == 1)
        #expect(outside.stderr == "Error: --shard slurm: array task 4 is not one of 4 tasks numbered from 0 in steps of 1; submit the job with --array=0-3 or --array=1-4\n")
        #expect(!workspace.exists("results"))
    }
}
