import Foundation
import GRDB
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A store knows its experiments: which runs each plan holds, so SQL groups by experiment rather
/// than by scenario name (which mixes a scenario's runs under different settings).
@Suite struct ExperimentRunsTests {
    @Test("Two experiments of one scenario, sharing some runs: grouped by experiment each has its own runs; grouped by name they mix.")
    func sqlGroupsByExperiment() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("runs.sqlite").path
        let store = try RunStore(file: file)
        let text = ScenarioFixtures.text(["sweep": ["agents.count": [1, 2]]])
        // The second experiment narrows the sweep to 2 agents and asks for 3 replicates: its first
        // two replicates at 2 agents are the first experiment's runs.
        let plans = [try RunPlan(ScenarioFixtures.decode(text)), try RunPlan(ScenarioFixtures.decode(text, settings: ["agents.count=2", "replications=3"]))]
        for plan in plans {
            try store.register(plan)
            try StoreFixtures.record(plan, into: store)
        }
        let rows = try DatabaseQueue(path: file).read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.experiment, s.settings, r.agents, count(*) AS n
                FROM experiment_runs e JOIN runs r ON r.address = e.run JOIN scenarios s ON s.address = e.experiment
                GROUP BY e.experiment, r.agents ORDER BY s.settings, r.agents
                """)
        }
        let addresses = plans.map { StoredScenario(plan: $0).address }
        #expect(rows.map { [$0["experiment"] as String, "\($0["agents"] as Int)", "\($0["n"] as Int)"] } == [
            [addresses[0], "1", "2"], [addresses[0], "2", "2"], [addresses[1], "2", "3"],
        ])
        // By name alone, the 2-agent runs the experiments share count once and the third replicate joins them.
        let byName = try DatabaseQueue(path: file).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE scenario = 'tiny' AND agents = 2")
        }
        #expect(byName == 3)
        // Every link names its plan's run at that position.
        for (plan, address) in zip(plans, addresses) {
            let links = try DatabaseQueue(path: file).read { db in
                try Row.fetchAll(db, sql: "SELECT run_id, run FROM experiment_runs WHERE experiment = ? ORDER BY run_id", arguments: [address])
            }
            #expect(links.map { $0["run"] as String } == plan.map { RunAddress($0).hex })
            #expect(links.map { $0["run_id"] as Int } == Array(1...plan.count))
        }
    }

    @Test("A merge copies the experiments' runs; a schema 4 store is upgraded with an empty table, filled when its plan runs again.")
    func mergeAndUpgrade() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, target) = (folder.appendingPathComponent("a.sqlite").path, folder.appendingPathComponent("b.sqlite").path)
        let plan = try StoreFixtures.plan()
        let store = try RunStore(file: source)
        try store.register(plan)
        try StoreFixtures.record(plan, into: store)
        _ = try RunStore(file: target).merge(from: source)
        #expect(try StoreFixtures.count("experiment_runs", in: target) == plan.count)
        // A schema 4 store: the table gone, the version put back.
        try DatabaseQueue(path: source).write { db in
            try db.execute(sql: "DROP TABLE experiment_runs")
            try db.execute(sql: "UPDATE metadata SET value = '4' WHERE key = 'schema_version'")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5'")
        }
        let upgraded = try RunStore(file: source)
        #expect(try StoreFixtures.count("experiment_runs", in: source) == 0)
        try upgraded.register(plan)
        #expect(try StoreFixtures.count("experiment_runs", in: source) == plan.count)
    }
}
