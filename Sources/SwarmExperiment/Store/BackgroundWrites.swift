import Foundation

/// The state of a `RunStore`'s writes of batches in the background: SQLite takes one writer at a
/// time, so a sweep's inserts are serial work, and done on the coordinator they would add to its
/// own serial work (look-ups, CSV lines) and bound how far a sweep scales (Amdahl's law). Written on
/// the database's own queue instead, a batch's inserts overlap with the coordinator gathering the
/// next batch. One batch is written at a time: the coordinator waits for it before handing over
/// the next, so at most two batches are unwritten, and memory stays bounded.
final class BackgroundWrites: @unchecked Sendable {
    private let lock = NSLock()
    /// Signalled when no batch is being written.
    private let idle = DispatchSemaphore(value: 1)
    private var failure: RunStoreError?
    private var cpuSeconds = 0.0

    /// Waits until no batch is being written; throws the error a background write met, once.
    func waitUntilIdle() throws(RunStoreError) {
        idle.wait()
        idle.signal()
        if let failure = takeFailure() { throw failure }
    }

    /// Marks a batch as being written; balanced by `finished`. Waits for the batch before it.
    func begin() throws(RunStoreError) {
        idle.wait()
        if let failure = takeFailure() {
            idle.signal()
            throw failure
        }
    }

    /// Ends the batch `begin` started, with the error it met if any and the CPU time it took on
    /// its thread.
    func finished(failure: RunStoreError?, cpuSeconds seconds: Double) {
        lock.withLock {
            if failure != nil, self.failure == nil { self.failure = failure }
            cpuSeconds += seconds
        }
        idle.signal()
    }

    /// CPU seconds the batches written so far took, on the thread writing them.
    var writerCPUSeconds: Double {
        lock.withLock { cpuSeconds }
    }

    private func takeFailure() -> RunStoreError? {
        lock.withLock {
            defer { failure = nil }
            return failure
        }
    }
}
