import Foundation
import Testing

/// True when GNU parallel is on the PATH.
private let parallelInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/parallel")
}

/// True when the built swarmsim has the run store's commands (`merge`, `export` and `run --db`).
private let storeCommandsExist: Bool = {
    let help = (try? BuiltBinary.run(["--help"]).stdout) ?? ""
    let runHelp = (try? BuiltBinary.run(["run", "--help"]).stdout) ?? ""
    return help.contains("\n  merge ") && help.contains("\n  export ") && runHelp.contains("--db")
}()

/// A stand-in for swarmsim that appends each call's arguments, bracketed, as one line to calls.log
/// (in one write, so that shards running at once do not interleave).
private let stub = """
    #!/usr/bin/env bash
    line=$(printf '[%s]' "$@")
    printf '%s\n' "$line" >> "$(dirname "$0")/calls.log"

    """

/// A workspace with the stub as ./stub.
private func stubWorkspace() throws -> Workspace {
    let workspace = try Workspace(ScenarioFixtures.text())
    let url = workspace.folder.appendingPathComponent("stub")
    try Data(stub.utf8).write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return workspace
}

@Suite struct SweepScriptTests {
    @Test("Each sweep script prints its usage and exits 2 without arguments.",
          arguments: ["scripts/sweep-gnu-parallel.sh", "scripts/sweep-slurm.sbatch", "scripts/sweep-slurm-merge.sbatch"])
    func usage(script: String) throws {
        let result = try runScript(script, [], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("usage: "))
    }

    @Test("sweep-gnu-parallel.sh runs every shard into its own store, then merges and exports.",
          .enabled(if: parallelInstalled, "GNU parallel is not installed (apt-get install parallel)"))
    func gnuParallelCalls() throws {
        let workspace = try stubWorkspace()
        let result = try runScript("scripts/sweep-gnu-parallel.sh", [workspace.scenario, "3", "out dir", "--set", "agents.count=3"],
                                   in: workspace.folder, environment: ["SWARMSIM": workspace.folder.appendingPathComponent("stub").path])
        #expect(result.status == 0, "\(result.stderr)")
        let calls = try workspace.contents("calls.log").split(separator: "\n")
        try #require(calls.count == 5)
        #expect(calls.prefix(3).sorted() == (1...3).map { k in
            "[run][scenario.json][--shard][\(k)/3][--db][out dir/shards/shard-\(k).sqlite][--jobs][1][--quiet][--set][agents.count=3]"
        })
        #expect(calls[3] == "[merge][out dir/shards/shard-1.sqlite][out dir/shards/shard-2.sqlite][out dir/shards/shard-3.sqlite][--into][out dir/swarmsim.sqlite]")
        #expect(calls[4] == "[export][out dir/swarmsim.sqlite][--out][out dir]")
    }

    @Test("The Slurm array task runs its shard into its own store; the merge step merges every store and exports.")
    func slurmCalls() throws {
        let workspace = try stubWorkspace()
        let environment = ["SWARMSIM": workspace.folder.appendingPathComponent("stub").path]
        let task = try runScript("scripts/sweep-slurm.sbatch", [workspace.scenario, "stores"], in: workspace.folder,
                                 environment: environment.merging(["SLURM_ARRAY_TASK_ID": "7", "SLURM_CPUS_PER_TASK": "4"]) { $1 })
        #expect(task.status == 0, "\(task.stderr)")
        for k in [0, 1] {
            try Data().write(to: workspace.folder.appendingPathComponent("stores/shard-\(k).sqlite"))
        }
        let merge = try runScript("scripts/sweep-slurm-merge.sbatch", ["stores"], in: workspace.folder, environment: environment)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try workspace.contents("calls.log").split(separator: "\n") == [
            "[run][scenario.json][--shard][slurm][--db][stores/shard-7.sqlite][--jobs][4][--quiet]",
            "[merge][stores/shard-0.sqlite][stores/shard-1.sqlite][--into][stores/swarmsim.sqlite]",
            "[export][stores/swarmsim.sqlite][--out][stores]",
        ])
    }

    @Test("A sweep run as shards with GNU parallel, merged and exported, writes the files swarmsim run writes.",
          .enabled(if: parallelInstalled, "GNU parallel is not installed (apt-get install parallel)"),
          .enabled(if: storeCommandsExist, "swarmsim has no run store yet (merge, export, run --db)"))
    func gnuParallelMatchesRun() throws {
        let workspace = try Workspace(ScenarioFixtures.text([
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [1, 2, 3]],
        ]))
        let direct = try workspace.run(["run", workspace.scenario, "--out", "direct", "--quiet"])
        #expect(direct.status == 0)
        let sweep = try runScript("scripts/sweep-gnu-parallel.sh", [workspace.scenario, "4", "sweep"], in: workspace.folder,
                                  environment: ["SWARMSIM": BuiltBinary.url.path])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv"] {
            let a = try workspace.data("direct/\(file)")
            #expect(!a.isEmpty && (try? workspace.data("sweep/\(file)")) == a, "\(file) differs")
        }
    }
}
