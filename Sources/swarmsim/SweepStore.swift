import Foundation
import SwarmExperiment

extension RunStore {
    /// The store `db` opened for a sweep: each damaged run it finds is said on stderr, and the
    /// sweep simulates it again.
    static func forSweep(_ db: String) throws(RunStoreError) -> RunStore {
        try RunStore(file: db, onDamage: { damage in
            FileHandle.standardError.write(Data("warning: \(damage.description)\n".utf8))
        })
    }
}
