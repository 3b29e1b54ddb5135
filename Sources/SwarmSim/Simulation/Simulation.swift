/// Runs one RunSpec to completion and returns what it measured.
public enum Simulation {
    /// Simulates `spec`. Pure: the result depends on `spec` alone, never on the process, the
    /// thread or the wall clock.
    public static func run(_ spec: RunSpec) -> RunResult {
        switch spec.config.topology.kind {
        case .flatLock: return run(FlatLockTopology.self, spec)
        case .optimistic: return run(OptimisticTopology.self, spec)
        case .plannerWorker: return run(PlannerWorkerTopology.self, spec)
        case .integrator: return run(IntegratorTopology.self, spec)
        case .plannerExecutor: return run(PlannerExecutorTopology.self, spec)
        case .continuousExecutor: return run(ContinuousExecutorTopology.self, spec)
        }
    }

    private static func run<T: Topology>(_: T.Type, _ spec: RunSpec) -> RunResult {
        var simulation = SwarmSimulation<T>(spec: spec)
        return simulation.runToEnd()
    }
}
