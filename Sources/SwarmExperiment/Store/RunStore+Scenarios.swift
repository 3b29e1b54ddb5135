import Foundation
import GRDB

extension RunStore {
    /// Keeps the scenario of `plan` (its text, settings and variants) so that `export` can
    /// re-create the plan, and the address of each of its runs by position (`experiment_runs`), so
    /// that SQL can tell experiments apart; nothing changes when they are kept already. Call it
    /// before running a plan into the store, with the whole plan even when running one shard of it.
    ///
    /// The experiment lists the runs of the engine that registered it last: a run's address holds
    /// the engine fingerprint, so a changed engine lists its own runs in place of the old ones.
    @discardableResult
    public func register(_ plan: RunPlan) throws(RunStoreError) -> StoredScenario {
        try register(plan, listingNow: 0..<plan.count)
    }

    /// Registers `whole` (as `register(_:)` does) for a sweep of `shard` of `running` (`whole`
    /// or a filtered view of it) with this store as its cache. The runs the sweep will look up are
    /// listed as the runner asks about them, with the addresses hashed for the look-up, so each
    /// run's address is hashed once (`DeferredLinks`); the others are listed at once. A run is
    /// listed before it is simulated, and a sweep stopped early lists the rest when run again.
    @discardableResult
    public func register(_ whole: RunPlan, running plan: RunPlan, shard: Shard) throws(RunStoreError) -> StoredScenario {
        let positions = PlanPositions(whole)
        var lookedUp = PositionSet(count: whole.count)
        if plan.groups.count == whole.groups.count && plan.replicateIndices == whole.replicateIndices {
            for position in shard.positions(in: whole) { lookedUp.insert(position) }
        } else {
            for position in shard.positions(in: plan) {
                if let wholePosition = positions.position(of: plan[position]) { lookedUp.insert(wholePosition) }
            }
        }
        let scenario = try register(whole, listingNow: (0..<whole.count).lazy.filter { !lookedUp.contains($0) })
        deferredLinks.leave(lookedUp, of: positions, experiment: scenario.address)
        return scenario
    }

    /// Keeps `plan`'s scenario and lists its runs at `positions` (ascending), their addresses
    /// hashed a few thousand at a time, on every core, in bounded memory.
    private func register(_ plan: RunPlan, listingNow positions: some Sequence<Int>) throws(RunStoreError) -> StoredScenario {
        let scenario = StoredScenario(plan: plan)
        try writing { db in
            _ = try RunStore.insert(scenario, db)
            var chunk: [Int] = []
            func list() throws {
                let links = zip(chunk, RunAddress.of(chunk.map { plan[$0] })).map { position, address in
                    DeferredLinks.Link(experiment: scenario.address, runID: position + 1, address: address)
                }
                try RunStore.insert(links, db)
                chunk.removeAll(keepingCapacity: true)
            }
            for position in positions {
                chunk.append(position)
                if chunk.count == RunStore.registerChunk { try list() }
            }
            try list()
        }
        return scenario
    }

    /// Writes `links` to `experiment_runs`, replacing a position's run of another engine.
    static func insert(_ links: [DeferredLinks.Link], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO experiment_runs (experiment, run_id, run) VALUES (?, ?, ?)
            ON CONFLICT (experiment, run_id) DO UPDATE SET run = excluded.run WHERE run <> excluded.run
            """)
        for link in links {
            try statement.execute(arguments: [link.experiment, link.runID, link.address.hex])
        }
    }

    /// How many of a plan's runs `register` hashes at once.
    static let registerChunk = 4096

    /// Every stored scenario, by name and then address. A plan stored twice under different keys
    /// (rows of a schema 2 store that differ only in how their settings were typed) is listed once.
    public func scenarios() throws(RunStoreError) -> [StoredScenario] {
        let rows = try reading { db in try Row.fetchAll(db, sql: "SELECT \(RunStore.scenarioColumns) FROM scenarios") }
        var byAddress: [String: StoredScenario] = [:]
        for row in rows {
            let scenario = try RunStore.storedScenario(row, file: file)
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

    /// The scenario a `scenarios` row of `file` holds (in the form of schema 2 or 3). A row holding
    /// what swarmsim never writes (text where the run count belongs, JSON that does not parse) is
    /// refused with its column rather than read approximately. The address is computed from the
    /// content, never taken from the row (see `StoredScenario`).
    static func storedScenario(_ row: Row, file: String) throws(RunStoreError) -> StoredScenario {
        // Raw values: GRDB's typed accessors stop the process on a value of the wrong type.
        func cell(_ column: String) -> DatabaseValue { row[column] }
        func damaged(_ column: String, _ requirement: String) -> RunStoreError {
            let address = String.fromDatabaseValue(cell("address")).map { "scenario \($0.prefix(12))" } ?? "a scenario"
            return .damagedRow(file: file, table: "scenarios", row: address, column: column, requirement: requirement, found: cell(column).shown)
        }
        guard let name = String.fromDatabaseValue(cell("name")) else { throw damaged("name", "text") }
        guard let source = Data.fromDatabaseValue(cell("source")) else { throw damaged("source", "the scenario file's bytes") }
        guard let settings = String.fromDatabaseValue(cell("settings")).flatMap(StoredScenario.settings(fromText:)) else {
            throw damaged("settings", "a JSON array of settings, each {\"path\": [...], \"value\": ...}")
        }
        guard let variants = String.fromDatabaseValue(cell("variants")).flatMap(StoredScenario.variants(fromText:)) else {
            throw damaged("variants", "a JSON array of variant labels")
        }
        guard let runs = cell("runs").exactInteger, (1...ScenarioLimits.maxRuns).contains(runs) else {
            throw damaged("runs", NumberRule.integer(1...ScenarioLimits.maxRuns).requirement)
        }
        return StoredScenario(name: name, source: source, settings: settings, variants: variants, runs: runs)
    }

    /// The columns of `scenarios`, in the order `insert` binds them.
    static let scenarioColumns = "address, name, source, settings, variants, runs"
}
