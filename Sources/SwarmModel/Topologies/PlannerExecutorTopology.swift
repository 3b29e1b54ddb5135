/// `planner-executor` (F4): one planner drives the swarm in synchronous waves of plan, execute and
/// judge, so a wave runs as slow as its slowest executor and a wrong direction lasts the wave.
///
/// - Roles: agent 0 is the planner (it does not code), the last agent the judge (when
///   `topology.judge.enabled` and there are at least three agents, as in planner-worker), the rest
///   executors, who draw their traits from `roles.worker`. There are no sub-planners. A lone agent
///   plans its own one-task waves, as planner-worker's lone worker does.
/// - Plan: at the start of a wave the planner writes one task per executor, one after another
///   (`topology.planning_hours` each, with planner-worker's tunnel vision over every area); an
///   executor starts as soon as its task is written and waits for it meanwhile (`blocked`, as a
///   planner-worker worker waits for its planner). When the goal has nothing left to hand out, the
///   executors not yet served get nothing this wave.
/// - Execute: each executor works its task through the shared mechanics (attempt, self-check and
///   rework, build slots, rebase, commit policy), exactly as a planner-worker worker does, and lands
///   it; then it waits, `idle`, until every executor of the wave is done. An executor that gives
///   up (early stop) is done for the wave: its task goes back to the backlog when the wave ends, to
///   be planned again (first in its area) in a later wave.
/// - Judge: when the last executor is done, the judge reviews the wave for
///   `topology.judge.restart_hours` (everyone else idle), counting one cycle per wave. Once the
///   context has aged `topology.judge.cycle_hours` since the last fresh start, the judge's decision
///   is a fresh start (planner-worker's: every agent but the judge resets its context and pays the
///   restart time); the next wave begins, with a fresh plan, once the planner is back. Context ages
///   are reset at wave boundaries only. Without a judge the next wave begins at once.
/// - Direction (F4, F9): the planner sets the wave's direction when it writes the wave's first task:
///   with its misalignment probability at its context age, the whole wave goes the wrong way. Every
///   task of the wave inherits that direction (a task carried over from an earlier wave is planned
///   anew, in this wave's direction), so a wrong direction persists until the next wave.
///
/// With one executor and no judge this is planner-worker with two agents, step for step.
struct PlannerExecutorTopology: Topology {
    /// The planner: agent 0 (a lone agent is its own planner and executor).
    private let planner = AgentID(0)
    /// Executors are agents `firstExecutor ..< firstExecutor + executorCount`.
    private let firstExecutor: Int
    private let executorCount: Int
    private let judge: AgentID?
    /// Every area: the planner owns the whole goal.
    private let areas: [Int32]
    /// The area the planner last planned for.
    private var currentArea = 0
    /// Waves begun so far: the current wave's number, from 1.
    private(set) var wave = 0
    /// Executors served in this wave, in agent order (given a task, or nothing when the goal had
    /// none left to hand out).
    private(set) var served = 0
    /// Tasks written in this wave.
    private(set) var written = 0
    /// Executors of this wave still working their task.
    private var working = 0
    /// The wave's direction (true: misaligned); nil until its first task is written.
    private(set) var direction: Bool?
    /// Tasks given up in this wave: they go back to the backlog when it ends.
    private var returning: [Int32] = []
    /// When the agents last started fresh (the run's start at first).
    private var lastFreshStart = 0.0

