/// `optimistic` (F3): peers share the board without a lock. Reading is free; a claim or a done
/// mark is a versioned write that fails if anyone wrote the board since the agent read it, and the
/// agent reads and picks again. File changes are checked only at commit (rebase or redo). Waiting
/// disappears, but ownership does not: peers still choose their own work and avoid hard tasks, and
/// a peer that skips the version check (an unlocked write) overwrites a claim, so work is duplicated.
struct OptimisticTopology: Topology {
    private enum Phase: Int32 {
        case claim
        case markDone
    }

    private var board: TaskBoard
    /// When each agent's current read of the board began.
    private var readStart: [Double]

    static func roles(for config: ModelConfig) -> [Role] {
        Array(repeating: .peer, count: config.agents.count)
    }

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        board = TaskBoard(config: world.config.board, peers: world.agents.count)
        readStart = Array(repeating: 0, count: world.agents.count)
    }

    mutating func agentReady(_ a: Int32, _ world: inout World) {
        readModifyWrite(a, .claim, &world)
    }

    /// Agent `a` reads the board and writes `phase`'s change at the end of the operation.
    private mutating func readModifyWrite(_ a: Int32, _ phase: Phase, _ world: inout World) {
        world.agents[Int(a)].phase = phase.rawValue
        readStart[Int(a)] = world.now
        world.schedule(a, .topology, after: board.operationHours(a, &world), doing: .coordinating)
    }

    mutating func stepEnded(_ a: Int32, _ world: inout World) {
        let phase = Phase(rawValue: world.agents[Int(a)].phase)!
        if board.lastWrite > readStart[Int(a)] {
            // Someone wrote since the read: the versioned write fails, unless the agent skips the check.
            if world.chance(a, world.agents[Int(a)].traits.unlockedWriteProbability) {
                world.counters.unlockedWrites += 1
                board.loseLatestClaim(&world)
            } else {
                readModifyWrite(a, phase, &world)
                return
            }
        }
        board.recordWrite(at: world.now)
        switch phase {
        case .claim:
            if board.claimNext(a, &world) { world.beginAttempt(a) }
        case .markDone:
            board.markDone(by: a, &world)
            agentReady(a, &world)
        }
    }

    mutating func lockGranted(_ a: Int32, _ world: inout World) {}

    mutating func landed(_ a: Int32, _ world: inout World) {
        if world.agents[Int(a)].claimedSlot < 0 {
            agentReady(a, &world)  // busywork: nothing on the board to mark
        } else {
            readModifyWrite(a, .markDone, &world)
        }
    }

    mutating func abandoned(_ a: Int32, _ world: inout World) {
        board.abandon(by: a, &world)
        agentReady(a, &world)
    }
}
