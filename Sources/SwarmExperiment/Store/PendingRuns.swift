import Foundation

/// The runs a `RunStore` has been given and not yet written (it writes them in batches). The
/// store is shared between tasks (`Sendable`), so the list is guarded by a lock.
final class PendingRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CompletedRun] = []

    /// Adds `run`; returns how many runs are pending now.
    func append(_ run: CompletedRun) -> Int {
        lock.withLock {
            runs.append(run)
            return runs.count
        }
    }

    /// The pending runs, in the order given, leaving none.
    func takeAll() -> [CompletedRun] {
        lock.withLock {
            defer { runs.removeAll() }
            return runs
        }
    }

    /// True when no run is pending.
    var isEmpty: Bool {
        lock.withLock { runs.isEmpty }
    }
}