    static func roles(for config: ModelConfig) -> [Role] {
        let agents = config.agents.count
        guard agents >= 2 else { return [.worker] }
        let judged = PlannerWorkerTopology.hasJudge(config, agents: agents)
        return [.planner] + Array(repeating: .worker, count: agents - 1 - (judged ? 1 : 0)) + (judged ? [.judge] : [])
    }

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        let agents = world.agents.count
        let judged = PlannerWorkerTopology.hasJudge(world.config, agents: agents)
        firstExecutor = agents >= 2 ? 1 : 0
        executorCount = agents - firstExecutor - (judged ? 1 : 0)
        judge = judged ? AgentID(agents - 1) : nil
        areas = (0..<world.config.codebase.areas).map(Int32.init)
        returning.reserveCapacity(executorCount)
    }

    /// One planner on one level (none for a lone agent, as in planner-worker).
    var planners: Int { firstExecutor }
    var depth: Int { firstExecutor }

    /// Whether agent `a` is an executor (the lone agent is).
    private func isExecutor(_ a: AgentID) -> Bool {
        a.index >= firstExecutor && a.index < firstExecutor + executorCount
    }

    /// Called when the run starts and when an agent is back from a fresh start.
    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        if world.restartIfPending(a) { return }
        if a == planner {
            beginWave(&world)
        } else if !isExecutor(a) {
            world.setActivity(a, .idle)  // the judge, between waves
        } else if world.agents[a].task >= 0 {
            world.beginAttempt(a)  // its task was written while it was restarting
        } else {
            // Done with this wave, or waiting for its task.
            world.setActivity(a, a.index - firstExecutor < served ? .idle : .blocked)
        }
    }

    /// A new wave: a fresh plan, every free executor waiting for its task.
    private mutating func beginWave(_ world: inout World) {
        wave += 1
        served = 0
        written = 0
        direction = nil
        for executor in (firstExecutor..<(firstExecutor + executorCount)).agents where world.agents[executor].step == .none {
            world.setActivity(executor, .blocked)
        }
        planNext(&world)
    }

    /// The planner writes a task for the next executor, or rests once every executor is served.
    private mutating func planNext(_ world: inout World) {
        guard served < executorCount else {
            // (A lone agent is working its own task by now.)
            if world.agents[planner].step == .none { world.setActivity(planner, .idle) }
            return
        }
        world.schedule(planner, .topology, after: world.planningHours(of: planner), doing: .planning)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        // The judge's one `.topology` step is reviewing the wave; the planner's is writing a task.
        if let judge, a == judge {
            judged(judge, &world)
        } else {
            taskWritten(&world)
        }
    }

    /// The planner has written a task: it goes to the next executor in line.
    private mutating func taskWritten(_ world: inout World) {
        let task = firstExecutor == 0
            ? world.writeOwnTask(by: planner, direction: &direction)
            : world.planTask(by: planner, areas: areas, currentArea: &currentArea, direction: &direction)
        guard let slot = task, let direction else {
            // The goal has nothing left to hand out now: the executors not yet served get nothing.
            for executor in ((firstExecutor + served)..<(firstExecutor + executorCount)).agents {
                world.setActivity(executor, .idle)
            }
            served = executorCount
            world.setActivity(planner, .idle)
            if working == 0 { endWave(&world) }
            return
        }
        // A task carried over from an earlier wave is planned anew, in this wave's direction.
        world.backlog[slot].misaligned = direction
        let executor = AgentID(firstExecutor + served)
        served += 1
        written += 1
        working += 1
        world.assign(slot, to: executor)
        if world.agents[executor].step == .none { world.beginAttempt(executor) }
        planNext(&world)
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    mutating func landed(_ a: AgentID, _ world: inout World) {
        executorDone(a, &world)
    }

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        returning.append(world.agents[a].task)
        world.dropTask(a)
        executorDone(a, &world)
    }

    /// Executor `a` is done with this wave's task: it waits for the others.
    private mutating func executorDone(_ a: AgentID, _ world: inout World) {
        working -= 1
        world.setActivity(a, .idle)
        if served == executorCount && working == 0 { endWave(&world) }
    }

    /// Every executor of the wave is done: given-up tasks go back, and the judge (if any) reviews
    /// the wave before the next one begins.
    private mutating func endWave(_ world: inout World) {
        for slot in returning { world.backlog.giveBack(slot) }
        returning.removeAll(keepingCapacity: true)
        // A wave that could plan nothing, with nothing in flight: no later wave could either.
        guard written > 0 else { return }
        guard let judge else {
            beginWave(&world)
            return
        }
        world.schedule(judge, .topology, after: world.config.topology.judge.restartHours, doing: .coordinating)
    }

    /// The judge has reviewed the wave: it goes on, starting fresh once a cycle's time has passed
    /// since the last fresh start.
    private mutating func judged(_ judge: AgentID, _ world: inout World) {
        world.setActivity(judge, .idle)
        world.counters.cycles += 1
        guard world.now - lastFreshStart >= world.config.topology.judge.cycleHours else {
            beginWave(&world)
            return
        }
        lastFreshStart = world.now
        world.freshStart(except: judge)
        // Everyone is free: each pays its restart now; the planner begins the next wave when back.
        for agent in (0..<(firstExecutor + executorCount)).agents {
            agentReady(agent, &world)
        }
    }
}
