import DequeModule

/// `planner-worker` (F6, F9): planners own the goal and write tasks (planning time per task) for the
/// workers they lead; workers take what they are given (no risk avoidance), work on their own copy
/// and rebase their own conflicts. Planners do not code. A planner's misalignment passes to every
/// task it writes, and its focus narrows with context age (tunnel vision: it keeps planning for the
/// area it is in). With a judge, every cycle ends in a fresh start: context ages reset, at a
/// restart cost.
struct PlannerWorkerTopology: Topology {
    private static let cycleTimer: Int32 = 0

    private struct PlannerState {
        let agent: AgentID
        let areas: [Int32]
        /// Workers waiting for a task from this planner, first come first served.
        var waiting = Deque<AgentID>()
        var busy = false
        /// The area the planner last planned for.
        var currentArea: Int
    }

    private let hierarchy: PlannerHierarchy
    private var plannerStates: [PlannerState] = []
    /// Each agent's planner (index into `plannerStates`); -1 for a worker planning for itself,
    /// and for agents that are not workers.
    private var plannerOf: [Int]
    /// Each planner agent's index into `plannerStates`, or -1.
    private var plannerIndexOf: [Int]
    private let judge: AgentID?

    /// Whether a run of `agents` agents has a judge (it needs at least a planner and a worker beside it).
    static func hasJudge(_ config: ModelConfig, agents: Int) -> Bool {
        config.topology.judge.enabled && agents >= 3
    }

    /// Roles of the first `agents` agents: the hierarchy, then the judge if there is one.
    static func roles(for config: ModelConfig, agents: Int) -> [Role] {
        let judge = hasJudge(config, agents: agents)
        let hierarchy = PlannerHierarchy(agents: agents - (judge ? 1 : 0), topology: config.topology, areas: config.codebase.areas)
        return hierarchy.roles + (judge ? [.judge] : [])
    }

    static func roles(for config: ModelConfig) -> [Role] {
        roles(for: config, agents: config.agents.count)
    }

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        self.init(world: &world, agents: world.agents.count)
    }

    /// A planner-worker organisation of the first `agents` agents of `world`.
    init(world: inout World, agents: Int) {
        let config = world.config
        let judged = Self.hasJudge(config, agents: agents)
        hierarchy = PlannerHierarchy(agents: agents - (judged ? 1 : 0), topology: config.topology, areas: config.codebase.areas)
        judge = judged ? AgentID(agents - 1) : nil
        plannerOf = Array(repeating: -1, count: world.agents.count)
        plannerIndexOf = Array(repeating: -1, count: world.agents.count)
        for (index, planner) in hierarchy.planners.enumerated() {
            plannerStates.append(PlannerState(agent: AgentID(index), areas: planner.areas, currentArea: Int(planner.areas[0])))
            plannerIndexOf[index] = index
        }
        for (offset, planner) in hierarchy.workerPlanner.enumerated() {
            plannerOf[hierarchy.planners.count + offset] = planner
        }
        if judged {
            world.events.schedule(.topologyTimer(Self.cycleTimer), after: config.topology.judge.cycleHours)
        }
    }

    var planners: Int { hierarchy.planners.count }
    var depth: Int { hierarchy.depth }

    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        if world.restartIfPending(a) { return }
        switch world.agents[a].role {
        case .planner:
            planNext(plannerIndexOf[a], &world)
        case .worker:
            requestTask(a, &world)
        case .peer, .judge, .integrator:
            world.setActivity(a, .idle)
        }
    }

    /// Worker `a` asks its planner for a task (or plans one itself when it has no planner).
    private mutating func requestTask(_ a: AgentID, _ world: inout World) {
        let planner = plannerOf[a]
        guard planner >= 0 else {
            world.schedule(a, .topology, after: world.planningHours(of: a), doing: .coordinating)
            return
        }
        plannerStates[planner].waiting.append(a)
        world.setActivity(a, .blocked)
        if !plannerStates[planner].busy && world.agents[plannerStates[planner].agent].step == .none {
            planNext(planner, &world)
        }
    }

    /// Planner `p` writes a task for the first worker waiting, if any.
    private mutating func planNext(_ p: Int, _ world: inout World) {
        let agent = plannerStates[p].agent
        guard !plannerStates[p].waiting.isEmpty else {
            plannerStates[p].busy = false
            world.setActivity(agent, .idle)
            return
        }
        if world.restartIfPending(agent) { return }
        plannerStates[p].busy = true
        world.schedule(agent, .topology, after: world.planningHours(of: agent), doing: .coordinating)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        // The judge's one `.topology` step is judging; everyone else's is planning.
        guard a != judge else {
            world.setActivity(a, .idle)
            return
        }
        // A planner-worker planner sets its direction afresh for every task it writes.
        var direction: Bool?
        guard world.agents[a].role == .planner else {
            // A lone worker plans for itself.
            if let slot = world.writeOwnTask(by: a, direction: &direction) {
                world.assign(slot, to: a)
                world.beginAttempt(a)
            } else {
                world.setActivity(a, .idle)
            }
            return
        }
        let p = plannerIndexOf[a]
        let areas = plannerStates[p].areas
        guard let slot = world.planTask(by: a, areas: areas, currentArea: &plannerStates[p].currentArea, direction: &direction),
              let worker = plannerStates[p].waiting.popFirst()
        else {
            // This planner's slice of the goal is done: its workers have nothing more to do.
            while let worker = plannerStates[p].waiting.popFirst() { world.setActivity(worker, .idle) }
            plannerStates[p].busy = false
            world.setActivity(a, .idle)
            return
        }
        world.assign(slot, to: worker)
        world.beginAttempt(worker)
        planNext(p, &world)
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    mutating func landed(_ a: AgentID, _ world: inout World) {
        agentReady(a, &world)
    }

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        world.backlog.giveBack(world.agents[a].task)
        world.dropTask(a)
        agentReady(a, &world)
    }

    /// The judge's cycle ends (F9): it decides to go on, and the next cycle starts fresh. Every
    /// agent's context is reset; each pays the restart time at its next free moment.
    mutating func timer(_ id: Int32, _ world: inout World) {
        guard let judge else { return }
        world.counters.cycles += 1
        world.freshStart(except: judge)
        world.schedule(judge, .topology, after: world.config.topology.judge.restartHours, doing: .coordinating)
        world.events.schedule(.topologyTimer(Self.cycleTimer), after: world.config.topology.judge.cycleHours)
    }
}
