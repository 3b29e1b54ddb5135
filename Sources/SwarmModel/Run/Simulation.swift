import SwarmKernel

/// Runs one configured run of the model to completion and returns what it measured.
public enum Simulation {
    /// Simulates `config` from `seed` for `durationHours` (or until a finite goal is done),
    /// sampling every `sampleEveryHours`. Pure: the result depends on its arguments alone, never on
    /// the process, the thread or the wall clock.
    public static func run(_ config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double) -> RunResult {
        switch config.topology.kind {
        case .flatLock: return run(FlatLockTopology.self, config, seed, durationHours, sampleEveryHours)
        case .optimistic: return run(OptimisticTopology.self, config, seed, durationHours, sampleEveryHours)
        case .plannerWorker: return run(PlannerWorkerTopology.self, config, seed, durationHours, sampleEveryHours)
        case .integrator: return run(IntegratorTopology.self, config, seed, durationHours, sampleEveryHours)
        case .plannerExecutor: return run(PlannerExecutorTopology.self, config, seed, durationHours, sampleEveryHours)
        case .continuousExecutor: return run(ContinuousExecutorTopology.self, config, seed, durationHours, sampleEveryHours)
        }
    }

    private static func run<T: Topology>(
        _: T.Type, _ config: ModelConfig, _ seed: UInt64, _ durationHours: Double, _ sampleEveryHours: Double
    ) -> RunResult {
        var simulation = SwarmSimulation<T>(config: config, seed: seed, durationHours: durationHours, sampleEveryHours: sampleEveryHours)
        return simulation.runToEnd()
    }
}
