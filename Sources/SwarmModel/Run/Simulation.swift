/// Runs one configured run of the model to completion and returns what it measured.
public enum Simulation {
    /// Simulates `config` from `seed` for `durationHours` (or until a finite goal is done),
    /// sampling every `sampleEveryHours`. Pure: the result depends on its arguments alone, never on
    /// the process, the thread or the wall clock.
    public static func run(_ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double) -> RunResult {
        do {
            return try run(config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours, within: .unlimited)
        } catch {
            preconditionFailure("a run without limits cannot stop early")
        }
    }

    /// `run`, within `limits`: the same result when the run ends normally, else why it stopped.
    public static func run(
        _ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double, within limits: RunLimits
    ) throws(RunStopped) -> RunResult {
        try config.topology.kind.visit(LimitedRunner(config: config, seed: seed, durationHours: durationHours,
                                                     sampleEveryHours: sampleEveryHours, limits: limits, tracing: false)).get().result
    }

    /// Simulates as `run` does, keeping the run's trace: every agent's activities and the shared
    /// machinery's levels over time (`swarmsim trace`). The result is `run`'s, to the bit.
    public static func trace(
        _ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double, within limits: RunLimits
    ) throws(RunStopped) -> (RunResult, RunTrace) {
        let (result, trace) = try config.topology.kind.visit(
            LimitedRunner(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours,
                          limits: limits, tracing: true)).get()
        return (result, trace!)
    }

    /// A run to its end or to its limits, for the topology the kind names, with its trace when `tracing`.
    private struct LimitedRunner: TopologyVisitor {
        let config: ModelConfig
        let seed: UInt64
        let durationHours: Double
        let sampleEveryHours: Double
        let limits: RunLimits
        let tracing: Bool

        func visit<T: Topology>(_: T.Type) -> Swift.Result<(result: RunResult, trace: RunTrace?), RunStopped> {
            var simulation = SwarmSimulation<T>(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours,
                                                tracing: tracing)
            do throws(RunStopped) {
                return .success((try simulation.runToEnd(within: limits), simulation.world.trace))
            } catch {
                return .failure(error)
            }
        }
    }
}
