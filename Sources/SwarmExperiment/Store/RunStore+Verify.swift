import GRDB

extension RunStore {
    /// What `verify` found in a store.
    public struct Verification: Sendable {
        /// SQLite's integrity check's complaints about the file itself (empty when it says "ok").
        public let integrityProblems: [String]
        /// How many runs the store holds.
        public let runs: Int
        /// The runs that fail their check, by address, with what is wrong.
        public let damagedRuns: [(address: String, reason: String)]
        /// Addresses whose samples have no run row (the run row was removed).
        public let orphanedSampleAddresses: [String]
        /// False for a store older than schema 6 opened only to read: its runs were checked for
        /// readability but carry no checksums.
        public let checksummed: Bool

        /// True when nothing is wrong.
        public var isSound: Bool {
            integrityProblems.isEmpty && damagedRuns.isEmpty && orphanedSampleAddresses.isEmpty
        }
    }

    /// Checks the whole store: SQLite's `PRAGMA integrity_check` on the file, then every run as a
    /// sweep would read it (`StoredRun`: readable values, samples numbered without gaps, and from
    /// schema 6 on its sample count and checksum), then samples left without their run. Reads only.
    public func verify() throws(RunStoreError) -> Verification {
        try reading { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let addresses = try String.fetchAll(db, sql: "SELECT address FROM runs ORDER BY address")
            var damaged: [(address: String, reason: String)] = []
            for hex in addresses {
                if case .damaged(let reason, _) = try stored(at: RunAddress(hex: hex), db) { damaged.append((hex, reason)) }
            }
            let orphans = try String.fetchAll(db, sql: RunStore.orphanedSamplesSQL)
            return Verification(integrityProblems: integrity == ["ok"] ? [] : integrity, runs: addresses.count, damagedRuns: damaged,
                                orphanedSampleAddresses: orphans, checksummed: checksSums)
        }
    }

    /// What `repair` removed.
    public struct Repair: Sendable, Equatable {
        /// Runs that failed their check, dropped with their samples.
        public let droppedRuns: Int
        /// Addresses whose samples had no run row, their samples dropped.
        public let droppedOrphans: Int
    }

    /// Drops, in one transaction, every run that fails its check (with its samples) and every
    /// sample left without its run, so that the next sweep simulates those runs again and records
    /// them cleanly. The scenarios and the list of each experiment's runs stay: they say what to
    /// simulate. Damage to the file itself (`Verification.integrityProblems`) is not repaired here.
    public func repair() throws(RunStoreError) -> Repair {
        let found = try verify()
        return try writing { db in
            for (hex, _) in found.damagedRuns {
                try db.execute(sql: "DELETE FROM samples WHERE address = ?", arguments: [hex])
                try db.execute(sql: "DELETE FROM runs WHERE address = ?", arguments: [hex])
            }
            for hex in found.orphanedSampleAddresses {
                try db.execute(sql: "DELETE FROM samples WHERE address = ?", arguments: [hex])
            }
            return Repair(droppedRuns: found.damagedRuns.count, droppedOrphans: found.orphanedSampleAddresses.count)
        }
    }

    private static let orphanedSamplesSQL =
        "SELECT DISTINCT address FROM samples WHERE NOT EXISTS (SELECT 1 FROM runs WHERE runs.address = samples.address) ORDER BY address"
}
