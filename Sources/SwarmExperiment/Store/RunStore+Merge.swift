import Foundation
import GRDB

extension RunStore {
    /// What a merge added to the store.
    public struct MergeCount: Sendable, Equatable {
        /// Scenarios (plans) the store did not hold.
        public let scenarios: Int
        /// Runs the store did not hold, each with its samples.
        public let runs: Int
    }

    /// Copies into this store every scenario, model, run and sample of the store at `source` that
    /// it lacks, in one transaction, leaving `source` unchanged. Runs are content-addressed, so a run
    /// held by both is one run and is kept once: merging stores in any order, any number of times,
    /// gives the same store.
    ///
    /// Scenarios are copied as `scenarios()` reads them, so those of a schema 2 source arrive in
    /// this store's form, under the addresses this store gives them; the other tables are copied
    /// row for row, a metric column the source's schema lacks (schema 4's) as `RunStoreSchema.derivation`,
    /// and the checksums a source older than schema 6 lacks computed from the copied values.
    public func merge(from source: String) throws(RunStoreError) -> MergeCount {
        let scenarios = try RunStore(file: source, access: .readOnly).scenarios()  // a store swarmsim reads, or a clear error
        guard !RunStore.sameFile(file, source) else { throw .mergeIntoItself(file: file) }
        return try writingWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            do {
                var added = MergeCount(scenarios: 0, runs: 0)
                try db.inTransaction(.immediate) {
                    var scenariosAdded = 0
                    for scenario in scenarios {
                        if try RunStore.insert(scenario, db) { scenariosAdded += 1 }
                    }
                    // Parents before children, for the foreign keys; experiment_runs when the source
                    // has it (schema 5).
                    var runsAdded = 0
                    let tables = try db.tableExists("experiment_runs", in: "source") ? ["models", "runs", "samples", "experiment_runs"] : ["models", "runs", "samples"]
                    for table in tables {
                        let columns = try db.columns(in: table, in: "main").map(\.name)
                        let present = Set(try db.columns(in: table, in: "source").map(\.name))
                        try db.execute(sql: """
                            INSERT OR IGNORE INTO main.\(table) (\(RunStore.quoted(columns))) \
                            SELECT \(RunStoreSchema.selection(columns, present: present)) FROM source.\(table)
                            """)
                        if table == "runs" { runsAdded = db.changesCount }
                    }
                    try RunStore.computeMissingChecksums(db)  // the runs of a source older than schema 6
                    added = MergeCount(scenarios: scenariosAdded, runs: runsAdded)
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE source")
                return added
            } catch {
                try? db.execute(sql: "DETACH DATABASE source")  // the copy's error is the one to report
                throw error
            }
        }
    }

    /// True when the paths `a` and `b` name one file (after symbolic links).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        let resolve = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        return resolve(a) == resolve(b)
    }
}
