import DequeModule

/// `integrator` (F7): planner-worker, except that workers do not land their own changes. Every
/// change queues (first come, first served) for one of k integrators, who reviews it (longer the
/// more it conflicts with main), sends broken changes it catches back to the backlog, and merges
/// the rest. Workers hand off and move on, so the integrators' service rate caps throughput.
struct IntegratorTopology: Topology {
    private struct Change {
        let task: Int32
        let correct: Bool
        let misaligned: Bool
        let baseCommit: Int
        let submittedAt: Double
    }

    private var inner: PlannerWorkerTopology
    private var queue = Deque<Change>()
    /// The change each integrator is reviewing (indexed by integrator number).
    private var reviewing: [Change?]
    private let firstIntegrator: Int
    /// When the queue length last changed (for its time average).
    private var queueSince = 0.0

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

    mutating func agentReady(_ a: Int32, _ world: inout World) {
        if Int(a) >= firstIntegrator {
            reviewNext(a, &world)
        } else {
            inner.agentReady(a, &world)
        }
    }

    /// A worker hands its change over and goes back for more work (with no integrator at all,
    /// the worker lands it itself).
    mutating func submit(_ a: Int32, _ world: inout World) -> Bool {
        guard !reviewing.isEmpty else { return false }
        let agent = world.agents[Int(a)]
        noteQueueChange(&world)
        queue.append(Change(task: agent.task, correct: agent.attemptCorrect, misaligned: agent.attemptMisaligned,
                            baseCommit: agent.baseCommit, submittedAt: world.now))
        world.agents[Int(a)].task = -1  // the change, not the worker, now holds the task
        for (number, change) in reviewing.enumerated() where change == nil && world.agents[firstIntegrator + number].step == .none {
            reviewNext(Int32(firstIntegrator + number), &world)
            break
        }
        inner.landed(a, &world)
        return true
    }

    /// Integrator `a` takes the next change in line, if any.
    private mutating func reviewNext(_ a: Int32, _ world: inout World) {
        guard let change = queue.first else {
            world.setActivity(a, .idle)
            return
        }
        noteQueueChange(&world)
        queue.removeFirst()
        reviewing[Int(a) - firstIntegrator] = change
        let conflicts = world.codebase.changedSince(change.baseCommit, world.backlog.files(of: change.task))
        world.counters.conflicts += conflicts
        world.counters.integratorWaitTotal += world.now - change.submittedAt
        let hours = world.draw(a, world.config.topology.reviewHours) + Double(conflicts) * world.config.topology.reviewHoursPerConflict
        world.counters.reviewHours += hours
        world.schedule(a, .topology, after: hours, doing: .coordinating)
    }

    mutating func stepEnded(_ a: Int32, _ world: inout World) {
        guard Int(a) >= firstIntegrator, let change = reviewing[Int(a) - firstIntegrator] else {
            inner.stepEnded(a, &world)
            return
        }
        reviewing[Int(a) - firstIntegrator] = nil
        world.counters.reviews += 1
        if !change.correct && world.chance(a, world.config.commits.gateDetection) {
            world.backlog.giveBack(change.task)
        } else {
            world.land(task: change.task, correct: change.correct, misaligned: change.misaligned)
        }
        world.releaseTask(change.task)
        reviewNext(a, &world)
    }

    private mutating func noteQueueChange(_ world: inout World) {
        world.counters.integratorQueueArea += Double(queue.count) * (world.now - queueSince)
        queueSince = world.now
    }

    mutating func lockGranted(_ a: Int32, _ world: inout World) {}

    mutating func landed(_ a: Int32, _ world: inout World) {
        inner.landed(a, &world)
    }

    mutating func abandoned(_ a: Int32, _ world: inout World) {
        inner.abandoned(a, &world)
    }

    mutating func timer(_ id: Int32, _ world: inout World) {
        inner.timer(id, &world)
    }
}
