import Foundation
import GRDB
import SwarmModel

extension RunStore {
    /// Saves `run` (its row with its checksum, its model and its samples). Runs are written in
    /// batches, each in one transaction, so a sweep does not pay a transaction per run: a batch is
    /// written once it holds `batchSize` runs or its first run has waited `batchSeconds`, so slow
    /// runs are not held back long. A batch is written in the background (`BackgroundWrites`)
    /// while the next one gathers, so a killed process loses at most those two batches (the second
    /// only of runs finished in the last `batchSeconds`), which a restart simulates again. `flush`
    /// writes what is pending and waits for it; anything that reads the store flushes first, so
    /// it reads what was recorded, except a sweep's look-ups (`lookingUp`), which read what is
    /// committed. An error met in the background is thrown by the next `record` or `flush`.
    ///
    /// A run the runner took from its cache (`reused`) is not written again: every swarmsim
    /// command that records into a store uses that store as its cache, and a store opened on a
    /// read-only file so serves a sweep whose runs are all stored. A run whose address is stored and
    /// intact is kept as it is (recording is idempotent); a damaged one (it fails its checksum) is
    /// replaced, and samples left without their run row are removed before the run's own are written.
    public func record(_ run: CompletedRun) throws(RunStoreError) {
        guard !run.reused else { return }
        let count = pending.append(run)
        if count.pending >= RunStore.batchSize || count.waited >= RunStore.batchSeconds { try writeInBackground() }
        if count.given == RunStore.pauseAfter { while true { sleep(1) } }
    }

    /// A test hook: with SWARMSIM_TEST_PAUSE_STORE=N in the environment, the store stops for good
    /// once it has been given N runs to write, for a test to kill the process with a batch in flight.
    static let pauseAfter = ProcessInfo.processInfo.environment["SWARMSIM_TEST_PAUSE_STORE"].flatMap(Int.init)

    /// Writes the runs recorded and not yet written, in one transaction, and waits until every
    /// batch is written.
    public func flush() throws(RunStoreError) {
        try writeInBackground()
        // A barrier on the database's queue: once it runs, the batch's work item has finished and
        // let go of the database, so a store dropped after `flush` closes its file at once.
        try writingWithoutTransaction { _ in }
        try background.waitUntilIdle()
    }

    /// Starts writing the pending runs, in one transaction on the database's queue, once the batch
    /// before them is written.
    private func writeInBackground() throws(RunStoreError) {
        try background.begin()
        let (runs, links) = pending.takeAll()
        guard !runs.isEmpty || !links.isEmpty else { return background.finished(failure: nil, cpuSeconds: 0) }
        database.asyncWriteWithoutTransaction { [self] db in
            let start = ThreadCPUTime.seconds()
            var failure: RunStoreError?
            do {
                try db.inTransaction {
                    try RunStore.insert(links, db)
                    var models: Set<String> = []
                    for run in runs { try save(run, db, models: &models) }
                    return .commit
                }
            } catch {
                failure = RunStoreError.wrapping(error, file: file)
            }
            background.finished(failure: failure, cpuSeconds: ThreadCPUTime.seconds() - start)
        }
    }

    /// CPU seconds this store's batches of runs took to write, on the thread writing them (the sweep
    /// bench's figure for the writer).
    public var writerCPUSeconds: Double { background.writerCPUSeconds }

    /// The store wants each run's rows encoded, and its checksum computed, in its job.
    public var preparation: RunPreparation { .storeRows }

    /// How many runs `record` gathers before writing them in one transaction. SQLite's work per
    /// commit is large (about 0.4 ms here), so small batches cost the serial writer dearly: 16 runs
    /// a batch cost 0.087 ms per run, 64 cost 0.064 ms and 256 cost 0.046 ms on the headline
    /// sweep. A test sets batches of N runs with no time limit with SWARMSIM_TEST_BATCH_RUNS=N.
    static let batchSize = testBatchSize ?? 256

    /// How long, in seconds, the first run of a batch may have waited when another run arrives
    /// before the batch is written: what a SIGKILL can lose when runs are slow.
    static let batchSeconds = testBatchSize == nil ? 2.0 : .infinity

    private static let testBatchSize = ProcessInfo.processInfo.environment["SWARMSIM_TEST_BATCH_RUNS"].flatMap(Int.init)

