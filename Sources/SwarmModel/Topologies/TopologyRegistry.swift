/// The topologies a scenario can name (`topology.kind`), each with its name in scenario files.
///
/// This file is where a new topology is registered: a case here with its kind name, and its type in
/// `visit` below. Everything else (decoding the name, the schema's list of kinds, simulation,
/// the invariant checks in the tests) goes through these two.
public enum TopologyKind: String, Sendable, CaseIterable {
    case flatLock = "flat-lock"
    case optimistic
    case plannerWorker = "planner-worker"
    case integrator
    case plannerExecutor = "planner-executor"
    case continuousExecutor = "continuous-executor"

    /// Calls `visitor` with this kind's topology type, so that generic code (a run, a test that
    /// steps one) is specialised for it: no existential in the event loop.
    func visit<Visitor: TopologyVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch self {
        case .flatLock: visitor.visit(FlatLockTopology.self)
        case .optimistic: visitor.visit(OptimisticTopology.self)
        case .plannerWorker: visitor.visit(PlannerWorkerTopology.self)
        case .integrator: visitor.visit(IntegratorTopology.self)
        case .plannerExecutor: visitor.visit(PlannerExecutorTopology.self)
        case .continuousExecutor: visitor.visit(ContinuousExecutorTopology.self)
        }
    }
}

/// Generic code to run for whichever topology a kind names (Swift has no generic closures).
protocol TopologyVisitor {
    associatedtype Result
    func visit<T: Topology>(_ topology: T.Type) -> Result
}
