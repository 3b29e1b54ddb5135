import DequeModule

/// `planner-worker` (F6, F9): planners own the goal and write tasks (planning time per task) for the
/// workers they lead; workers take what they are given (no risk avoidance), work on their own copy
/// and rebase their own conflicts. Planners do not code. A planner's misalignment passes to every
/// task it writes, and its focus narrows with context age (tunnel vision: it keeps planning for the
/// area it is in). With a judge, every cycle ends in a fresh start: context ages reset, at a
/// restart cost.
///
/// Planners above the leaves plan for their sub-planners: each hands down batches of work for a
/// sub-planner's slice (planning time per batch, one task per worker below it, `BatchSupply`), and
/// a sub-planner writes tasks, or smaller batches, only out of a batch it holds; with none it
/// waits, blocked, and so does everyone waiting on it. So every level costs a hand-down's delay
/// and one more chance that its planner's misalignment turns the batch and all cut from it; the
/// leaf planner writing tasks from a misaligned batch catches the wrong direction only as far as
/// it understands each task.
struct PlannerWorkerTopology: Topology {
    private static let cycleTimer: Int32 = 0

    private struct PlannerState {
        let agent: AgentID
        let areas: [Int32]
        /// The planner this one reports to (index into `plannerStates`), or -1 for the root.
        let parent: Int
        /// Workers waiting for a task and sub-planners waiting for a batch from this planner,
        /// first come first served.
        var waiting = Deque<AgentID>()
        var busy = false
        /// The area the planner last planned for.
        var currentArea: Int
        /// What the planner may still write, handed down by its parent; nil for the root, which
        /// owns the whole goal.
        var supply: BatchSupply?
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
            plannerStates.append(PlannerState(
                agent: AgentID(index), areas: planner.areas, parent: planner.parent, currentArea: Int(planner.areas[0]),
                supply: planner.parent >= 0 ? BatchSupply(size: planner.workersBelow) : nil))
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
            world.schedule(a, .topology, after: world.planningHours(of: a), doing: .planning)
            return
        }
        plannerStates[planner].waiting.append(a)
        world.setActivity(a, .blocked)
        wake(planner, &world)
    }

    /// Planner `p` turns to its line, unless it is writing or restarting.
    private mutating func wake(_ p: Int, _ world: inout World) {
        if !plannerStates[p].busy && world.agents[plannerStates[p].agent].step == .none {
            planNext(p, &world)
        }
    }

    /// Sub-planner `p`, running low, joins its planner's line for the next batch.
    private mutating func askForBatchIfLow(_ p: Int, _ world: inout World) {
        guard plannerStates[p].supply?.wantsMore == true else { return }
        plannerStates[p].supply?.requested = true
        let parent = plannerStates[p].parent
        plannerStates[parent].waiting.append(plannerStates[p].agent)
        wake(parent, &world)
    }

    /// Planner `p` writes a task or a batch for the first in its line, if any, and if it holds
    /// work to write from; with none it waits for the batch it asked for.
    private mutating func planNext(_ p: Int, _ world: inout World) {
        askForBatchIfLow(p, &world)
        let agent = plannerStates[p].agent
        guard !plannerStates[p].waiting.isEmpty else {
            plannerStates[p].busy = false
            world.setActivity(agent, .idle)
            return
        }
        if world.restartIfPending(agent) { return }
        if plannerStates[p].supply?.available == 0 {
            plannerStates[p].busy = false
            world.setActivity(agent, .blocked)
            return
        }
        plannerStates[p].busy = true
        world.schedule(agent, .topology, after: world.planningHours(of: agent), doing: .planning)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        // The judge's one `.topology` step is judging; everyone else's is planning.
        guard a != judge else {
            world.setActivity(a, .idle)
            return
        }
        guard world.agents[a].role == .planner else {
            // A lone worker plans for itself, in a direction set afresh for every task.
            var direction: Bool?
            if let slot = world.writeOwnTask(by: a, direction: &direction) {
                world.assign(slot, to: a)
                world.beginAttempt(a)
            } else {
                world.setActivity(a, .idle)
            }
            return
        }
        let p = plannerIndexOf[a]
        if let next = plannerStates[p].waiting.first, world.agents[next].role == .planner {
            plannerStates[p].waiting.removeFirst()
            handDown(from: p, to: plannerIndexOf[next], &world)
        } else {
            writeTaskForNextWorker(p, &world)
        }
        planNext(p, &world)
    }

    /// Planner `p` writes a task for the worker first in its line, out of its batch, in a
    /// direction set afresh for every task; a misaligned batch may misdirect it too.
    private mutating func writeTaskForNextWorker(_ p: Int, _ world: inout World) {
        var direction: Bool?
        let agent = plannerStates[p].agent
        let areas = plannerStates[p].areas
        guard let slot = world.planTask(by: agent, areas: areas, currentArea: &plannerStates[p].currentArea, direction: &direction),
              let worker = plannerStates[p].waiting.popFirst()
        else {
            // This planner's slice of the goal is done: the workers in its line have nothing more
            // to do (sub-planners there still get their batches).
            for _ in 0..<plannerStates[p].waiting.count {
                let waiting = plannerStates[p].waiting.removeFirst()
                if world.agents[waiting].role == .planner {
                    plannerStates[p].waiting.append(waiting)
                } else {
                    world.setActivity(waiting, .idle)
                }
            }
            return
        }
        if plannerStates[p].supply?.nextMisaligned == true { world.followMisalignedBatch(slot, by: agent) }
        _ = plannerStates[p].supply?.take(upTo: 1)
        world.assign(slot, to: worker)
        world.beginAttempt(worker)
    }

    /// Planner `p` hands a batch down to sub-planner `c`: a full batch for `c`'s team, or what is
    /// left of `p`'s oldest batch, in that batch's direction unless `p`'s own misalignment turns it.
    private mutating func handDown(from p: Int, to c: Int, _ world: inout World) {
        guard let size = plannerStates[c].supply?.size else { return }
        let inherited = plannerStates[p].supply?.nextMisaligned ?? false
        let tasks = plannerStates[p].supply?.take(upTo: size) ?? size
        let misaligned = world.handDownMisaligned(by: plannerStates[p].agent, inheriting: inherited)
        plannerStates[c].supply?.receive(Batch(tasks: tasks, misaligned: misaligned))
        wake(c, &world)
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    /// Each sub-planner that asked for a batch waits for it exactly once, in its own planner's
    /// line, and each supply's books balance.
    func invariantViolations(_ world: World) -> [String] {
        var problems: [String] = []
        var inLine = Array(repeating: 0, count: plannerStates.count)
        for (p, state) in plannerStates.enumerated() {
            for agent in state.waiting where world.agents[agent].role == .planner {
                let child = plannerIndexOf[agent]
                if plannerStates[child].parent != p { problems.append("planner \(child) waits in the line of planner \(p), which does not lead it") }
                inLine[child] += 1
            }
            problems += state.supply?.invariantViolations().map { "planner \(p): \($0)" } ?? []
        }
        for (p, state) in plannerStates.enumerated() {
            let asked = state.supply?.requested == true ? 1 : 0
            if inLine[p] != asked { problems.append("planner \(p) asked for \(asked) batches but waits in line \(inLine[p]) times") }
        }
        return problems
    }

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
