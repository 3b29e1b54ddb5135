import GRDB

/// The tables of a run store, built by versioned migrations (GRDB's `DatabaseMigrator`): a store
/// made by an older swarmsim is upgraded when opened for writing, one made by a newer swarmsim is
/// refused. No table holds a wall-clock time or an insertion counter, so two stores holding the same
/// runs hold the same rows, whatever order the runs came in.
///
/// Schema 1:
/// - `metadata(key, value)`: `format` is "swarmsim run store" (what makes the file a store) and
///   `schema_version` the number of migrations applied.
/// - `scenarios`: one row per plan run into the store, enough to re-create it: `address` (SHA-256
///   of the source, settings and variants), `name`, `source` (the scenario file's bytes),
///   `settings` (JSON array of `{"path": [...], "value": ..., "origin": "--set ..."}`: the flag the
///   setting came from, hashed into the address too), `variants`
///   (JSON array of the labels run) and `runs` (how many runs the plan has).
/// - `models(digest, document)`: each resolved model once, as compact JSON with sorted keys, by the
///   SHA-256 of that text.
/// - `runs`: one row per run address (`RunAddress`), with `scenario`, `variant`, `topology`,
///   `agents`, `point` (0-based sweep point), `replicate` (1-based, as in runs.csv), `seed`
///   (decimal text: seeds use all 64 bits), `swarmsim_version`, `duration_hours`,
///   `sample_every_hours`, `model` (a `models` digest), `parameters` (JSON object by dotted path),
///   then one column per summary metric, named as in runs.csv. The identity columns are those of
///   the first run recorded at the address.
/// - `samples`: one row per run and sample time: `address`, `sample_index` (0-based), then one
///   column per sample metric, named as in timeseries.csv.
///
/// Schema 2 adds the summary metric `cost_per_effective_agent_hour_usd` to `runs`, computed for the
/// runs already stored from their own columns exactly as a new run computes it.
///
/// Schema 3 takes flag spellings out of the store: a `settings` element is `{"path": [...],
/// "value": ...}`, and a scenario's `address` hashes that (`StoredScenario`), so the same plan has
/// the same address however its settings were typed, and renaming a flag changes nothing stored.
/// Run addresses (`RunAddress`) never held a flag: `runs` and `samples` are unchanged, and the
/// scenario address appears in no other table. The choice is to migrate, not only to read both
/// forms: written to, a schema 2 store is rewritten in the new form (rows that differ only in how
/// a setting was typed become one), so the same plan is never stored under two addresses when old
/// and new swarmsims share a store, stores holding the same plans hold the same rows, and an older
/// swarmsim refuses a new store by its version instead of misreading its settings. Reading is
/// lenient as well, so a schema 2 store is still read without being written (export, report, the
/// sources of a merge): its rows are read in the new form (`StoredScenario`), addresses computed
/// from their content, and merged into a store in that form.
///
/// Schema 4 adds the summary metric `retry_share` to `runs`. The runs already stored get what
/// their engine would have measured where that is known: 0 outside the optimistic topology (the
/// only one that retries), NULL for optimistic runs, whose failed operations were not recorded
/// (old-engine runs are never reused anyway: the engine fingerprint is in every run address). A
/// schema 2 or 3 store opened only to read gives the same values, and so do its runs merged into
/// a schema 4 store.
///
/// Schema 5 says which runs each experiment holds: `experiment_runs(experiment, run_id, run)`,
/// one row per plan and position, `experiment` a `scenarios` address, `run_id` the 1-based
/// position in the plan (runs.csv's run_id) and `run` the run's address (a `runs` row once it has
/// been recorded). A run is content-addressed, so two experiments that share a run (the same
/// model, point and seed) both list it. Rows are written as a plan runs (each run's before it is
/// simulated, `RunStore.register(_:running:shard:)`), so the runs of a plan registered before
/// schema 5 are listed once it is run again (nothing is simulated twice). A schema 4 store read as it is has no
/// such table, and a merge copies the rows of sources that have one.
///
/// Schema 6 lets a store never serve damaged data: `runs` gains `sample_count` (the samples
/// recorded) and `checksum` (`RunChecksum`: SHA-256 over the summary and samples as stored), checked
/// on every read. A run that fails the check is simulated again by a sweep and replaced, and refused
/// by export; `swarmsim store verify` and `repair` check or drop such runs. The migration computes
/// both for the runs already stored, from their stored values: damage done before it cannot be told
/// from a result, and this way every run of a schema 6 store is checked from then on, none trusted
/// unchecked. A run whose rows cannot be read at all (a value swarmsim never writes, a gap in its
/// samples) gets the checksum `unreadable`, so it counts as damaged. A merge computes them in the
/// same way for the runs it copies from an older store; a schema 2 to 5 store opened only to read
/// has no checksums, and its runs are read as they are.
///
/// Metric columns are declared without a type, so SQLite keeps each double exactly as bound (a
/// REAL column would store -0.0 as 0); an undefined value is NULL.
enum RunStoreSchema {
    /// What the `format` row of `metadata` holds in every store.
    static let format = "swarmsim run store"

