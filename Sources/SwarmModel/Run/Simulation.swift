/// Runs one configured run of the model to completion and returns what it measured.
public enum Simulation {
    /// Simulates `config` from `seed` for `durationHours` (or until a finite goal is done),
    /// sampling every `sampleEveryHours`. Pure: the result depends on its arguments alone, never on
    /// the process, the thread or the wall clock.
    public static func run(_ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double) -> RunResult {
        config.topology.kind.visit(Runner(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours,
                                          tracing: false)).result
    }

    /// Simulates as `run` does, keeping the run's trace: every agent's activities and the shared
    /// machinery's levels over time (`swarmsim trace`). The result is `run`'s, to the bit.
    public static func trace(_ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double) -> (RunResult, RunTrace) {
        let (result, trace) = config.topology.kind.visit(
            Runner(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours, tracing: true))
        return (result, trace!)
    }

    /// A run to its end, for the topology the kind names, with its trace when `tracing`.
    private struct Runner: TopologyVisitor {
        let config: ModelConfig
        let seed: UInt64
        let durationHours: Double
        let sampleEveryHours: Double
        let tracing: Bool

        func visit<T: Topology>(_: T.Type) -> (result: RunResult, trace: RunTrace?) {
            var simulation = SwarmSimulation<T>(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours,
                                                tracing: tracing)
            return (simulation.runToEnd(), simulation.world.trace)
        }
    }
}
