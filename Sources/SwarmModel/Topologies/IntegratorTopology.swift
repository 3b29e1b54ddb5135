/// `integrator` (F7): planner-worker, except that workers do not land their own changes. Every
/// change queues (first come, first served) for one of k integrators, who reviews it (longer the
/// more it conflicts with main), sends broken changes it catches back to the backlog, and merges
/// the rest. Workers hand off and move on, so the integrators' service rate caps throughput.
struct IntegratorTopology: Topology {
    private var inner: PlannerWorkerTopology
    private var queue = ReviewQueue()
    /// The change each integrator is reviewing (indexed by integrator number).
    private var reviewing: [HandedOverChange?]
    private let firstIntegrator: Int

    /// Integrators in a run of `config`: at least one agent is left for the planner-worker side.
    private static func integratorCount(_ config: ModelConfig) -> Int {
        min(config.topology.integrators, max(config.agents.count - 1, 0))
    }

    static func roles(for config: ModelConfig) -> [Role] {
        let integrators = integratorCount(config)
        let others = config.agents.count - integrators
        return PlannerWorkerTopology.roles(for: config, agents: others) + Array(repeating: .integrator, count: integrators)
    }

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        let integrators = Self.integratorCount(world.config)
        firstIntegrator = world.agents.count - integrators
        inner = PlannerWorkerTopology(world: &world, agents: firstIntegrator)
        reviewing = Array(repeating: nil, count: integrators)
    }

    var planners: Int { inner.planners }
    var depth: Int { inner.depth }
    var integratorQueueLength: Int { queue.count }
    /// The integrators there are: fewer than configured when the run has too few agents.
    var reviewers: Int? { reviewing.count }
    var heldTasks: [Int32] { queue.tasks + reviewing.compactMap { $0?.task } }

    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        if a.index >= firstIntegrator {
            reviewNext(a, &world)
        } else {
            inner.agentReady(a, &world)
        }
    }

    /// A worker hands its change over and goes back for more work (with no integrator at all,
    /// the worker lands it itself).
    mutating func submit(_ a: AgentID, _ world: inout World) -> Bool {
        guard !reviewing.isEmpty else { return false }
        queue.append(from: a, &world)
        for (number, change) in reviewing.enumerated() where change == nil && world.agents[firstIntegrator + number].step == .none {
            reviewNext(AgentID(firstIntegrator + number), &world)
            break
        }
        inner.landed(a, &world)
        return true
    }

    /// Integrator `a` takes the next change in line, if any.
    private mutating func reviewNext(_ a: AgentID, _ world: inout World) {
        guard let change = queue.popFirst(&world) else {
            world.setActivity(a, .idle)
            return
        }
        reviewing[a.index - firstIntegrator] = change
        world.beginReview(change, by: a)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        guard a.index >= firstIntegrator, let change = reviewing[a.index - firstIntegrator] else {
            inner.stepEnded(a, &world)
            return
        }
        reviewing[a.index - firstIntegrator] = nil
        world.endReview(change, by: a)
        reviewNext(a, &world)
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    mutating func landed(_ a: AgentID, _ world: inout World) {
        inner.landed(a, &world)
    }

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        inner.abandoned(a, &world)
    }

    mutating func timer(_ id: Int32, _ world: inout World) {
        inner.timer(id, &world)
    }

    func invariantViolations(_ world: World) -> [String] {
        inner.invariantViolations(world)
    }
}
