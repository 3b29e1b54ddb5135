import DequeModule
import Foundation

/// The shared board of the peer topologies: open tasks listed for anyone to claim, entries for
/// tasks in progress, and recent done entries. Reading or writing it takes longer the more entries
/// it has: the coherency cost that grows with the number of peers (F1).
///
/// Peers choose their own work here, so risk aversion bites (F3): a task's choice weight is
/// exp(-k rho d), and a risk-averse peer sometimes makes busywork instead. Tasks passed over for too
/// many picks are deferred (dropped from the board, never done): that is where avoided hard work goes.
///
/// The board is one file that every operation reads at its start and writes whole at its end, so a
/// write made on a stale copy loses the updates written since (`TaskBoard+LostUpdates.swift`). The
/// board is the peers' only record of who does what: a peer lands only work it holds the claim of
/// record for.
struct TaskBoard {
    /// When an update was written, and whether under the lock or a passed version check.
    struct Stamp {
        let time: Double
        let guarded: Bool
    }

    /// A claim on the board: the task, the peer who claimed it, and when.
    struct Claim {
        let slot: Int32
        let agent: AgentID
        let claimed: Stamp
    }

    /// A done mark a stale write could still undo: the claim it replaced, and when.
    struct DoneMark {
        let claim: Claim
        let done: Stamp
    }

    /// Open tasks on the board, oldest first, grouped by difficulty for weighted picks.
    private(set) var listed: BoardListing
    /// Claims not yet marked done, oldest first. A task has at most one entry on the board
    /// (listing, claim or done mark); a claim a stale write undid is gone, its task listed again.
    var claimed = ClaimList()
    /// Done marks recent enough that a write in progress could have read the board before them.
    var doneMarks: [DoneMark] = []
    /// Done entries written and not undone; the board keeps the last `done_entries_kept` of them.
    var doneEntries = 0
    /// Open tasks the board keeps listed.
    let target: Int
    /// Picks a listed task may be passed over before it is deferred.
    let patience: Int
    private(set) var picks = 0
    /// When the board was last written by an operation (optimistic concurrency checks against it),
    /// and last written without the lock or check: a write that read the board later has nothing
    /// to undo.
    private(set) var lastWrite = -Double.infinity
    private(set) var lastUnguardedWrite = -Double.infinity
    /// The stamp of the write in progress, given to the updates it makes.
    var writeStamp = Stamp(time: 0, guarded: true)
    let config: BoardConfig
    /// The task each peer claimed and must mark done, or -1 (the peer does not know when a stale
    /// write has undone its claim).
    private(set) var claimOf: [Int32]
    /// When each peer's board operation in progress read the board (infinity: none in progress).
    private(set) var readAt: [Double]
    /// Operations begun, in the order they began (so oldest read first: reads are made at the
    /// current time), including ended ones, which `oldestOperationRead` drops lazily.
    var reads = Deque<(agent: AgentID, time: Double)>()
    /// Done marks are pruned once there are this many (see `pruneDoneMarks`).
    var doneMarksPruneAt = 16
    /// A stale write has restored a claim to a peer that may have moved on since.
    var mayHoldStaleClaims = false

    enum Pick {
        case task(Int32)
        case busywork
        /// The goal has nothing left to list.
        case nothing
    }

    init(config: BoardConfig, peers: Int) {
        self.config = config
        listed = BoardListing(avoidanceStrength: config.avoidanceStrength)
        target = max(1, Int((Double(peers) * config.openTasksPerAgent).rounded(.up)))
        patience = target
        claimOf = Array(repeating: -1, count: peers)
        readAt = Array(repeating: .infinity, count: peers)
    }

    /// Whether agent `a` holds a claim it must mark done (false while it makes busywork).
    func holdsClaim(_ a: AgentID) -> Bool {
        claimOf[a] >= 0
    }

