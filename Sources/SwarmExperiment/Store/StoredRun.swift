import SwarmModel

/// What a run store holds at one address, once read and checked.
enum StoredRun {
    /// No run row.
    case missing
    /// The run, its values as recorded.
    case intact(RunResult)
    /// A run row whose values fail the check: why in a phrase, and the error export throws for it
    /// (the row's own, naming table and column, or `RunStoreError.damagedRun`).
    case damaged(String, RunStoreError)
}

extension RunStore {
    /// A stored run that failed its check during a sweep; the sweep simulates it again.
    public struct Damage: Sendable {
        /// The store, as given.
        public let file: String
        public let address: RunAddress
        /// The run the sweep wanted from that address.
        public let spec: RunSpec
        /// What is wrong, in a phrase.
        public let reason: String

        /// One line: the store, the run and why it is simulated again.
        public var description: String {
            "\(file): run \(address.hex.prefix(12)) (variant \(spec.variant), replicate \(spec.replicate + 1)) is damaged: \(reason); simulating it again"
        }
    }
}
