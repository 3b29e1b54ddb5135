/// `optimistic` (F3): peers share the board without a lock. Reading is free; a claim or a done
/// mark is a versioned write that fails if anyone wrote the board since the agent read it, and the
/// agent backs off for a random time (randomised exponential backoff) before it reads and picks
/// again. File changes are checked only at commit (rebase or redo). Waiting for a lock disappears,
/// but ownership does not: peers still choose their own work and avoid hard tasks, and a peer that
/// skips the version check (an unlocked write) writes a stale copy over the updates made since its
/// read (`TaskBoard+LostUpdates.swift`): claims, done marks and listings are lost.
struct OptimisticTopology: PeerBoardTopology {
    /// What a peer's read-modify-write of the board is for.
    private enum Phase {
        case claim
        case markDone
    }

    /// A peer's own state in this topology.
    private struct PeerState {
        var phase = Phase.claim
        /// Versioned writes of this operation that failed in a row.
        var failures = 0
        /// When the backoff in progress began, or nil while the peer reads or writes.
        var backoffStart: Double?
    }

    private(set) var board: TaskBoard
    private var peers: [PeerState]

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        board = TaskBoard(config: world.config.board, peers: world.agents.count)
        peers = Array(repeating: PeerState(), count: world.agents.count)
    }

    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        peers[a] = PeerState(phase: .claim)
        read(a, &world)
    }

    /// Agent `a` reads the board and writes its phase's change at the end of the operation.
    private mutating func read(_ a: AgentID, _ world: inout World) {
        board.beginOperation(a, at: world.now)
        world.schedule(a, .topology, after: board.operationHours(a, &world), doing: .coordinating)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        if let start = peers[a].backoffStart {
            world.counters.retryHours += world.now - start
            peers[a].backoffStart = nil
            read(a, &world)
            return
        }
        var guarded = true
        if board.lastWrite > board.readAt[a] {
            // Someone wrote since the read: the versioned write fails, unless the agent skips the check.
            guard world.chance(a, world.agents[a].traits.unlockedWriteProbability) else {
                backOff(a, &world)
                return
            }
            world.counters.unlockedWrites += 1
            guarded = false
        }
        board.write(by: a, guarded: guarded, &world)
        switch peers[a].phase {
        case .claim:
            if board.claimNext(a, &world) { world.beginAttempt(a) }
        case .markDone:
            board.markDone(by: a, &world)
            agentReady(a, &world)
        }
    }

    /// Agent `a`'s versioned write failed: the operation was in vain, and the agent waits a time
    /// drawn uniformly from its backoff window (full jitter) before it reads again, so that peers
    /// who failed together do not retry together.
    private mutating func backOff(_ a: AgentID, _ world: inout World) {
        world.counters.retryHours += world.now - board.readAt[a]
        board.endOperation(a)
        peers[a].failures += 1
        peers[a].backoffStart = world.now
        let window = Self.backoffWindow(afterFailures: peers[a].failures, world.config.board)
        world.schedule(a, .topology, after: window * world.random[a].nextUnit(), doing: .blocked)
    }

    /// The backoff window after `failures` failed versioned writes of one operation in a row:
    /// base x 2^(failures - 1), capped.
    static func backoffWindow(afterFailures failures: Int, _ board: BoardConfig) -> Double {
        min(board.retryBackoffMaxHours, board.retryBackoffHours * Double(1 << min(failures - 1, 30)))
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    /// A peer lands only work the board records as its own: otherwise its change is discarded and
    /// it goes back to the board for other work.
    mutating func submit(_ a: AgentID, _ world: inout World) -> Bool {
        guard board.discardUnclaimedChange(a, &world) else { return false }
        agentReady(a, &world)
        return true
    }

    mutating func landed(_ a: AgentID, _ world: inout World) {
        if !board.holdsClaim(a) {
            agentReady(a, &world)  // busywork: nothing on the board to mark
        } else {
            peers[a] = PeerState(phase: .markDone)
            read(a, &world)
        }
    }

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        board.abandon(by: a, &world)
        agentReady(a, &world)
    }
}
