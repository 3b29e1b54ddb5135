import Foundation
import GRDB

extension RunStore {
    /// Keeps the scenario of `plan` (its text, settings and variants) so that `export` can
    /// re-create the plan; nothing changes when it is kept already. Call it before running a plan
    /// into the store, with the whole plan even when running one shard of it.
    @discardableResult
    public func register(_ plan: RunPlan) throws(RunStoreError) -> StoredScenario {
        let scenario = StoredScenario(plan: plan)
        try writing { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO scenarios (address, name, source, settings, variants, runs) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [scenario.address, scenario.name, scenario.source, scenario.settingsText, scenario.variantsText, scenario.runs])
        }
        return scenario
    }

    /// Every stored scenario, by name and then address.
    public func scenarios() throws(RunStoreError) -> [StoredScenario] {
        let rows = try reading { db in
            try Row.fetchAll(db, sql: "SELECT address, name, source, settings, variants, runs FROM scenarios ORDER BY name, address")
        }
        return try rows.map { row throws(RunStoreError) in
            // Read without GRDB's conversions, which stop the process on a value of the wrong type.
            func value<T: DatabaseValueConvertible>(_ column: String) -> T? {
                T.fromDatabaseValue(row[column] as DatabaseValue)
            }
            guard let address: String = value("address"), let name: String = value("name"), let source: Data = value("source"),
                  let settings: String = value("settings"), let variants: String = value("variants"), let runs: Int = value("runs"),
                  let scenario = StoredScenario(address: address, name: name, source: source, settingsText: settings,
                                                variantsText: variants, runs: runs)
            else {
                throw .database(file: file, reason: "a stored scenario is damaged (\(row))")
            }
            return scenario
        }
    }
}
