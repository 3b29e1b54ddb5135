/// The closed machine-repairman system as a simulation: `agents` agents each work for a `work`
/// draw, then wait in FIFO order for one lock and hold it for a `hold` draw, forever.
///
/// It is the kernel's reference model: MVA gives its exact throughput and lock wait, the tests hold
/// the kernel to them, and `swarmsim bench` times it. Each agent has its own work and hold streams,
/// so the draws of agent i do not depend on how many agents there are.
public struct ClosedLockSystem: DiscreteEventSimulation {
    public enum Event {
        case finishWork(agent: Int32)
        case releaseLock(agent: Int32)
    }

    public var events = EventQueue<Event>()
    let work: Distribution
    let hold: Distribution
    /// Everything the model keeps per agent: one uniqueness check per event and no bounds checks,
    /// instead of a check of each per array access.
    var agents: AgentTable
    /// The FIFO lock queue, threaded through `AgentState.nextInLine` (an agent waits at most once
    /// at a time): the first and last waiting agents, or -1 when nobody waits.
    var firstInLine: Int32 = -1
    var lastInLine: Int32 = -1
    var lockHeld = false

    /// One agent's random streams and lock bookkeeping.
    struct AgentState {
        var workRandom: Xoshiro256StarStar
        var holdRandom: Xoshiro256StarStar
        /// When the agent last asked for the lock.
        var requestTime = 0.0
        /// The agent queued behind this one, or -1.
        var nextInLine: Int32 = -1
    }

    /// The agents' states in one allocation, shared between copies of the system until one of them
    /// changes (copy-on-write, like an array).
    final class AgentTable {
        let states: UnsafeMutablePointer<AgentState>
        let count: Int

        init(_ states: [AgentState]) {
            count = states.count
            self.states = .allocate(capacity: count)
            self.states.initialize(from: states, count: count)
        }

        init(copying other: AgentTable) {
            count = other.count
            states = .allocate(capacity: count)
            states.initialize(from: other.states, count: count)
        }

        deinit {
            states.deinitialize(count: count)
            states.deallocate()
        }
    }

    /// The agents' states, ready to change: copied first if another copy of the system shares them.
    @inline(__always)
    private mutating func agentStates() -> UnsafeMutablePointer<AgentState> {
        if !isKnownUniquelyReferenced(&agents) { agents = AgentTable(copying: agents) }
        return agents.states
    }

    /// Task cycles (lock releases) completed since the statistics were last reset.
    public private(set) var cyclesCompleted = 0
    /// Lock grants since the statistics were last reset.
    public private(set) var grants = 0
    /// Summed hours from lock request to grant, over `grants`.
    public private(set) var totalLockWait = 0.0
    /// When the statistics were last reset.
    public private(set) var statisticsStart = 0.0
    /// A hash of the whole trajectory (each release's time and agent): equal digests mean, for all
    /// practical purposes, identical runs. Used to prove determinism across processes.
    public private(set) var digest: UInt64 = 0

    /// A system whose agents all start working at time 0.
    public init(agents: Int, work: Distribution, hold: Distribution, seed: UInt64) {
        precondition(agents >= 1 && agents <= Int(Int32.max), "agents must be in 1...\(Int32.max)")
        let streams = RandomStreams(seed: seed)
        self.work = work
        self.hold = hold
        self.agents = AgentTable((0..<agents).map {
            AgentState(workRandom: streams.stream("work", index: $0), holdRandom: streams.stream("hold", index: $0))
        })
        let states = agentStates()
        for agent in 0..<agents {
            events.schedule(.finishWork(agent: Int32(agent)), after: work.sample(&states[agent].workRandom))
        }
    }

    public mutating func handle(_ event: Event) {
        let states = agentStates()
        switch event {
        case .finishWork(let agent):
            checkAgent(agent)
            states[Int(agent)].requestTime = events.now
            if lockHeld {
                if lastInLine < 0 {
                    firstInLine = agent
                } else {
                    states[Int(lastInLine)].nextInLine = agent
                }
                lastInLine = agent
            } else {
                grant(to: agent, states)
            }
        case .releaseLock(let agent):
            checkAgent(agent)
            cyclesCompleted &+= 1
            digest = SplitMix64.mix(digest ^ events.now.bitPattern ^ UInt64(agent))
            events.schedule(.finishWork(agent: agent), after: work.sample(&states[Int(agent)].workRandom))
            let next = firstInLine
            if next >= 0 {
                firstInLine = states[Int(next)].nextInLine
                if firstInLine < 0 { lastInLine = -1 }
                states[Int(next)].nextInLine = -1
                grant(to: next, states)
            } else {
                lockHeld = false
            }
        }
    }

    /// The table is read through a raw pointer: a stray event must not reach past it.
    @inline(__always)
    private func checkAgent(_ agent: Int32) {
        precondition(UInt(bitPattern: Int(agent)) < UInt(agents.count), "no such agent in this system")
    }

    private mutating func grant(to agent: Int32, _ states: UnsafeMutablePointer<AgentState>) {
        lockHeld = true
        grants &+= 1
        totalLockWait += events.now - states[Int(agent)].requestTime
        events.schedule(.releaseLock(agent: agent), after: hold.sample(&states[Int(agent)].holdRandom))
    }

    /// Runs until `cycles` more task cycles have completed.
    public mutating func run(cycles: Int) {
        let target = cyclesCompleted + cycles
        while cyclesCompleted < target, step() {}
    }

    /// Starts the statistics afresh at the current time (to drop a warm-up period).
    public mutating func resetStatistics() {
        cyclesCompleted = 0
        grants = 0
        totalLockWait = 0
        statisticsStart = events.now
    }

    /// Task cycles per hour since the statistics were last reset.
    public var throughput: Double { Double(cyclesCompleted) / (events.now - statisticsStart) }
    /// Mean hours from lock request to grant since the statistics were last reset.
    public var meanLockWait: Double { totalLockWait / Double(grants) }
}