    /// Whether the board records agent `a`'s claim on the task it holds.
    func hasClaimOfRecord(_ a: AgentID) -> Bool {
        let slot = claimOf[a]
        return slot >= 0 && claimed.claim(on: slot)?.agent == a
    }

    /// Entries an agent reads or rewrites in one board operation.
    var entries: Int {
        listed.count + claimed.count + min(doneEntries, config.doneEntriesKept)
    }

    /// Duration of one board operation by agent `a` (before any hold inflation).
    func operationHours(_ a: AgentID, _ world: inout World) -> Double {
        world.draw(a, config.operationHours) + config.hoursPerEntry * Double(entries)
    }

    // MARK: Operations

    /// Agent `a` starts a board operation: it reads the board now.
    mutating func beginOperation(_ a: AgentID, at now: Double) {
        readAt[a] = now
        reads.append((a, now))
    }

    /// Agent `a`'s operation ends without writing (a failed versioned write, a crash).
    mutating func endOperation(_ a: AgentID) {
        readAt[a] = .infinity
    }

    /// Agent `a` writes the board, ending its operation: the copy it read replaces the board, so
    /// the updates written since its read are lost (all of them when `guarded` is false: without
    /// the lock or the version check; those of unguarded writers when it holds the lock, which keeps
    /// out only the writers who take it). The change it came to make follows (`claimNext`,
    /// `markDone`).
    mutating func write(by a: AgentID, guarded: Bool, _ world: inout World) {
        let read = readAt[a]
        readAt[a] = .infinity
        writeStamp = Stamp(time: world.now, guarded: guarded)
        undoUpdates(after: read, unguardedOnly: guarded, &world)
        lastWrite = world.now
        if !guarded { lastUnguardedWrite = world.now }
    }

    /// Agent `a` picks its next piece of work from the board and claims it: a listed task with
    /// probability proportional to exp(-k rho d).
    private mutating func pick(_ a: AgentID, _ world: inout World) -> Pick {
        refill(&world)
        let rho = world.agents[a].traits.riskAversion
        if world.chance(a, config.busyworkProbability * rho) { return .busywork }
        guard !listed.isEmpty else { return .nothing }
        let slot = listed.pick(avoidance: config.avoidanceStrength * rho, &world.random[a])
        listed.remove(slot)
        claimed.append(Claim(slot: slot, agent: a, claimed: writeStamp))
        picks += 1
        deferStale(&world)
        return .task(slot)
    }

    /// Agent `a` takes its next piece of work from the board in the write it is making: a claim
    /// the board shows in its name, or else a pick; busywork starts at once, an empty board leaves
    /// it idle. Returns true when it claimed a task, which it must now start.
    mutating func claimNext(_ a: AgentID, _ world: inout World) -> Bool {
        if let slot = staleClaim(of: a) {
            world.assign(slot, to: a)
            claimOf[a] = slot
            return true
        }
        switch pick(a, &world) {
        case .task(let slot):
            world.assign(slot, to: a)
            world.specify(slot, by: a)
            claimOf[a] = slot
            return true
        case .busywork:
            world.agents[a].busywork = true
            world.schedule(a, .busywork, after: world.draw(a, config.busyworkHours), doing: .working)
        case .nothing:
            world.setActivity(a, .idle)
        }
        return false
    }

    /// Agent `a` marks its claimed task done in the write it is making. If a stale write undid its
    /// claim, the task's entry (listed again, or claimed by another peer) is replaced by the done
    /// mark: whoever claimed it since will find its claim gone.
    mutating func markDone(by a: AgentID, _ world: inout World) {
        let slot = claimOf[a]
        claimOf[a] = -1
        doneEntries += 1
        if let claim = claimed.remove(on: slot) {
            doneMarks.append(DoneMark(claim: claim, done: writeStamp))
        } else if listed.contains(slot) {
            listed.remove(slot)
            doneMarks.append(DoneMark(claim: Claim(slot: slot, agent: a, claimed: writeStamp), done: writeStamp))
        }
        // Otherwise it is marked done already (by a peer that did it again), or was deferred.
        pruneDoneMarks(&world)
    }

