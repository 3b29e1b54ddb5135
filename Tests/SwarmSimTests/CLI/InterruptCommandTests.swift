import Foundation
import GRDB
import Testing

/// Two thousand runs of three hundred agents for a simulated week: several seconds even in a
/// release build, so a signal sent soon after the start finds the sweep running.
private let longScenario = ScenarioFixtures.text([
    "name": "long",
    "replications": 2000,
    "duration_hours": 168,
    "sample_every_hours": 24,
    "agents": ["count": 300],
    "topology": ["kind": "planner-worker"],
    "expect": [["metric": "tasks_done", "at_least": 0]],
])

/// 2 variants x 2 sweep points x 60 replicates of a simulated week: 240 runs, three full store
/// batches and a partial one, for the tests that kill a sweep and restart it.
private let resumableScenario = ScenarioFixtures.text([
    "name": "resumable", "replications": 60, "duration_hours": 168, "sample_every_hours": 24,
    "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
    "sweep": ["agents.count": [10, 100]],
])

@Suite struct InterruptCommandTests {
    @Test("SIGINT or SIGTERM stops run: it exits 128 + the signal, says how far it got and leaves the folder as it was.",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func signalStopsRunCleanly(signal: Int32, status: Int32) throws {
        let workspace = try Workspace(longScenario)
        let out = workspace.folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("earlier results\n".utf8).write(to: out.appendingPathComponent("runs.csv"))
        let running = try BuiltBinary.start(["run", workspace.scenario, "--jobs", "2", "--out", "out"], in: workspace.folder)
        // The temporary files appear once the signal handlers are in place and the runs have started.
        let deadline = Date().addingTimeInterval(60)
        while try workspace.entries("out").count < 3 && Date() < deadline && running.process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try workspace.entries("out").contains { $0.hasPrefix(".runs.csv.") && $0.hasSuffix(".tmp") })
        Thread.sleep(forTimeInterval: 0.3)
        kill(running.process.processIdentifier, signal)
        let result = running.wait()
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "stopping the runs in progress")
        let last = String(lines.last ?? "")
        #expect(last.hasPrefix("interrupted after ") && last.contains(" of 2000 runs; "), "\(last)")
        #expect(last.hasSuffix("; the finished runs are saved in results/swarmsim.sqlite; run the same command again to finish"), "\(last)")
        #expect(try workspace.entries("out") == ["runs.csv"])
        #expect(try workspace.contents("out/runs.csv") == "earlier results\n")
    }

    @Test("A sweep killed outright (SIGKILL) and restarted with the same command ends with the files of an uninterrupted sweep.")
    func killedSweepResumes() throws {
        let reference = try Self.uninterrupted()
        let workspace = try Workspace(resumableScenario)
        let command = ["run", workspace.scenario, "--jobs", "2", "--out", "out", "--quiet"]
        _ = try BuiltBinary.start(command, in: workspace.folder).killOutright(once: { workspace.exists("out") }, settle: 0.2)
        let resumed = try workspace.run(command)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(try workspace.data("out/\(file)") == reference.data("out/\(file)"), "\(file) differs after resuming")
        }
        #expect(try workspace.entries("out").allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test("A sweep killed (SIGKILL) with a batch in flight keeps every earlier batch, loses only that one, and the restart simulates it again and writes the files of an uninterrupted sweep.")
    func killedBatchIsSimulatedAgain() throws {
        let reference = try Self.uninterrupted()
        let workspace = try Workspace(resumableScenario)
        let command = ["run", workspace.scenario, "--jobs", "2", "--out", "out"]
        var environment = ProcessInfo.processInfo.environment
        // Batches of 64 runs; the store stops for good once it has been given 100 runs: the first
        // batch (64) is committed, the second (36 runs so far) is in flight. (A batch is also
        // written once its first run has waited two seconds, which 240 short runs never do.)
        environment["SWARMSIM_TEST_BATCH_RUNS"] = "64"
        environment["SWARMSIM_TEST_PAUSE_STORE"] = "100"
        let store = workspace.folder.appendingPathComponent("results/swarmsim.sqlite").path
        let killed = try BuiltBinary.start(command, in: workspace.folder, environment: environment)
            .killOutright(once: { try Self.storedRuns(store) >= 64 }, settle: 0.5)
        #expect(killed.signalled, "the sweep ended before it was killed: \(killed.stderr)")
        #expect(try Self.storedRuns(store) == 64, "the committed batch is kept and the batch in flight is lost whole")

        let resumed = try workspace.run(command)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("(64 reused from the store results/swarmsim.sqlite, 176 simulated and saved in it)"), "\(resumed.stderr)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(try workspace.data("out/\(file)") == reference.data("out/\(file)"), "\(file) differs after resuming")
        }
        #expect(try Self.storedRuns(store) == 240)
    }

    /// A workspace holding the files of `resumableScenario` run without interruption, in out/.
    private static func uninterrupted() throws -> Workspace {
        let reference = try Workspace(resumableScenario)
        #expect(try reference.run(["run", reference.scenario, "--out", "out", "--quiet"]).status == 0)
        return reference
    }

    /// How many runs the store at `path` holds; 0 while it has no runs table yet.
    private static func storedRuns(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try database.read { db in
            try db.tableExists("runs") ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 : 0
        }
    }

    @Test("SIGINT stops check too, with status 130.")
    func signalStopsCheck() throws {
        let workspace = try Workspace(longScenario)
        let running = try BuiltBinary.start(["check", workspace.scenario, "--jobs", "2"], in: workspace.folder)
        // check writes no files to wait for; loading the scenario takes milliseconds.
        Thread.sleep(forTimeInterval: 1)
        kill(running.process.processIdentifier, SIGINT)
        let result = running.wait()
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasSuffix(" of 2000 runs; nothing was checked\n"), "\(result.stderr)")
    }
}

