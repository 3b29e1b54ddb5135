import GRDB
import SwarmModel

extension RunStore {
    /// Gives every run that has no checksum (the runs of a store migrated to schema 6, or copied by
    /// a merge from an older store) its sample count and checksum, computed from its stored values;
    /// a run whose rows cannot be read gets `RunChecksum.unreadable`, so it counts as damaged.
    static func computeMissingChecksums(_ db: Database) throws {
        let select = "SELECT \(quoted(RunResult.summaryColumns)) FROM runs WHERE address = ?"
        let update = try db.makeStatement(sql: "UPDATE runs SET \(sampleCountColumn) = ?, \(checksumColumn) = ? WHERE address = ?")
        for hex in try String.fetchAll(db, sql: "SELECT address FROM runs WHERE \(checksumColumn) IS NULL") {
            let address = RunAddress(hex: hex)
            guard let summary = try Row.fetchOne(db, sql: select, arguments: [hex]) else { continue }
            let samples = try Row.fetchAll(db.cachedStatement(sql: selectSamplesSQL), arguments: [hex])
            let result = try? RunStore.result(summary: summary, samples: samples, address: address, in: "")
            try update.execute(arguments: [samples.count, result.map(RunChecksum.hex) ?? RunChecksum.unreadable, hex])
        }
    }
}
