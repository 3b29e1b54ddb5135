import Foundation
import GRDB

extension RunStore {
    /// Keeps the scenario of `plan` (its text, settings and variants) so that `export` can
    /// re-create the plan; nothing changes when it is kept already. Call it before running a plan
    /// into the store, with the whole plan even when running one shard of it.
    @discardableResult
    public func register(_ plan: RunPlan) throws(RunStoreError) -> StoredScenario {
        let scenario = StoredScenario(plan: plan)
        try writing { db in _ = try RunStore.insert(scenario, db) }
        return scenario
    }

    /// Every stored scenario, by name and then address. A plan stored twice under different keys
    /// (rows of a schema 2 store that differ only in how their settings were typed) is listed once.
    public func scenarios() throws(RunStoreError) -> [StoredScenario] {
        let rows = try reading { db in try Row.fetchAll(db, sql: "SELECT \(RunStore.scenarioColumns) FROM scenarios") }
        var byAddress: [String: StoredScenario] = [:]
        for row in rows {
            guard let scenario = RunStore.storedScenario(row) else {
                throw .database(file: file, reason: "a stored scenario is damaged (\(row))")
            }
            byAddress[scenario.address] = scenario
        }
        return byAddress.values.sorted { ($0.name, $0.address) < ($1.name, $1.address) }
    }

    /// Inserts `scenario` unless a row has its address; true when it was inserted.
    static func insert(_ scenario: StoredScenario, _ db: Database) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO scenarios (\(scenarioColumns)) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [scenario.address, scenario.name, scenario.source, scenario.settingsText, scenario.variantsText, scenario.runs])
        return db.changesCount > 0
    }

    /// The scenario a `scenarios` row holds (in the form of schema 2 or 3); nil when it is damaged.
    static func storedScenario(_ row: Row) -> StoredScenario? {
        // Read without GRDB's conversions, which stop the process on a value of the wrong type.
        func value<T: DatabaseValueConvertible>(_ column: String) -> T? {
            T.fromDatabaseValue(row[column] as DatabaseValue)
        }
        guard let name: String = value("name"), let source: Data = value("source"), let settings: String = value("settings"),
              let variants: String = value("variants"), let runs: Int = value("runs") else { return nil }
        return StoredScenario(name: name, source: source, settingsText: settings, variantsText: variants, runs: runs)
    }

    /// The columns of `scenarios`, in the order `insert` binds them.
    static let scenarioColumns = "address, name, source, settings, variants, runs"
}
