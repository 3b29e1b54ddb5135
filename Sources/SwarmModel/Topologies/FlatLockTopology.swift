/// `flat-lock` (F1, F2): peers coordinate through one shared board guarded by one lock. Claiming a
/// task and marking it done each hold the board lock for a board operation, inflated by the
/// agent's habit of holding locks too long; with `locks.file_locks`, peers also lock the files
/// they touch while they work. Every lock fault applies: forgotten releases, crashes while holding,
/// and writes made without the lock. Such a write is made on a copy others may have written since,
/// and a locked write that read the board before it overwrites it in turn: either way updates are
/// lost (`TaskBoard+LostUpdates.swift`), and a peer whose claim is gone has its change discarded.
struct FlatLockTopology: PeerBoardTopology {
    static let boardLock: Int32 = 0

    /// What a peer's board operation or lock grant is for.
    private enum Phase {
        case claim
        case markDone
        case fileLocks
    }

    /// A peer's own state in this topology.
    private struct PeerState {
        var phase = Phase.claim
        /// The board operation in progress holds the board lock (false: written without it).
        var operationLocked = false
        /// Files whose locks the peer holds (with `locks.file_locks`), in acquisition order.
        var heldFileLocks: [Int32] = []
    }

    private(set) var board: TaskBoard
    private var peers: [PeerState]

    static func lockCount(for config: ModelConfig) -> Int {
        1 + (config.locks.fileLocks ? config.codebase.areas * config.codebase.filesPerArea : 0)
    }

    init(world: inout World) {
        board = TaskBoard(config: world.config.board, peers: world.agents.count)
        peers = Array(repeating: PeerState(), count: world.agents.count)
    }

    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        useBoard(a, for: .claim, &world)
    }

    /// Agent `a` needs the board for `phase`: it takes the lock, or (F2) writes without it.
    private mutating func useBoard(_ a: AgentID, for phase: Phase, _ world: inout World) {
        peers[a].phase = phase
        if world.chance(a, world.agents[a].traits.unlockedWriteProbability) {
            world.counters.unlockedWrites += 1
            startBoardOperation(a, &world, locked: false)
        } else if world.requestLock(a, Self.boardLock) {
            startBoardOperation(a, &world, locked: true)
        }
    }

    /// Agent `a` reads the board now and writes it at the end of the operation. Its habit of
    /// dwelling on the operation (hold inflation) costs its time with or without the lock; only
    /// with the lock does it keep others waiting, so skipping the lock saves the writer nothing
    /// but the wait.
    private mutating func startBoardOperation(_ a: AgentID, _ world: inout World, locked: Bool) {
        let hours = board.operationHours(a, &world) * world.agents[a].traits.holdInflation
        peers[a].operationLocked = locked
        board.beginOperation(a, at: world.now)
        world.schedule(a, .topology, after: hours, doing: .coordinating)
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {
        if peers[a].phase == .fileLocks {
            acquireFileLocks(a, &world, granted: true)
        } else {
            startBoardOperation(a, &world, locked: true)
        }
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        let phase = peers[a].phase
        if peers[a].operationLocked {
            if world.chance(a, world.agents[a].traits.crashWhileHoldingProbability) {
                // A claim is lost with the agent; a done mark is made by whoever clears the lock.
                if phase == .markDone {
                    board.write(by: a, guarded: true, &world)
                    board.markDone(by: a, &world)
                } else {
                    board.endOperation(a)
                }
                world.crash(a, holding: Self.boardLock)
                return
            }
            if let next = world.releaseLock(a, Self.boardLock) {
                lockGranted(next, &world)
            }
        }
        board.write(by: a, guarded: peers[a].operationLocked, &world)
        switch phase {
        case .claim:
            if board.claimNext(a, &world) { startWork(a, &world) }
        case .markDone:
            board.markDone(by: a, &world)
            agentReady(a, &world)
        case .fileLocks:
            break
        }
    }

    private mutating func startWork(_ a: AgentID, _ world: inout World) {
        if world.config.locks.fileLocks {
            peers[a].phase = .fileLocks
            acquireFileLocks(a, &world, granted: false)
        } else {
            world.beginAttempt(a)
        }
    }

    /// Takes the task's file locks one by one in file order (so peers never deadlock), then works.
    /// `granted`: the lock of the next file in order was just granted to `a`.
    private mutating func acquireFileLocks(_ a: AgentID, _ world: inout World, granted: Bool) {
        var granted = granted
        while let file = nextFileToLock(a, world) {
            guard granted || world.requestLock(a, 1 + file) else { return }
            peers[a].heldFileLocks.append(file)
            granted = false
        }
        world.beginAttempt(a)
    }

    /// The lowest file of `a`'s task above the last one it locked, if any is left.
    private func nextFileToLock(_ a: AgentID, _ world: World) -> Int32? {
        let last = peers[a].heldFileLocks.last ?? -1
        var next: Int32?
        for file in world.backlog.files(of: world.agents[a].task) where file > last && file < (next ?? .max) {
            next = file
        }
        return next
    }

    private mutating func releaseFileLocks(_ a: AgentID, _ world: inout World) {
        while let file = peers[a].heldFileLocks.popLast() {
            if let next = world.releaseLock(a, 1 + file) {
                lockGranted(next, &world)
            }
        }
    }

    /// A peer lands only work the board records as its own: otherwise its change is discarded and
    /// it goes back to the board for other work.
    mutating func submit(_ a: AgentID, _ world: inout World) -> Bool {
        guard board.discardUnclaimedChange(a, &world) else { return false }
        releaseFileLocks(a, &world)
        agentReady(a, &world)
        return true
    }

    mutating func landed(_ a: AgentID, _ world: inout World) {
        releaseFileLocks(a, &world)
        if !board.holdsClaim(a) {
            agentReady(a, &world)  // busywork: nothing on the board to mark
        } else {
            useBoard(a, for: .markDone, &world)
        }
    }

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        releaseFileLocks(a, &world)
        board.abandon(by: a, &world)
        agentReady(a, &world)
    }
}
