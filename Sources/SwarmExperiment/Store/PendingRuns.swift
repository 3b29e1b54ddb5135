import Foundation

/// The runs a `RunStore` has been given and not yet written (it writes them in batches). The
/// store is shared between tasks (`Sendable`), so the list is guarded by a lock.
final class PendingRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CompletedRun] = []
    private var given = 0
    /// When the oldest pending run was added (monotonic nanoseconds), nil with none pending.
    private var oldest: UInt64?

    /// Adds `run`; returns how many runs are pending now, how many were ever added and how long
    /// the oldest pending run has waited, in seconds of the monotonic clock (never the calendar).
    func append(_ run: CompletedRun) -> (pending: Int, given: Int, waited: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            runs.append(run)
            given += 1
            if oldest == nil { oldest = now }
            return (runs.count, given, Double(now - oldest!) * 1e-9)
        }
    }

    /// The pending runs, in the order given, leaving none.
    func takeAll() -> [CompletedRun] {
        lock.withLock {
            defer {
                runs.removeAll()
                oldest = nil
            }
            return runs
        }
    }

    /// True when no run is pending.
    var isEmpty: Bool {
        lock.withLock { runs.isEmpty }
    }
}
