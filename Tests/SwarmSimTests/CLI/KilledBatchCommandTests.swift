import Foundation
import GRDB
import Testing

/// The run store's durability under SIGKILL: runs are written in batched transactions (64 runs), so
/// a killed sweep loses the batch in flight and nothing before it, and the restarted sweep
/// simulates exactly what was lost.
@Suite struct KilledBatchCommandTests {
    @Test("A sweep killed (SIGKILL) with a batch in flight keeps every earlier batch, loses only that one, and the restart simulates it again and writes the files of an uninterrupted sweep.")
    func killedBatchIsSimulatedAgain() throws {
        // 2 variants x 2 sweep points x 50 replicates: 200 runs, three full batches and a partial one.
        let scenario = ScenarioFixtures.text([
            "name": "batched", "replications": 50, "duration_hours": 48, "sample_every_hours": 12,
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [5, 20]],
        ])
        let reference = try Workspace(scenario)
        #expect(try reference.run(["run", reference.scenario, "--out", "out", "--quiet"]).status == 0)

        let workspace = try Workspace(scenario)
        let command = ["run", workspace.scenario, "--jobs", "2", "--out", "out"]
        var environment = ProcessInfo.processInfo.environment
        // The store stops for good once it has been given 100 runs: the first batch (64) is
        // committed, the second (36 runs so far) is in flight.
        environment["SWARMSIM_TEST_PAUSE_STORE"] = "100"
        let store = workspace.folder.appendingPathComponent("results/swarmsim.sqlite").path
        let killed = try BuiltBinary.start(command, in: workspace.folder, environment: environment)
            .killOutright(once: { try Self.storedRuns(store) >= 64 }, settle: 0.5)
        #expect(killed.signalled, "the sweep ended before it was killed: \(killed.stderr)")
        #expect(try Self.storedRuns(store) == 64, "the committed batch is kept and the batch in flight is lost whole")

        let resumed = try workspace.run(command)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("(64 reused from the store results/swarmsim.sqlite, 136 simulated and saved in it)"), "\(resumed.stderr)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(try workspace.data("out/\(file)") == reference.data("out/\(file)"), "\(file) differs after resuming")
        }
        #expect(try Self.storedRuns(store) == 200)
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
}
