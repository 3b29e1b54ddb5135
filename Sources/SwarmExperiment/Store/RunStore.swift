import Foundation
import GRDB
import SwarmModel

/// A file holding every run made into it (an SQLite database; the CLI's default is
/// results/swarmsim.sqlite): each run's identity, parameters, resolved model, summary and time
/// series under its content address (`RunAddress`), and the scenarios they were planned from.
///
/// As a `RunSink` it saves each run in one transaction as it is recorded, so an aborted sweep keeps
/// every run it finished; as a `RunCache` it gives those runs back, bit for bit, so the sweep
/// restarted with the same command simulates only what is missing. A run already stored is never
/// written again: recording is idempotent, and stores merge by copying what they lack (`merge`).
/// `export` writes a scenario's CSV files again from its stored runs.
///
/// Several processes may write one store at once: the file is in WAL mode, each write takes the
/// lock for one short transaction, and a process waits up to `busyTimeout` for another's. A crash
/// loses at most the runs not yet written (`record`); the synchronous level (NORMAL) trades the
/// last runs before a power loss, which a restart simulates again, for speed. The tables are
/// described in `RunStoreSchema`.
///
/// Values round-trip exactly, nil included. The one exception is NaN, which SQLite stores as NULL;
/// the simulator never produces it (an undefined metric is nil).
public final class RunStore: RunSink, RunCache, Sendable {
    /// Whether a store is opened to write runs, or only to read them (export, a merge's sources).
    public enum Access: Sendable {
        /// Creates the file (and its folder) when missing and upgrades an older schema.
        case readWrite
        /// Requires an existing store of a schema this swarmsim reads (`RunStoreSchema.readable`)
        /// and never writes to it.
        case readOnly
    }

    /// How long an access waits for another process's lock before failing, in seconds.
    public static let busyTimeout: TimeInterval = 30

    /// The store's path, as given: every error message names it.
    public let file: String
    let database: DatabaseQueue
    /// A second connection, only to read, for a sweep's look-ups and stored results
    /// (`lookingUp`): in WAL mode it reads the last committed state while the first connection
    /// writes a batch, so the coordinator never waits for a batch to be written. The store's own
    /// connection when the store is opened only to read.
    private let lookUps: DatabaseQueue
    /// The query of a run's summary metrics, then from schema 6 on its sample count and checksum;
    /// a metric an older schema has no column for (a schema 2 or 3 store opened to read) reads as
    /// `RunStoreSchema.derivation`.
    let selectSummarySQL: String
    /// True when the store's runs carry checksums (schema 6 on); the runs of an older store opened
    /// only to read are trusted as they are.
    let checksSums: Bool
    /// Told of each damaged run a sweep finds (`storedResult(at:of:)`), to say so.
    let onDamage: @Sendable (Damage) -> Void
    /// Runs recorded and not yet written (`record`).
    let pending = PendingRuns()
    /// The `experiment_runs` rows registered plans left to the look-ups (`register(_:running:shard:)`).
    let deferredLinks = DeferredLinks()
    /// The batch being written on the database's queue, if any (`record`).
    let background = BackgroundWrites()

    /// Opens the store at `file`. Refuses, without changing it, a file that is not SQLite, an
    /// SQLite database that is not a swarmsim store and a store of another schema version.
    /// `onDamage` hears of each damaged run a sweep finds and simulates again. A store of this
    /// schema on a file this process cannot write is opened to read even for `.readWrite`: it serves
    /// every run it holds, and fails by name only when a run must be written.
    public init(file: String, access: Access = .readWrite, onDamage: @escaping @Sendable (Damage) -> Void = { _ in }) throws(RunStoreError) {
        self.file = file
        self.onDamage = onDamage
        let access = access == .readWrite && RunStore.isReadOnlyFile(file) ? .readOnly : access
        var configuration = Configuration()
        configuration.readonly = access == .readOnly
        configuration.busyMode = .timeout(RunStore.busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            try RunStore.prepareLocation(of: file, for: access)
            database = try DatabaseQueue(path: file, configuration: configuration)
            switch (try database.read(RunStore.contents), access) {
            case (.foreign, _), (.empty, .readOnly):
                throw RunStoreError.notAStore(file: file)
            case (.store(let version), .readOnly) where !RunStoreSchema.readable.contains(version),
                 (.store(let version), .readWrite) where version > RunStoreSchema.version:
                throw RunStoreError.unsupportedSchema(file: file, found: version, supported: RunStoreSchema.version)
            case (.store, .readOnly):
                break
            case (.empty, .readWrite), (.store, .readWrite):
                try RunStore.migrate(database)
                try database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            if access == .readWrite {
                // Not opened read-only: whichever connection closes last folds the WAL file back
                // into the store (SQLite's checkpoint on close), which a read-only one cannot do,
                // so the file is whole once the store is closed.
                lookUps = try DatabaseQueue(path: file, configuration: configuration)
            } else {
                lookUps = database
            }
            let stored = try database.read { db in Set(try db.columns(in: "runs").map(\.name)) }
            checksSums = stored.contains(RunStore.checksumColumn)
            let checks = checksSums ? [RunStore.sampleCountColumn, RunStore.checksumColumn] : []
            selectSummarySQL = "SELECT \(RunStoreSchema.selection(RunResult.summaryColumns + checks, present: stored)) FROM runs WHERE address = ?"
        } catch {
            throw RunStoreError.wrapping(error, file: file)
        }
    }

    /// True when `file` exists and this process may not write it (nor, in WAL mode, its folder).
    private static func isReadOnlyFile(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: file) && !FileManager.default.isWritableFile(atPath: file)
    }

