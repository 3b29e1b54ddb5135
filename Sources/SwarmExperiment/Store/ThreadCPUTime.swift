import Foundation

/// The CPU time of the calling thread: what the store's writer and the sweep bench count, so
/// that other threads and processes on the machine do not.
public enum ThreadCPUTime {
    /// The calling thread's CPU time so far, in seconds.
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
