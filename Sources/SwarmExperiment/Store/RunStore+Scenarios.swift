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

    /// Every stored scenario, by name and then address. A row holding what swarmsim never writes
    /// (text where the run count belongs, JSON that does not parse) is refused with its column
    /// rather than read approximately.
    public func scenarios() throws(RunStoreError) -> [StoredScenario] {
        let rows = try reading { db in
            try Row.fetchAll(db, sql: "SELECT address, name, source, settings, variants, runs FROM scenarios ORDER BY name, address")
        }
        return try rows.map { row throws(RunStoreError) in
            // Raw values: GRDB's typed accessors stop the process on a value of the wrong type.
            func cell(_ column: String) -> DatabaseValue { row[column] }
            func damaged(_ column: String, _ requirement: String) -> RunStoreError {
                let address = String.fromDatabaseValue(cell("address")).map { "scenario \($0.prefix(12))" } ?? "a scenario"
                return .damagedRow(file: file, table: "scenarios", row: address, column: column, requirement: requirement, found: cell(column).shown)
            }
            guard let address = String.fromDatabaseValue(cell("address")) else { throw damaged("address", "text") }
            guard let name = String.fromDatabaseValue(cell("name")) else { throw damaged("name", "text") }
            guard let source = Data.fromDatabaseValue(cell("source")) else { throw damaged("source", "the scenario file's bytes") }
            guard let settings = String.fromDatabaseValue(cell("settings")).flatMap(StoredScenario.settings(fromText:)) else {
                throw damaged("settings", "a JSON array of settings, each {\"path\": [...], \"value\": ..., \"origin\": \"...\"}")
            }
            guard let variants = String.fromDatabaseValue(cell("variants")).flatMap(StoredScenario.variants(fromText:)) else {
                throw damaged("variants", "a JSON array of variant labels")
            }
            guard let runs = cell("runs").exactInteger, (1...ScenarioLimits.maxRuns).contains(runs) else {
                throw damaged("runs", NumberRule.integer(1...ScenarioLimits.maxRuns).requirement)
            }
            return StoredScenario(address: address, name: name, source: source, settings: settings, variants: variants, runs: runs)
        }
    }
}
