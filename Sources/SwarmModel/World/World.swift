import SwarmKernel

/// What can happen in a run. Small values: scheduling one allocates nothing.
enum WorldEvent {
    /// Agent `agent`'s current step ends, unless the agent was reset since (`generation` differs).
    case agentStep(agent: AgentID, generation: UInt32)
    /// The lease of an orphaned lock runs out.
    case leaseExpired(lock: Int32, generation: UInt32)
    /// strict: main has been repaired.
    case mainRepaired
    /// Time to record a sample.
    case sample
    /// A topology-defined timer (such as the judge's cycle).
    case topologyTimer(Int32)
}

/// The shared state of one run: clock, codebase, backlog, agents, locks and shared machinery,
/// plus the counters metrics are computed from. Topologies act on it; mechanisms common to all of
/// them (attempting work, landing it, lock faults) are its methods.
struct World {
    var events = EventQueue<WorldEvent>()
    let config: ModelConfig
    let streams: RandomStreams
    var codebase: Codebase
    var backlog: Backlog
    var agents: [Agent]
    /// Each agent's behaviour stream: attempt times, outcomes, faults.
    var random: [Xoshiro256StarStar]
    /// Draws that belong to no agent (fixing main forward, repairs).
    var worldRandom: Xoshiro256StarStar
    var locks: LockTable
    var buildSlots: ResourcePool?
    /// strict: the one commit gate.
    var gate = ResourcePool(capacity: 1)
    var main: MainBranch
    /// tolerant: per area, agents whose quick check failed for a break there, waiting for a fix to
    /// land there.
    var fixWaiters: [[AgentID]]
    var misalignment: Misalignment
    var counters = RunCounters()
    /// Hours booked to each agent's past activities: with the current one's, they tile the run
    /// (checked by `invariantViolations`).
    var bookedHours: [Double]
    /// The run's trace, kept only when one was asked for (`Simulation.trace`): nil costs the
    /// accounting one well-predicted branch per change and allocates nothing.
    var trace: RunTrace?
    /// A finite goal is complete: the run ends.
    var finished = false
    /// Lognormal with mean 1: the per-attempt time noise.
    let attemptNoise: Distribution

    /// Builds the world for `config`, with one agent per entry of `roles`, and `lockCount` locks.
    init(config: ModelConfig, seed: UInt64, roles: [Role], lockCount: Int) {
        self.config = config
        let streams = RandomStreams(seed: seed)
        self.streams = streams
        codebase = Codebase(config.codebase)
        main = MainBranch(areas: config.codebase.areas)
        fixWaiters = Array(repeating: [], count: config.codebase.areas)
        backlog = Backlog(config: config.tasks, areas: config.codebase.areas, agents: roles.count, streams: streams)
        let profiles = config.profiles
        let roleProfiles = config.roles
        agents = roles.enumerated().map { index, role in
            let name: String
            switch role {
            case .peer: name = roleProfiles.peer
            case .planner: name = roleProfiles.planner
            case .worker: name = roleProfiles.worker
            case .judge: name = roleProfiles.judge
            case .integrator: name = roleProfiles.integrator
            }
            return Agent(role: role, traits: AgentTraits(profile: profiles[name] ?? ProfileConfig(), index: index, streams: streams))
        }
        bookedHours = Array(repeating: 0, count: roles.count)
        random = roles.indices.map { streams.stream("agent.behaviour", index: $0) }
        worldRandom = streams.stream("world")
        locks = LockTable(count: lockCount)
        buildSlots = config.build.slots > 0 ? ResourcePool(capacity: config.build.slots) : nil
        misalignment = Misalignment(config.drift)
        attemptNoise = config.work.attemptNoise > 0
            ? Distribution(.lognormal(mean: 1, sd: config.work.attemptNoise)) : .constant(1)
    }

    var now: Double { events.now }

    // MARK: Time accounting

