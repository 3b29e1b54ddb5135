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
        let outcome = config.topology.kind.visit(LimitedRunner(config: config, seed: seed, durationHours: durationHours,
                                                               sampleEveryHours: sampleEveryHours, limits: limits))
        return try outcome.get()
    }

    /// A run to its end or to its limits, for the topology the kind names.
    private struct LimitedRunner: TopologyVisitor {
        let config: ModelConfig
        let seed: UInt64
        let durationHours: Double
        let sampleEveryHours: Double
        let limits: RunLimits

        func visit<T: Topology>(_: T.Type) -> Swift.Result<RunResult, RunStopped> {
            var simulation = SwarmSimulation<T>(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours)
            do throws(RunStopped) {
                return .success(try simulation.runToEnd(within: limits))
            } catch {
                return .failure(error)
            }
        }
    }
}
