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
    @Test("The shards' runs.csv and timeseries.csv rows together are the whole run's, each shard writing only those two files.")
    func shardsTogetherAreTheWhole() throws {
        let workspace = try Workspace(shardedScenario)
        let whole = try workspace.run(["run", workspace.scenario, "--out", "whole", "--quiet"])
        #expect(whole.status == 0)
        var runs: [Substring] = []
        var samples: [Substring] = []
        for index in 1...3 {
            let folder = "shard-\(index)"
            let result = try workspace.run(["run", workspace.scenario, "--shard", "\(index)/3", "--jobs", "2", "--out", folder])
            #expect(result.status == 0 && result.stdout.isEmpty)
            #expect(result.stderr == "6 runs of shard \(index)/3 written to \(folder) (runs.csv, timeseries.csv)\n")
            #expect(try workspace.entries(folder) == ["runs.csv", "timeseries.csv"])
            let shardRuns = rows(try workspace.contents("\(folder)/runs.csv"))
            #expect(shardRuns.map(runID) == Array(stride(from: index, through: 18, by: 3)))
            runs += shardRuns
            samples += rows(try workspace.contents("\(folder)/timeseries.csv"))
        }
        #expect(runs.sorted { runID($0) < runID($1) } == rows(try workspace.contents("whole/runs.csv")))
        // Sorting is stable, so each run's samples stay in time order.
        #expect(samples.sorted { runID($0) < runID($1) } == rows(try workspace.contents("whole/timeseries.csv")))
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

    @Test("A shard needs a folder of its own.")
    func shardNeedsOut() throws {
        let workspace = try Workspace(shardedScenario)
        let result = try workspace.run(["run", workspace.scenario, "--shard", "1/2"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --shard writes only its slice's runs.csv and timeseries.csv: give each shard a folder of its own with --out, e.g. --out results/NAME/shard-2-of-4.\n"))
    }

    @Test("--shard slurm takes the shard from the job array, numbered from 0 or from 1.")
    func slurmShard() throws {
        let workspace = try Workspace(shardedScenario)
        _ = try workspace.run(["run", workspace.scenario, "--shard", "2/3", "--out", "given", "--quiet"])
        let fromZero = try workspace.run(["run", workspace.scenario, "--shard", "slurm", "--out", "zero", "--quiet"],
                                         environment: environment(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"]))
        let fromOne = try workspace.run(["run", workspace.scenario, "--shard", "slurm", "--out", "one", "--quiet"],
                                        environment: environment(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3",
                                                                  "SLURM_ARRAY_TASK_MIN": "1"]))
        #expect(fromZero.status == 0 && fromOne.status == 0, "\(fromZero.stderr)\(fromOne.stderr)")
        let given = try workspace.data("given/runs.csv")
        #expect(try workspace.data("zero/runs.csv") == given && workspace.data("one/runs.csv") == given)
    }

    @Test("--shard slurm outside a job array, or outside its range, fails and says what to do.")
    func slurmShardProblems() throws {
        let workspace = try Workspace(shardedScenario)
        let missing = try workspace.run(["run", workspace.scenario, "--shard", "slurm", "--out", "out"], environment: environment())
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: --shard slurm: SLURM_ARRAY_TASK_ID is not set; run it in a job array (sbatch --array=0-3, see scripts/sweep-slurm.sbatch), or give the shard as K/N, e.g. --shard 1/4\n")
        let outside = try workspace.run(["run", workspace.scenario, "--shard", "slurm", "--out", "out"],
                                        environment: environment(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"]))
        #expect(outside.status == 1)
        #expect(outside.stderr == "Error: --shard slurm: array task 4 is not one of 4 tasks numbered from 0 in steps of 1; submit the job with --array=0-3 or --array=1-4\n")
        #expect(!workspace.exists("out"))
    }
}
