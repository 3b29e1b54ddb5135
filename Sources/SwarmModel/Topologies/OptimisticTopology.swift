/// `optimistic` (F3): peers share the board without a lock. Reading is free; a claim or a done
/// mark is a versioned write that fails if anyone wrote the board since the agent read it, and the
/// agent reads and picks again. File changes are checked only at commit (rebase or redo). Waiting
/// disappears, but ownership does not: peers still choose their own work and avoid hard tasks, and
/// a peer that skips the version check (an unlocked write) overwrites a claim, so work is duplicated.
struct OptimisticTopology: Topology {
    /// What a peer's read-modify-write of the board is for.
    private enum Phase {
        case claim
        case markDone
    }

    /// A peer's own state in this topology.
    private struct PeerState {
        var phase = Phase.claim
        /// When the peer's current read of the board began.
        var readStart = 0.0
    }

    private var board: TaskBoard
    private var peers: [PeerState]

    static func roles(for config: ModelConfig) -> [Role] {
        Array(repeating: .peer, count: config.agents.count)
    }

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        board = TaskBoard(config: world.config.board, peers: world.agents.count)
        peers = Array(repeating: PeerState(), count: world.agents.count)
    }

    func invariantViolations(_ world: World) -> [String] {
        board.invariantViolations(world)
    }

    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        readModifyWrite(a, .claim, &world)
    }

    /// Agent `a` reads the board and writes `phase`'s change at the end of the operation.
    private mutating func readModifyWrite(_ a: AgentID, _ phase: Phase, _ world: inout World) {
        peers[a] = PeerState(phase: phase, readStart: world.now)
        world.schedule(a, .topology, after: board.operationHours(a, &world), doing: .coordinating)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        let phase = peers[a].phase
        if board.lastWrite > peers[a].readStart {
            // Someone wrote since the read: the versioned write fails, unless the agent skips the check.
            if world.chance(a, world.agents[a].traits.unlockedWriteProbability) {
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

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    mutating func landed(_ a: AgentID, _ world: inout World) {
        if !board.holdsClaim(a) {
            agentReady(a, &world)  // busywork: nothing on the board to mark
        } else {
            readModifyWrite(a, .markDone, &world)
        }
    }

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        board.abandon(by: a, &world)
        agentReady(a, &world)
    }
}