/// A single run far too long to wait for, stopped by a signal while it runs.
@Suite struct RunInProgressInterruptTests {
    @Test("SIGTERM stops a run in progress within seconds, however long the run would take, and exits 143.")
    func signalStopsRunInProgress() throws {
        let workspace = try Workspace(ScenarioFixtures.text([
            "name": "endless", "replications": 1, "duration_hours": 1_000_000, "sample_every_hours": 1000, "agents": ["count": 300],
        ]))
        let running = try BuiltBinary.start(["run", workspace.scenario, "--out", "out"], in: workspace.folder)
        // The output folder appears once the signal handlers are in place and the run has started.
        let deadline = Date().addingTimeInterval(60)
        while !workspace.exists("out") && Date() < deadline && running.process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let sent = Date()
        kill(running.process.processIdentifier, SIGTERM)
        let result = running.wait()
        #expect(result.status == 143, "\(result.stderr)")
        #expect(Date().timeIntervalSince(sent) < 10)
        #expect(result.stderr.contains("interrupted after 0 of 1 runs"), "\(result.stderr)")
    }

    @Test("A runaway run ends with an error naming the run, the hour it reached and the likely parameter; nothing is written.")
    func runawayRunIsReported() throws {
        let workspace = try Workspace(ScenarioFixtures.text([
            "name": "runaway", "replications": 1, "duration_hours": 100, "sample_every_hours": 10, "agents": ["count": 5],
            "topology": ["kind": "flat-lock"], "locks": ["acquisition": "polling", "poll_interval_hours": 1e-6],
            "max_events_per_run": 100_000,
        ]))
        let result = try workspace.run(["run", workspace.scenario, "--out", "out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: run 1 (variant \"flat-lock\", sweep point 0, replicate 1) processed "), "\(result.stderr)")
        #expect(result.stderr.contains("most of its last events are due to locks.poll_interval_hours, likely too small"), "\(result.stderr)")
        #expect(try workspace.entries("out").isEmpty)
    }
}
