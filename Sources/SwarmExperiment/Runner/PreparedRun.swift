/// What a sink will do with a run, done ahead in the run's own simulation task: the CSV lines of a
/// `ResultsWriter` and the encoded rows of a `RunStore`. The runner hands runs to its sinks one at
/// a time, for every job, so whatever a sink computes per run is serial work that bounds how far
/// a sweep can scale (Amdahl's law); computed in the jobs, in parallel, it leaves the coordinator
/// little more than appending bytes and executing inserts.
public struct RunPreparation: OptionSet, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// runs.csv's and timeseries.csv's lines (`ResultsWriter.Rows`).
    public static let csvRows = RunPreparation(rawValue: 1 << 0)
    /// The run store's rows with the run's checksum (`RunStore.Rows`).
    public static let storeRows = RunPreparation(rawValue: 1 << 1)
}

/// A run's sink work done ahead (`RunPreparation`); a sink uses what it finds and computes what is
/// missing, so a run delivered without it (taken from a cache, built by a test) is handled the same.
struct PreparedRun: Sendable {
    var csv: ResultsWriter.Rows?
    var store: RunStore.Rows?
}

extension CompletedRun {
    /// This run with `preparation` done on it; meant for the run's simulation task.
    public func preparing(_ preparation: RunPreparation) -> CompletedRun {
        var run = self
        if preparation.contains(.csvRows) { run.prepared.csv = ResultsWriter.Rows(self) }
        if preparation.contains(.storeRows) { run.prepared.store = RunStore.Rows(self) }
        return run
    }
}
