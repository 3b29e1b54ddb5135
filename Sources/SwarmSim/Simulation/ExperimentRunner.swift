/// One finished run: its position in the plan, its spec and what it measured.
public struct CompletedRun: Sendable {
    /// 1-based position in the plan: the run_id column.
    public let id: Int
    public let spec: RunSpec
    public let result: RunResult
}

/// Receives finished runs in plan order: a results file, an aggregate, a progress line.
public protocol RunSink: AnyObject {
    func record(_ run: CompletedRun) throws
}

/// Results of runs already made (a run store): the runner takes a stored result instead of
/// simulating the run again, which makes sweeps resumable and idempotent.
public protocol RunCache: AnyObject {
    /// The stored result of `spec`, or nil when it has not been run.
    func storedResult(for spec: RunSpec) throws -> RunResult?
}

/// Runs RunSpecs and streams each result to sinks, in plan order, so that what the sinks write does
/// not depend on how the runs are scheduled and no run's samples outlive their writing.
public enum ExperimentRunner {
    /// Simulates every spec of `specs` in order and hands each result to every sink before the
    /// next run starts. A sink's error stops the experiment and is rethrown.
    public static func run<Specs: Collection<RunSpec>>(_ specs: Specs, into sinks: [any RunSink]) throws {
        for (offset, spec) in specs.enumerated() {
            let run = CompletedRun(id: offset + 1, spec: spec, result: Simulation.run(spec))
            for sink in sinks {
                try sink.record(run)
            }
        }
    }
}
