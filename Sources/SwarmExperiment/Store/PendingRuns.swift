import Foundation

/// The runs a `RunStore` has been given and not yet written (it writes them in batches), and the
/// `experiment_runs` rows its look-ups listed (`DeferredLinks`), written with them. The store is
/// shared between tasks (`Sendable`), so the lists are guarded by a lock.
final class PendingRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CompletedRun] = []
    private var links: [DeferredLinks.Link] = []
    private var given = 0
    /// When the oldest pending run was added (monotonic nanoseconds), nil with none pending.
    private var oldest: UInt64?

    /// Adds `run`; returns how many runs are pending now, how many were ever added and how long
    /// the oldest pending run has waited, in seconds of the monotonic clock (never the calendar).
    /// The clock decides only when a batch is written, never what any run or file holds.
    func append(_ run: CompletedRun) -> (pending: Int, given: Int, waited: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            runs.append(run)
            given += 1
            if oldest == nil { oldest = now }
            return (runs.count, given, Double(now - oldest!) * 1e-9)
        }
    }

    /// Adds `links`; returns how many links are pending now.
    func append(_ links: [DeferredLinks.Link]) -> Int {
        lock.withLock {
            self.links += links
            return self.links.count
        }
    }

    /// The pending runs and links, in the order given, leaving none.
    func takeAll() -> (runs: [CompletedRun], links: [DeferredLinks.Link]) {
        lock.withLock {
            defer {
                runs.removeAll()
                links.removeAll()
                oldest = nil
            }
            return (runs, links)
        }
    }
}
