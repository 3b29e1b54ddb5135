import Foundation
import GRDB
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Stores as swarmsim wrote them at schema 2, when a scenario row's settings held the flag each
/// setting came from (`"origin": "--seed"`) and its address hashed that flag too.
@Suite struct RunStoreSchema2Tests {
    private let folder: TemporaryFolder
    /// The store demo with a setting and a seed, one variant: what
    /// `swarmsim run scenario.json --set commits.policy=tolerant --seed 5 --variant pw` plans.
    private let plan: RunPlan

    init() throws {
        folder = try TemporaryFolder()
        let scenario = try Scenario.decode(
            Data(StoreFixtures.scenarioText.utf8), settings: [Setting(assignment: "commits.policy=tolerant")!, .seed(5)])
        plan = try RunPlan(scenario, selecting: ["pw"])
    }

    /// A store this swarmsim writes, holding the plan and all its runs.
    private func currentStore() throws -> String {
        let file = folder.path("current.sqlite")
        let store = try RunStore(file: file)
        try store.register(plan)
        try StoreFixtures.record(plan, into: store)
        return file
    }

    /// The scenario row schema 2 wrote for the plan, its seed given as `seedOrigin`: settings with
    /// their flags, and the address that hashed them.
    private func schema2Row(seedOrigin: String) -> (address: String, settings: String) {
        let settings = JSONValue.array([
            .object(["path": .array([.string("commits"), .string("policy")]), "value": .string("tolerant"),
                     "origin": .string("--set commits.policy")]),
            .object(["path": .array([.string("seed")]), "value": .number(5), "origin": .string(seedOrigin)]),
        ])
        let identity = JSONValue.object([
            "source_sha256": .string(SHA256.hex(Data(StoreFixtures.scenarioText.utf8))),
            "settings": settings,
            "variants": .array([.string("pw")]),
        ])
        return (SHA256.hex(identity.compactText.utf8), settings.compactText)
    }

    /// A schema 2 store holding the runs of `current` and the plan twice, as schema 2 stored it when
    /// run once with `--seed 5` and once with `--set seed=5`.
    private func schema2Store(runsOf current: String) throws -> String {
        let file = folder.path("schema2.sqlite")
        let legacy = try DatabaseQueue(path: file)
        try RunStoreSchema.migrator.migrate(legacy, upTo: "v2")
        try legacy.writeWithoutTransaction { db in
            for origin in ["--seed", "--set seed"] {
                let row = schema2Row(seedOrigin: origin)
                try db.execute(
                    sql: "INSERT INTO scenarios (address, name, source, settings, variants, runs) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [row.address, "store demo", Data(StoreFixtures.scenarioText.utf8), row.settings, #"["pw"]"#, plan.count])
            }
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current])
            try db.execute(sql: "INSERT INTO main.models SELECT * FROM current.models")
            let columns = RunStore.quoted(try db.columns(in: "runs", in: "main").map(\.name))
            try db.execute(sql: "INSERT INTO main.runs SELECT \(columns) FROM current.runs")
            try db.execute(sql: "INSERT INTO main.samples SELECT * FROM current.samples")
            try db.execute(sql: "DETACH DATABASE current")
        }
        try legacy.close()
        #expect(try StoreFixtures.count("scenarios", in: file) == 2)
        return file
    }

    /// The bytes of the five result files in `directory`.
    private func outputs(_ directory: URL) throws -> [Data] {
        try ResultsWriter.files.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
    }

    @Test("A scenario is stored without the flags its settings came from: one plan has one address however they were given.")
    func addressIgnoresOrigins() throws {
        let scenario = { (seed: Setting) in
            try Scenario.decode(Data(StoreFixtures.scenarioText.utf8), settings: [Setting(assignment: "commits.policy=tolerant")!, seed])
        }
        let bySeed = StoredScenario(plan: try RunPlan(scenario(.seed(5)), selecting: ["pw"]))
        let byAssignment = StoredScenario(plan: try RunPlan(scenario(Setting(assignment: "seed=5")!), selecting: ["pw"]))
        #expect(bySeed.address == byAssignment.address)
        #expect(bySeed.settingsText == #"[{"path":["commits","policy"],"value":"tolerant"},{"path":["seed"],"value":5}]"#)
        let file = try currentStore()
        let stored = try DatabaseQueue(path: file).read { db in try String.fetchAll(db, sql: "SELECT settings FROM scenarios") }
        #expect(stored == [bySeed.settingsText])
    }

    @Test("A schema 2 store is read without being written: one plan under its new address, exported as a new store exports it.")
    func readOnly() throws {
        let current = try currentStore()
        let old = try schema2Store(runsOf: current)
        let before = try Data(contentsOf: URL(fileURLWithPath: old))
        let reference = try RunStore(file: current, access: .readOnly)
        let store = try RunStore(file: old, access: .readOnly)
        let scenarios = try store.scenarios()
        #expect(try scenarios == reference.scenarios())
        try store.export(store.scenario(selecting: nil), to: folder.url.appendingPathComponent("old"))
        try reference.export(reference.scenario(selecting: nil), to: folder.url.appendingPathComponent("new"))
        #expect(try outputs(folder.url.appendingPathComponent("old")) == outputs(folder.url.appendingPathComponent("new")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == before)
    }

    @Test("A schema 2 store merged into a new store arrives in the new form: the store that recorded the runs itself.")
    func merged() throws {
        let current = try currentStore()
        let old = try schema2Store(runsOf: current)
        let target = try RunStore(file: folder.path("target.sqlite"))
        #expect(try target.merge(from: old) == RunStore.MergeCount(scenarios: 1, runs: plan.count))
        // A schema 2 store lists no experiment's runs; merging the new store brings them.
        #expect(try StoreFixtures.dump(folder.path("target.sqlite"), experiments: false) == StoreFixtures.dump(current, experiments: false))
        #expect(try target.merge(from: current) == RunStore.MergeCount(scenarios: 0, runs: 0))
        #expect(try StoreFixtures.dump(folder.path("target.sqlite")) == StoreFixtures.dump(current))
    }

    @Test("Written to, a schema 2 store is upgraded to the current schema in place: one row per plan, and its runs are reused.")
    func upgraded() async throws {
        let current = try currentStore()
        let old = try schema2Store(runsOf: current)
        let store = try RunStore(file: old)
        #expect(try StoreFixtures.dump(old, experiments: false) == StoreFixtures.dump(current, experiments: false))
        try store.register(plan)
        #expect(try StoreFixtures.dump(old) == StoreFixtures.dump(current))
        let sink = RecordingSink()
        try await ExperimentRunner.run(plan, into: [store, sink], jobs: 2, cache: store)
        #expect(sink.runs.count == plan.count && sink.runs.allSatisfy(\.reused))
        #expect(try StoreFixtures.dump(old) == StoreFixtures.dump(current))
    }
}
