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
    /// The sweep over 1 and 2 agents both experiments of these tests start from.
    private let text = ScenarioFixtures.text(["sweep": ["agents.count": [1, 2]]])

    /// A store in `folder` holding, fully run, the plan of `text` as written and with `settings`.
    private func twoExperiments(in folder: URL, settings: [String]) throws -> (file: String, store: RunStore, plans: [RunPlan]) {
        let file = folder.appendingPathComponent("runs.sqlite").path
        let store = try RunStore(file: file)
        let plans = [try RunPlan(ScenarioFixtures.decode(text)), try RunPlan(ScenarioFixtures.decode(text, settings: settings))]
        for plan in plans {
            try store.register(plan)
            try StoreFixtures.record(plan, into: store)
        }
        return (file, store, plans)
    }

    @Test("Two experiments of one scenario, sharing some runs: grouped by experiment each has its own runs; grouped by name they mix.")
    func sqlGroupsByExperiment() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The second experiment narrows the sweep to 2 agents and asks for 3 replicates: its first
        // two replicates at 2 agents are the first experiment's runs.
        let (file, _, plans) = try twoExperiments(in: folder, settings: ["agents.count=2", "replications=3"])
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

    /// The addresses `experiment_runs` lists for `plan` in the store at `file`, by run_id (nil for
    /// a position not listed).
    private func listed(_ plan: RunPlan, in file: String) throws -> [String?] {
        let rows = try DatabaseQueue(path: file).read { db in
            try Row.fetchAll(db, sql: "SELECT run_id, run FROM experiment_runs WHERE experiment = ?", arguments: [StoredScenario(plan: plan).address])
        }
        var listed = [String?](repeating: nil, count: plan.count)
        for row in rows { listed[(row["run_id"] as Int) - 1] = row["run"] }
        return listed
    }

    @Test("A plan registered for a sweep lists the runs the sweep looks up as it looks them up, the others at once; once run, every run, whatever the shard or filter.",
          arguments: ["whole", "shard 2/3", "filtered"])
    func sweepsListTheirRunsAsTheyLookThemUp(kind: String) async throws {
        let folder = try TemporaryFolder()
        let file = folder.path("runs.sqlite")
        let whole = try StoreFixtures.plan()
        let running = kind == "filtered" ? try whole.filtered(by: RunFilter(variants: [], conditions: [Setting(assignment: "agents.count=2")!], replicate: nil)) : whole
        let shard = kind == "shard 2/3" ? Shard(index: 2, count: 3)! : .whole
        let store = try RunStore(file: file)
        try store.register(whole, running: running, shard: shard)
        let lookedUp = Set(shard.positions(in: running).map { position in whole.firstIndex { $0 == running[position] }! })
        let addresses = whole.map { RunAddress($0).hex }
        // Before the sweep: every run it will not look up, and none of those it will.
        #expect(try listed(whole, in: file) == addresses.indices.map { lookedUp.contains($0) ? nil : addresses[$0] })
        try await ExperimentRunner.run(running, shard: shard, into: [store], cache: store)
        #expect(try listed(whole, in: file) == addresses)
        #expect(!lookedUp.isEmpty && lookedUp.count < whole.count || kind == "whole")
    }

    @Test("A spec is placed in a registered plan only when every field of its address matches the plan's run there.")
    func positionsMatchOnlyThePlansOwnRuns() throws {
        let plan = try StoreFixtures.plan()
        let positions = PlanPositions(plan)
        #expect(plan.indices.map { positions.position(of: plan[$0]) } == plan.indices.map { $0 })
        // The same variants, points and replicates with another setting, seed or duration.
        for settings in [["work.self_check_probability=0.5"], ["seed=99"], ["duration_hours=9"], ["sample_every_hours=2"]] {
            let other = try StoreFixtures.plan(settings: settings)
            #expect(other.indices.allSatisfy { positions.position(of: other[$0]) == nil }, "\(settings)")
        }
        // Another plan's name.
        let renamed = try StoreFixtures.plan(settings: ["name=another"])
        #expect(renamed.indices.allSatisfy { positions.position(of: renamed[$0]) == nil })
    }

    @Test("An experiment registered again by a changed engine lists that engine's runs, not the old engine's.")
    func reRegisteringReplacesAnOldEnginesRuns() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("runs.sqlite").path
        let plan = try StoreFixtures.plan()
        let store = try RunStore(file: file)
        try store.register(plan)
        // As an older engine left them: every run of the plan at another address (its fingerprint
        // is in the address), the first one kept by this engine.
        try DatabaseQueue(path: file).write { db in
            try db.execute(sql: "UPDATE experiment_runs SET run = 'old-' || run_id WHERE run_id > 1")
        }
        try store.register(plan)
        let links = try DatabaseQueue(path: file).read { db in
            try String.fetchAll(db, sql: "SELECT run FROM experiment_runs ORDER BY run_id")
        }
        #expect(links == plan.map { RunAddress($0).hex })
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

    @Test("export --all writes one tidy runs.csv: each experiment's rows as its own runs.csv has them, behind its address and name, with the parameter columns of all (empty where one has none).")
    func exportAll() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, store, plans) = try twoExperiments(in: folder, settings: ["locks.lease_hours=2"])
        // A third plan never run: its runs are counted as missing, not written.
        let unrun = try RunPlan(ScenarioFixtures.decode(text, settings: ["seed=9"]))
        try store.register(unrun)
        let count = try store.exportAll(to: folder.appendingPathComponent("all"))
        #expect(count == RunStore.ExportAllCount(experiments: 2, runs: 8, missing: 4))
        let lines = try String(contentsOf: folder.appendingPathComponent("all/runs.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(10)) == ["experiment", "experiment_name", "run_id", "scenario", "variant", "topology", "replicate", "seed",
                                             "agents", "locks.lease_hours"])
        let lease = header.firstIndex(of: "locks.lease_hours")!
        for plan in plans {
            let scenario = StoredScenario(plan: plan)
            try store.export(scenario, to: folder.appendingPathComponent(scenario.address))
            let own = try String(contentsOf: folder.appendingPathComponent("\(scenario.address)/runs.csv"), encoding: .utf8)
                .split(separator: "\n").dropFirst().map(String.init)
            let mine = lines.dropFirst().filter { $0.hasPrefix(scenario.address + ",tiny,") }.map { line in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if plan.scenario.parameterColumns.isEmpty {
                    #expect(fields[lease].isEmpty)
                    fields.remove(at: lease)
                }
                return fields.dropFirst(2).joined(separator: ",")
            }
            #expect(mine == own)
        }
    }
}