    /// Agent `a` gave up on its claimed task: it goes back on the board (if the board still records
    /// the claim) and out of the agent's hand.
    mutating func abandon(by a: AgentID, _ world: inout World) {
        let slot = claimOf[a]
        if claimed.claim(on: slot)?.agent == a {
            claimed.remove(on: slot)
            list(slot, &world)
        }
        claimOf[a] = -1
        drop(a, &world)
    }

    /// Agent `a`'s change is ready to land: if it is for the task `a` claimed and the board no
    /// longer records that claim, the change is discarded (the task is listed again, claimed by
    /// another peer or marked done), the agent's time on it wasted. Other work in its hand is not
    /// the board's to judge. Returns true when it was discarded.
    mutating func discardUnclaimedChange(_ a: AgentID, _ world: inout World) -> Bool {
        guard holdsClaim(a), world.agents[a].task == claimOf[a], !hasClaimOfRecord(a) else { return false }
        world.counters.discardedChanges += 1
        claimOf[a] = -1
        drop(a, &world)
        return true
    }

    /// Agent `a` lets go of its task. A task the board no longer lists (deferred while the agent
    /// worked on it unawares) is freed once nobody holds it, done or not: deferred work stays dropped.
    private mutating func drop(_ a: AgentID, _ world: inout World) {
        let slot = world.agents[a].task
        guard slot >= 0 else { return }
        world.agents[a].task = -1
        world.backlog[slot].workers -= 1
        if world.backlog[slot].workers == 0 && !world.backlog[slot].onBoard {
            world.backlog.retire(slot)
        }
    }

    /// Lists `slot` as open.
    mutating func list(_ slot: Int32, _ world: inout World) {
        listed.append(slot, difficulty: world.backlog[slot].difficulty)
        world.backlog[slot].enteredAtPick = picks
        world.backlog[slot].onBoard = true
    }

    /// Takes `slot` off the board; its storage is freed once nobody holds it.
    mutating func takeOff(_ slot: Int32, _ world: inout World) {
        world.backlog[slot].onBoard = false
        if world.backlog[slot].workers == 0 {
            world.backlog.retire(slot)
        }
    }

    private mutating func refill(_ world: inout World) {
        while listed.count < target, let slot = world.backlog.nextInOrder(codebase: world.codebase) {
            list(slot, &world)
        }
    }

    /// Drops listed tasks nobody has picked for `patience` picks: avoided work.
    private mutating func deferStale(_ world: inout World) {
        while let oldest = listed.oldest, picks - world.backlog[oldest].enteredAtPick > patience {
            listed.remove(oldest)
            takeOff(oldest, &world)
        }
    }

    /// Every way the board breaks its invariant: each entry (listing, claim or done mark) is an
    /// open task marked on the board, with one entry, and every open task marked on the board has
    /// one; a done mark's task has landed.
    func invariantViolations(_ world: World) -> [String] {
        var problems: [String] = []
        let live = world.backlog.pool.liveSlots()
        var entries = Array(repeating: 0, count: live.count)
        let slots = listed.slots + claimed.map(\.slot) + doneMarks.map(\.claim.slot)
        for slot in slots {
            guard slot >= 0, Int(slot) < live.count, live[Int(slot)], world.backlog[slot].onBoard else {
                problems.append("board entry for task slot \(slot), which is not an open task on the board")
                continue
            }
            entries[Int(slot)] += 1
        }
        for slot in live.indices where live[slot] && world.backlog.pool.tasks[slot].onBoard && entries[slot] != 1 {
            problems.append("task slot \(slot) is on the board with \(entries[slot]) entries")
        }
        for mark in doneMarks where !(Int(mark.claim.slot) < live.count && live[Int(mark.claim.slot)] && world.backlog[mark.claim.slot].done) {
            problems.append("done mark for task slot \(mark.claim.slot), which has not landed")
        }
        return problems
    }
}