    /// Creates the folder of a store to be written; for reading, requires the file.
    private static func prepareLocation(of file: String, for access: Access) throws(RunStoreError) {
        let url = URL(fileURLWithPath: file)
        switch access {
        case .readOnly:
            guard FileManager.default.fileExists(atPath: file) else { throw .cannotOpen(file: file, reason: "no such file") }
        case .readWrite:
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(file: file, reason: "cannot create its folder: \(SystemErrorText.plain(error))")
            }
        }
    }

    /// What an SQLite database holds, as far as opening it as a store is concerned.
    private enum Contents {
        /// Nothing, or only the empty table of migrations that GRDB makes before the first one
        /// (another process creating the store at this moment): a new store.
        case empty
        /// A swarmsim store of schema `version`.
        case store(version: Int)
        /// Tables of something else.
        case foreign
    }

    private static func contents(_ db: Database) throws -> Contents {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty { return .empty }
        if tables == ["grdb_migrations"], try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0 { return .empty }
        guard try db.tableExists("metadata"), try Set(db.columns(in: "metadata").map(\.name)).isSuperset(of: ["key", "value"]) else {
            return .foreign
        }
        func value(_ key: String) throws -> String? {
            try DatabaseValue.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key])
                .flatMap(String.fromDatabaseValue)
        }
        guard try value("format") == RunStoreSchema.format, let version = try value("schema_version").flatMap(Int.init) else {
            return .foreign
        }
        return .store(version: version)
    }

    /// Applies the migrations this store lacks. GRDB reads which are applied outside the
    /// migration's transaction, so when two processes create one store at once the slower fails
    /// on tables that now exist. It then finds the schema complete and carries on, or, the other
    /// process being part-way (each migration commits on its own), tries again from where that
    /// one got: each failure means another migration was committed, so there are at most as many
    /// failures as migrations.
    private static func migrate(_ database: DatabaseQueue) throws {
        var failures = 0
        while true {
            do {
                try RunStoreSchema.migrator.migrate(database)
                return
            } catch {
                if try database.read(RunStoreSchema.migrator.hasCompletedMigrations) { return }
                failures += 1
                guard failures <= RunStoreSchema.version else { throw error }
            }
        }
    }

    /// `body`'s result in one read of the store, after the runs recorded and not yet written.
    func reading<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        try flush()
        do {
            return try database.read(body)
        } catch {
            throw RunStoreError.wrapping(error, file: file)
        }
    }

    /// `body`'s result in one read of what the store has committed, without waiting for the batch
    /// being written, nor writing those recorded: for the runner's look-ups and stored results,
    /// which never concern a run it has recorded (a plan holds each address once), so they need not
    /// wait for it.
    func lookingUp<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try lookUps.read(body)
        } catch {
            throw RunStoreError.wrapping(error, file: file)
        }
    }

    /// `body`'s result, its writes committed in one transaction (all or none).
    func writing<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw RunStoreError.wrapping(error, file: file)
        }
    }

    /// `body`'s result with the connection outside any transaction, for what SQLite forbids
    /// inside one (ATTACH).
    func writingWithoutTransaction<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try database.writeWithoutTransaction(body)
        } catch {
            throw RunStoreError.wrapping(error, file: file)
        }
    }
}
