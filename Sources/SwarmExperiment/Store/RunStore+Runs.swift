import GRDB
import SwarmModel

extension RunStore {
    /// Saves `run` (its row, its model and its samples) in one transaction, unless a run with its
    /// address is stored already: recording twice, or a run taken from this store as a cache,
    /// changes nothing.
    public func record(_ run: CompletedRun) throws(RunStoreError) {
        let spec = run.spec
        let address = RunAddress(spec)
        guard let model = spec.model else { preconditionFailure("a run without its resolved model cannot be stored") }
        let modelDigest = model.digest
        let identity: [(any DatabaseValueConvertible)?] = [
            address.hex, spec.scenario, spec.variant, spec.config.topology.kind.rawValue, spec.config.agents.count, spec.point,
            spec.replicate + 1, String(spec.seed), SwarmSimVersion.build, spec.durationHours, spec.sampleEveryHours,
            modelDigest, RunAddress.parametersDocument(spec.parameters).compactText,
        ]
        try writing { db in
            guard try !RunStore.holds(address, db) else { return }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO models (digest, document) VALUES (?, ?)")
                .execute(arguments: [modelDigest, model.text])
            try db.cachedStatement(sql: RunStore.insertRunSQL).execute(arguments: StatementArguments(identity + run.result.summary))
            let insertSample = try db.cachedStatement(sql: RunStore.insertSampleSQL)
            for (index, sample) in run.result.samples.enumerated() {
                let key: [(any DatabaseValueConvertible)?] = [address.hex, index]
                try insertSample.execute(arguments: StatementArguments(key + sample))
            }
        }
    }

    /// The result stored at `spec`'s address, exactly as it was recorded; nil when there is none.
    /// Refuses a run whose samples are not numbered 0, 1, 2, ... (one was removed or renumbered),
    /// since its time series would come out silently shorter or reordered.
    public func storedResult(for spec: RunSpec) throws(RunStoreError) -> RunResult? {
        let address = RunAddress(spec)
        return try reading { db in
            let summaryRows = try Row.fetchAll(db.cachedStatement(sql: selectSummarySQL), arguments: [address.hex])
            guard let summary = summaryRows.first else { return nil }
            let samples = try Row.fetchAll(db.cachedStatement(sql: RunStore.selectSamplesSQL), arguments: [address.hex])
            let summaryValues = try RunStore.metrics(summary, table: "runs", row: "run \(address.hex.prefix(12))", in: file)
            let sampleValues = try samples.enumerated().map { position, sample in
                let row = "run \(address.hex.prefix(12)) sample \(position)"
                let index: DatabaseValue = sample["sample_index"]
                guard index.exactInteger == position else {
                    throw RunStoreError.damagedRow(file: file, table: "samples", row: row, column: "sample_index",
                                                   requirement: "\(position): a run's samples are numbered from 0 without gaps",
                                                   found: index.shown)
                }
                return try RunStore.metrics(sample, table: "samples", row: row, in: file, skipping: 1)
            }
            return RunResult(summary: summaryValues, samples: sampleValues)
        }
    }

    /// True when a run is stored at `address`.
    static func holds(_ address: RunAddress, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE address = ?)"), arguments: [address.hex])!
    }

    /// A row's values (after the first `skipping`) as metrics: a double, or nil for NULL. Anything
    /// else (text, a blob, an integer a double would round) was not written by swarmsim and is
    /// refused, with its column, rather than guessed at.
    private static func metrics(_ row: Row, table: String, row description: String, in file: String, skipping: Int = 0) throws -> [Double?] {
        try zip(row.columnNames, row.databaseValues).dropFirst(skipping).map { column, value in
            if value.isNull { return nil }
            guard let number = value.exactDouble else {
                throw RunStoreError.damagedRow(file: file, table: table, row: description, column: column,
                                               requirement: "a number a double holds exactly, or NULL when undefined", found: value.shown)
            }
            return number
        }
    }

    private static let identityColumns = [
        "address", "scenario", "variant", "topology", "agents", "point", "replicate", "seed", "swarmsim_version",
        "duration_hours", "sample_every_hours", "model", "parameters",
    ]
    private static let insertRunSQL = insertSQL(table: "runs", columns: identityColumns + RunResult.summaryColumns)
    private static let insertSampleSQL = insertSQL(table: "samples", columns: ["address", "sample_index"] + RunResult.sampleColumns)
    private static let selectSamplesSQL =
        "SELECT \(quoted(["sample_index"] + RunResult.sampleColumns)) FROM samples WHERE address = ? ORDER BY sample_index"

    private static func insertSQL(table: String, columns: [String]) -> String {
        "INSERT INTO \(table) (\(quoted(columns))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    }

    /// Column names, quoted and comma-separated.
    static func quoted(_ columns: [String]) -> String {
        columns.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
