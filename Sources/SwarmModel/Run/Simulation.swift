/// Runs one configured run of the model to completion and returns what it measured.
public enum Simulation {
    /// Simulates `config` from `seed` for `durationHours` (or until a finite goal is done),
    /// sampling every `sampleEveryHours`. Pure: the result depends on its arguments alone, never on
    /// the process, the thread or the wall clock.
    public static func run(_ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double) -> RunResult {
        config.topology.kind.visit(Runner(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours))
    }

    /// A run to its end, for the topology the kind names.
    private struct Runner: TopologyVisitor {
        let config: ModelConfig
        let seed: UInt64
        let durationHours: Double
        let sampleEveryHours: Double

        func visit<T: Topology>(_: T.Type) -> RunResult {
            var simulation = SwarmSimulation<T>(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours)
            return simulation.runToEnd()
        }
    }
}