    /// Moves agent `a` to `activity`, closing the books on what it was doing.
    mutating func setActivity(_ a: AgentID, _ activity: Activity) {
        let (since, time) = (agents[a].activitySince, now)
        let elapsed = time - since
        let previous = agents[a].activity
        counters.activityHours[previous.share.rawValue] += elapsed
        bookedHours[a] += elapsed
        trace?.record(a.index, previous, from: since, to: time)
        if previous.isActive {
            counters.costUSD += elapsed * agents[a].traits.usdPerHour
            counters.inputTokens += elapsed * agents[a].traits.inputTokensPerHour
            counters.outputTokens += elapsed * agents[a].traits.outputTokensPerHour
        }
        agents[a].activity = activity
        agents[a].activitySince = now
    }

    /// Schedules the end of agent `a`'s `step` after `hours`, doing `activity` meanwhile.
    mutating func schedule(_ a: AgentID, _ step: AgentStep, after hours: Double, doing activity: Activity) {
        setActivity(a, activity)
        agents[a].step = step
        events.schedule(.agentStep(agent: a, generation: agents[a].generation), after: max(0, hours))
    }

    /// Context age of agent `a`: hours since its last fresh start.
    func contextAge(_ a: AgentID) -> Double {
        now - agents[a].contextStart
    }

    /// A Bernoulli draw from agent `a`'s behaviour stream.
    mutating func chance(_ a: AgentID, _ probability: Double) -> Bool {
        probability > 0 && random[a].nextUnit() < probability
    }

    /// A draw of `distribution` from agent `a`'s behaviour stream.
    mutating func draw(_ a: AgentID, _ distribution: Distribution) -> Double {
        distribution.sample(&random[a])
    }

    // MARK: Locks

    /// Agent `a` asks for `lock`. Returns true when granted now; otherwise the agent waits (FIFO)
    /// or polls, and its topology hears of the grant through `lockGranted`.
    mutating func requestLock(_ a: AgentID, _ lock: Int32) -> Bool {
        let fifo = config.locks.acquisition == .fifo
        if locks.acquire(lock, by: a, queue: fifo) { return true }
        agents[a].awaitedLock = lock
        if fifo {
            setActivity(a, .lockWait)
        } else {
            schedule(a, .pollLock, after: config.locks.pollIntervalHours, doing: .lockWait)
        }
        return false
    }

    /// A polling agent tries its lock again; true when it got it.
    mutating func retryLock(_ a: AgentID) -> Bool {
        let lock = agents[a].awaitedLock
        if locks.acquire(lock, by: a, queue: false) {
            agents[a].awaitedLock = -1
            return true
        }
        schedule(a, .pollLock, after: config.locks.pollIntervalHours, doing: .lockWait)
        return false
    }

    /// Agent `a` is done with `lock`. It may forget to release it (F2): the lock then stays taken
    /// until its lease runs out. Returns the waiting agent that now holds it, if any.
    mutating func releaseLock(_ a: AgentID, _ lock: Int32) -> AgentID? {
        if chance(a, agents[a].traits.forgetReleaseProbability) {
            counters.lockLeaks += 1
            orphan(lock)
            return nil
        }
        return grantFromRelease(lock)
    }

    /// Leaves `lock` held by nobody until its lease expires.
    mutating func orphan(_ lock: Int32) {
        let generation = locks.orphan(lock)
        events.schedule(.leaseExpired(lock: lock, generation: generation), after: config.locks.leaseHours)
    }

    /// Frees `lock`; the first FIFO waiter, if any, holds it now and is returned.
    mutating func grantFromRelease(_ lock: Int32) -> AgentID? {
        guard let next = locks.release(lock) else { return nil }
        agents[next].awaitedLock = -1
        return next
    }

    /// The agent holding `lock` crashes while holding it (F2): the lock is orphaned, the agent
    /// loses what it was doing and comes back after its restart time.
    mutating func crash(_ a: AgentID, holding lock: Int32) {
        counters.crashes += 1
        orphan(lock)
        agents[a].generation &+= 1
        schedule(a, .restart, after: draw(a, config.locks.restartHours), doing: .restarting)
    }
}