    /// Writes `run` unless its address holds an intact run: the rows its job encoded (`Rows`), or
    /// encoded here for a run that comes without them. `models` holds the digests of the models
    /// this transaction has inserted already, so that a batch of runs of one model inserts it once.
    ///
    /// Almost every run a sweep records is new, so its rows are inserted straight away; only when
    /// an insert conflicts (the address holds a run, or samples left without their run) does it
    /// look at what is stored (`replace`). A failed insert changes nothing (SQLite undoes the one
    /// statement), so the transaction carries on.
    private func save(_ run: CompletedRun, _ db: Database, models: inout Set<String>) throws {
        let rows = run.prepared.store ?? Rows(run)
        if let model = run.spec.model, models.insert(model.digest).inserted {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO models (digest, document) VALUES (?, ?)")
                .execute(arguments: [model.digest, model.text])
        }
        do {
            try db.cachedStatement(sql: RunStore.insertRunSQL).execute(arguments: rows.run)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return try replace(rows, db)
        }
        do {
            try insertSamples(of: rows, db)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            try db.cachedStatement(sql: "DELETE FROM samples WHERE address = ?").execute(arguments: [rows.address.hex])
            try insertSamples(of: rows, db)
        }
    }

    /// Writes `rows` where their address holds a run already: nothing when that run is intact, its
    /// rows replaced when it is damaged (it fails its checksum).
    private func replace(_ rows: Rows, _ db: Database) throws {
        if case .intact = try stored(at: rows.address, db) { return }
        // The samples first: they refer to the run row.
        try db.cachedStatement(sql: "DELETE FROM samples WHERE address = ?").execute(arguments: [rows.address.hex])
        try db.cachedStatement(sql: "DELETE FROM runs WHERE address = ?").execute(arguments: [rows.address.hex])
        try db.cachedStatement(sql: RunStore.insertRunSQL).execute(arguments: rows.run)
        try insertSamples(of: rows, db)
    }

    private func insertSamples(of rows: Rows, _ db: Database) throws {
        for samples in rows.samples {
            let statement = try db.cachedStatement(sql: samples.sql)
            statement.setUncheckedArguments(samples.arguments)
            try statement.execute()
        }
    }

    /// The result stored at `spec`'s address, exactly as it was recorded; nil when there is none.
    /// Refuses a run that fails its check (`StoredRun.damaged`): its time series would come out
    /// silently shorter, reordered or changed. Export reads through this; a sweep reads through
    /// `storedResult(at:of:)`, which simulates a damaged run again instead.
    public func storedResult(for spec: RunSpec) throws(RunStoreError) -> RunResult? {
        let address = RunAddress(spec)
        switch try reading({ db in try stored(at: address, db) }) {
        case .missing: return nil
        case .intact(let result): return result
        case .damaged(_, let error): throw error
        }
    }

    /// Each spec's address, hashed on every core, and whether a run is stored there, in one query
    /// per `lookupChunk` specs (see `lookUp`).
    public func addresses(of specs: [RunSpec]) throws(RunStoreError) -> [(address: RunAddress, stored: Bool)] {
        let addresses = RunAddress.of(specs)
        return zip(addresses, try lookUp(specs, at: addresses)).map { ($0, $1) }
    }

    /// Whether a run is stored at each of `addresses` (those of `specs`), as `holds` says; lists
    /// the runs among them that a registered plan left to its look-ups (`DeferredLinks`), written
    /// with the next batch of runs, or at once when `linkBatch` of them wait.
    public func lookUp(_ specs: [RunSpec], at addresses: [RunAddress]) throws(RunStoreError) -> [Bool] {
        let links = deferredLinks.take(specs, at: addresses)
        if !links.isEmpty, pending.append(links) >= RunStore.linkBatch { try writeInBackground() }
        return try holds(addresses)
    }

    /// How many listed runs (`lookUp`) wait at most for a batch of runs to be written with: a
    /// sweep whose runs are all stored writes none.
    static let linkBatch = 4096

    /// Whether a run is stored at each of `addresses`, in one query per `lookupChunk` addresses,
    /// as far as the store has committed (`lookingUp`): a run recorded and not yet written counts as
    /// not stored until `flush`.
    public func holds(_ addresses: [RunAddress]) throws(RunStoreError) -> [Bool] {
        let held = try lookingUp { db in
            var held: Set<String> = []
            for start in stride(from: 0, to: addresses.count, by: RunStore.lookupChunk) {
                let chunk = addresses[start..<min(addresses.count, start + RunStore.lookupChunk)].map(\.hex)
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                held.formUnion(try String.fetchAll(db, sql: "SELECT address FROM runs WHERE address IN (\(marks))", arguments: StatementArguments(chunk)))
            }
            return held
        }
        return addresses.map { held.contains($0.hex) }
    }

    /// The most addresses one look-up query binds (SQLite allows 32766 parameters).
    static let lookupChunk = 500

    /// The result stored at `address` (the address of `spec`), or nil when there is none or it fails
    /// its check: such a run is reported through `onDamage` and the sweep simulates it again,
    /// replacing it (`record`).
    public func storedResult(at address: RunAddress, of spec: RunSpec) throws(RunStoreError) -> RunResult? {
        switch try lookingUp({ db in try stored(at: address, db) }) {
        case .missing:
            return nil
        case .intact(let result):
            return result
        case .damaged(let reason, _):
            onDamage(Damage(file: file, address: address, spec: spec, reason: reason))
            return nil
        }
    }

