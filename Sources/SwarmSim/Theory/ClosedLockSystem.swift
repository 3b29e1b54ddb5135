import DequeModule

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
    var workRandom: [Xoshiro256StarStar]
    var holdRandom: [Xoshiro256StarStar]
    var waiting = Deque<Int32>()
    var lockHeld = false
    var requestTime: [Double]

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
        workRandom = (0..<agents).map { streams.stream("work", index: $0) }
        holdRandom = (0..<agents).map { streams.stream("hold", index: $0) }
        requestTime = Array(repeating: 0, count: agents)
        waiting.reserveCapacity(agents)
        for agent in 0..<agents {
            events.schedule(.finishWork(agent: Int32(agent)), after: work.sample(&workRandom[agent]))
        }
    }

    public mutating func handle(_ event: Event) {
        switch event {
        case .finishWork(let agent):
            requestTime[Int(agent)] = events.now
            if lockHeld {
                waiting.append(agent)
            } else {
                grant(to: agent)
            }
        case .releaseLock(let agent):
            cyclesCompleted &+= 1
            digest = SplitMix64.mix(digest ^ events.now.bitPattern ^ UInt64(agent))
            events.schedule(.finishWork(agent: agent), after: work.sample(&workRandom[Int(agent)]))
            if let next = waiting.popFirst() {
                grant(to: next)
            } else {
                lockHeld = false
            }
        }
    }

    private mutating func grant(to agent: Int32) {
        lockHeld = true
        grants &+= 1
        totalLockWait += events.now - requestTime[Int(agent)]
        events.schedule(.releaseLock(agent: agent), after: hold.sample(&holdRandom[Int(agent)]))
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
