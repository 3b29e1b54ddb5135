/// Thrown by `ExperimentRunner` when its task is cancelled (the CLI cancels it on SIGINT or SIGTERM)
/// before every run reached the sinks. The first `finished` runs, in plan order, were recorded by
/// every sink and no later one was, so a sink that keeps runs (a run store) lets a rerun finish the
/// rest.
public struct ExperimentInterrupted: Error, CustomStringConvertible {
    /// Runs every sink recorded.
    public let finished: Int
    /// Runs the experiment was asked for.
    public let total: Int

    /// An interruption after `finished` of `total` runs.
    public init(finished: Int, total: Int) {
        self.finished = finished
        self.total = total
    }

    public var description: String { "interrupted after \(finished) of \(total) runs" }
}