    /// The run stored at `address`, read and checked: missing, intact, or damaged (a value of a type
    /// swarmsim never writes, samples not numbered 0, 1, 2, ..., or, from schema 6 on, a sample count
    /// or checksum that differs from the stored values').
    func stored(at address: RunAddress, _ db: Database) throws -> StoredRun {
        let summaryRows = try Row.fetchAll(db.cachedStatement(sql: selectSummarySQL), arguments: [address.hex])
        guard let summary = summaryRows.first else { return .missing }
        let samples = try Row.fetchAll(db.cachedStatement(sql: RunStore.selectSamplesSQL), arguments: [address.hex])
        let result: RunResult
        do {
            result = try RunStore.result(summary: summary, samples: samples, address: address, in: file)
        } catch let error as RunStoreError {
            return .damaged(error.description(in: PlainWording()), error)
        }
        guard checksSums else { return .intact(result) }
        let count: DatabaseValue = summary[RunStore.sampleCountColumn]
        guard count.exactInteger == result.samples.count else {
            return damaged(address, "it was recorded with \(count.shown) samples and \(result.samples.count) are stored")
        }
        let checksum: DatabaseValue = summary[RunStore.checksumColumn]
        guard String.fromDatabaseValue(checksum) == RunChecksum.hex(result) else {
            return damaged(address, "its summary or samples differ from those recorded (checksum mismatch)")
        }
        return .intact(result)
    }

    /// The run at `address` found damaged for `reason`.
    private func damaged(_ address: RunAddress, _ reason: String) -> StoredRun {
        .damaged(reason, .damagedRun(file: file, run: address.hex, reason: reason))
    }

    /// The result a run's rows hold. Refuses samples not numbered 0, 1, 2, ... (one was removed or
    /// renumbered) and values swarmsim never writes.
    static func result(summary: Row, samples: [Row], address: RunAddress, in file: String) throws -> RunResult {
        let summaryValues = try metrics(summary, table: "runs", row: "run \(address.hex.prefix(12))", in: file, count: RunResult.summaryColumns.count)
        let sampleValues = try samples.enumerated().map { position, sample in
            let row = "run \(address.hex.prefix(12)) sample \(position)"
            let index: DatabaseValue = sample["sample_index"]
            guard index.exactInteger == position else {
                throw RunStoreError.damagedRow(file: file, table: "samples", row: row, column: "sample_index",
                                               requirement: "\(position): a run's samples are numbered from 0 without gaps",
                                               found: index.shown)
            }
            return try metrics(sample, table: "samples", row: row, in: file, skipping: 1)
        }
        return RunResult(summary: summaryValues, samples: sampleValues)
    }

    /// True when a run is stored at `address`.
    static func holds(_ address: RunAddress, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE address = ?)"), arguments: [address.hex])!
    }

    /// A row's values (after the first `skipping`, `count` of them when given) as metrics: a double,
    /// or nil for NULL. Anything else (text, a blob, an integer a double would round) was not
    /// written by swarmsim and is refused, with its column, rather than guessed at.
    private static func metrics(_ row: Row, table: String, row description: String, in file: String, skipping: Int = 0, count: Int? = nil) throws -> [Double?] {
        try zip(row.columnNames, row.databaseValues).dropFirst(skipping).prefix(count ?? .max).map { column, value in
            if value.isNull { return nil }
            guard let number = value.exactDouble else {
                throw RunStoreError.damagedRow(file: file, table: table, row: description, column: column,
                                               requirement: "a number a double holds exactly, or NULL when undefined", found: value.shown)
            }
            return number
        }
    }

    /// The columns of schema 6 that check a run's stored values (`RunChecksum`).
    static let sampleCountColumn = "sample_count"
    static let checksumColumn = "checksum"

    private static let identityColumns = [
        "address", "scenario", "variant", "topology", "agents", "point", "replicate", "seed", "swarmsim_version",
        "duration_hours", "sample_every_hours", "model", "parameters", sampleCountColumn, checksumColumn,
    ]
    private static let insertRunSQL = insertSQL(table: "runs", columns: identityColumns + RunResult.summaryColumns)
    /// The insert of `rows` samples in one statement.
    static func insertSamplesSQL(rows: Int) -> String {
        insertSQL(table: "samples", columns: ["address", "sample_index"] + RunResult.sampleColumns, rows: rows)
    }

    /// How many samples one insert holds at the most: far below SQLite's 32766 parameters.
    static let samplesPerInsert = 256
    static let selectSamplesSQL =
        "SELECT \(quoted(["sample_index"] + RunResult.sampleColumns)) FROM samples WHERE address = ? ORDER BY sample_index"

    private static func insertSQL(table: String, columns: [String], rows: Int = 1) -> String {
        let row = "(\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        return "INSERT INTO \(table) (\(quoted(columns))) VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))"
    }

    /// Column names, quoted and comma-separated.
    static func quoted(_ columns: [String]) -> String {
        columns.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

