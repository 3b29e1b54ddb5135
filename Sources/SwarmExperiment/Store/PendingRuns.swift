import Foundation

/// The runs a `RunStore` has been given and not yet written (it writes them in batches). The
/// store is shared between tasks (`Sendable`), so the list is guarded by a lock.
final class PendingRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CompletedRun] = []
    private var given = 0

    /// Adds `run`; returns how many runs are pending now and how many were ever added.
    func append(_ run: CompletedRun) -> (pending: Int, given: Int) {
        lock.withLock {
            runs.append(run)
            given += 1
            return (runs.count, given)
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