    /// The schema this swarmsim writes, the last migration's number.
    static let version = 6

    /// The schemas this swarmsim reads without upgrading them: 2 differs from 3 only in the form of
    /// the `scenarios` rows, which are read in either form, and 2 and 3 from 4 only in a metric
    /// column, read as NULL where it is missing.
    static let readable = 2...version

    /// The migrator that brings a store to `version`, each migration in one transaction with the
    /// `schema_version` it reaches. Migrations are history: once released one is never edited,
    /// since stores out there were built by it. A change to the metric lists
    /// (`RunResult.summaryColumns`, `sampleColumns`) needs a new migration, which RunStoreTests
    /// enforces.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createVersion1(db)
            try db.execute(sql: "INSERT INTO metadata (key, value) VALUES ('format', ?), ('schema_version', '1')", arguments: [format])
        }
        migrator.registerMigration("v2") { db in
            let column = "cost_per_effective_agent_hour_usd"
            try db.alter(table: "runs") { t in t.add(column: column) }
            try db.execute(sql: """
                UPDATE runs SET "\(column)" = CASE WHEN effective_agents > 0 THEN cost_usd / (effective_agents * simulated_hours) END
                """)
            try db.execute(sql: "UPDATE metadata SET value = '2' WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v3") { db in
            // Each row again in the form of `StoredScenario`; a damaged row stays as it is, for the
            // reader to report.
            for row in try Row.fetchAll(db, sql: "SELECT \(RunStore.scenarioColumns) FROM scenarios") {
                guard let scenario = try? RunStore.storedScenario(row, file: "") else { continue }
                try db.execute(sql: "DELETE FROM scenarios WHERE address = ?", arguments: [row["address"] as DatabaseValue])
                _ = try RunStore.insert(scenario, db)
            }
            try db.execute(sql: "UPDATE metadata SET value = '3' WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v4") { db in
            try db.alter(table: "runs") { t in
                for column in version4SummaryColumns { t.add(column: column) }
            }
            for column in version4SummaryColumns {
                try db.execute(sql: "UPDATE runs SET \"\(column)\" = \(derivation(of: column))")
            }
            try db.execute(sql: "UPDATE metadata SET value = '4' WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v5") { db in
            try db.create(table: "experiment_runs", options: .withoutRowID) { t in
                t.column("experiment", .text).notNull().references("scenarios")
                t.column("run_id", .integer).notNull()
                t.column("run", .text).notNull()
                t.primaryKey(["experiment", "run_id"])
            }
            try db.create(index: "experiment_runs_by_run", on: "experiment_runs", columns: ["run"])
            try db.execute(sql: "UPDATE metadata SET value = '5' WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v6") { db in
            try db.alter(table: "runs") { t in
                t.add(column: RunStore.sampleCountColumn, .integer)
                t.add(column: RunStore.checksumColumn, .text)
            }
            try RunStore.computeMissingChecksums(db)
            try db.execute(sql: "UPDATE metadata SET value = '6' WHERE key = 'schema_version'")
        }
        return migrator
    }

    /// The summary metric columns of schema 1, in runs.csv's order.
    static let version1SummaryColumns = [
        "simulated_hours", "tasks_done", "hard_tasks_done", "commits", "throughput_tasks_per_hour", "effective_agents",
        "efficiency", "work_share", "lock_wait_share", "idle_share", "rework_share", "rebase_share", "coordination_share",
        "blocked_share", "conflicts", "lost_updates", "duplicate_tasks", "lock_leaks", "unlocked_writes", "crashes",
        "early_stops", "hard_task_avoidance", "busywork_share", "broken_commits", "main_red_share", "main_red_trend_per_day",
        "drift", "intent_debt_hours", "integrator_queue_mean", "integrator_wait_hours", "integrator_capacity_tasks_per_hour",
        "planners", "hierarchy_depth", "cycles", "fresh_starts", "input_tokens", "output_tokens", "cost_usd",
        "cost_per_task_usd", "events",
    ]

    /// The summary metric columns schema 2 adds.
    static let version2SummaryColumns = ["cost_per_effective_agent_hour_usd"]

    /// The summary metric columns schema 4 adds.
    static let version4SummaryColumns = ["retry_share"]

    /// The SQL value of `column` for a run stored before the column existed: what its engine
    /// measured where that is known, otherwise NULL.
    static func derivation(of column: String) -> String {
        column == "retry_share" ? "CASE WHEN topology = 'optimistic' THEN NULL ELSE 0.0 END" : "NULL"
    }

    /// `columns` of a table that has the columns `present`, quoted and comma-separated, for a
    /// SELECT: a column an older schema lacks reads as its derivation.
    static func selection(_ columns: [String], present: Set<String>) -> String {
        columns.map { present.contains($0) ? "\"\($0)\"" : derivation(of: $0) }.joined(separator: ", ")
    }

    /// The sample metric columns of schema 1, in timeseries.csv's order.
    static let version1SampleColumns = [
        "time_hours", "tasks_done", "throughput_tasks_per_hour", "effective_agents", "work_share", "lock_wait_share",
        "idle_share", "main_red_share", "drift", "integrator_queue", "cost_usd",
    ]

    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "metadata", options: .withoutRowID) { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "scenarios", options: .withoutRowID) { t in
            t.primaryKey("address", .text)
            t.column("name", .text).notNull()
            t.column("source", .blob).notNull()
            t.column("settings", .text).notNull()
            t.column("variants", .text).notNull()
            t.column("runs", .integer).notNull()
        }
        try db.create(table: "models", options: .withoutRowID) { t in
            t.primaryKey("digest", .text)
            t.column("document", .text).notNull()
        }
        try db.create(table: "runs", options: .withoutRowID) { t in
            t.primaryKey("address", .text)
            t.column("scenario", .text).notNull()
            t.column("variant", .text).notNull()
            t.column("topology", .text).notNull()
            t.column("agents", .integer).notNull()
            t.column("point", .integer).notNull()
            t.column("replicate", .integer).notNull()
            t.column("seed", .text).notNull()
            t.column("swarmsim_version", .text).notNull()
            t.column("duration_hours", .double).notNull()
            t.column("sample_every_hours", .double).notNull()
            t.column("model", .text).notNull().references("models")
            t.column("parameters", .text).notNull()
            for name in version1SummaryColumns {
                t.column(name)
            }
        }
        try db.create(table: "samples", options: .withoutRowID) { t in
            t.column("address", .text).notNull().references("runs")
            t.column("sample_index", .integer).notNull()
            for name in version1SampleColumns {
                t.column(name)
            }
            t.primaryKey(["address", "sample_index"])
        }
    }
}
