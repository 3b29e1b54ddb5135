import Foundation

/// The shared board of the peer topologies: open tasks listed for anyone to claim, entries for
/// tasks in progress, and recent done entries. Reading or writing it takes longer the more entries
/// it has: the coherency cost that grows with the number of peers (F1).
///
/// Peers choose their own work here, so risk aversion bites (F3): a task's choice weight is
/// exp(-k rho d), and a risk-averse peer sometimes makes busywork instead. Tasks passed over for too
/// many picks are deferred (dropped from the board, never done): that is where avoided hard work goes.
struct TaskBoard {
    /// Open tasks on the board, oldest first.
    private(set) var listed: [Int32] = []
    /// A claim on the board: the task and the peer who claimed it.
    struct Claim {
        let slot: Int32
        let agent: AgentID
    }

    /// Claims not yet marked done, oldest first. A task has at most one entry on the board, listed
    /// or claimed: a claim a lost update overwrote is gone, its task listed again.
    private(set) var claimed: [Claim] = []
    private(set) var doneEntries = 0
    /// Open tasks the board keeps listed.
    let target: Int
    /// Picks a listed task may be passed over before it is deferred.
    let patience: Int
    private(set) var picks = 0
    /// Times the board was written, and when last (optimistic concurrency checks against it).
    private(set) var version = 0
    private(set) var lastWrite = -Double.infinity
    let config: BoardConfig
    /// Scratch space for one pick's choice weights, kept to avoid reallocating it every pick.
    private var weights: [Double] = []
    /// The task each peer claimed and must mark done, or -1 (the peer does not know when a lost
    /// update has overwritten its claim).
    private var claimOf: [Int32]

    enum Pick {
        case task(Int32)
        case busywork
        /// The goal has nothing left to list.
        case nothing
    }

    init(config: BoardConfig, peers: Int) {
        self.config = config
        target = max(1, Int((Double(peers) * config.openTasksPerAgent).rounded(.up)))
        patience = target
        claimOf = Array(repeating: -1, count: peers)
    }

    /// Whether agent `a` holds a claim it must mark done (false while it makes busywork).
    func holdsClaim(_ a: AgentID) -> Bool {
        claimOf[a] >= 0
    }

    /// Entries an agent reads or rewrites in one board operation.
    var entries: Int {
        listed.count + claimed.count + min(doneEntries, config.doneEntriesKept)
    }

    /// Duration of one board operation by agent `a` (before any hold inflation).
    func operationHours(_ a: AgentID, _ world: inout World) -> Double {
        world.draw(a, config.operationHours) + config.hoursPerEntry * Double(entries)
    }

    /// Agent `a` picks its next piece of work from the board and claims it.
    private mutating func pick(_ a: AgentID, _ world: inout World) -> Pick {
        refill(&world)
        let rho = world.agents[a].traits.riskAversion
        if world.chance(a, config.busyworkProbability * rho) { return .busywork }
        guard !listed.isEmpty else { return .nothing }
        weights.removeAll(keepingCapacity: true)
        var total = 0.0
        for slot in listed {
            let weight = exp(-config.avoidanceStrength * rho * world.backlog[slot].difficulty)
            weights.append(weight)
            total += weight
        }
        var remaining = world.random[a].nextUnit() * total
        var chosen = listed.count - 1
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 {
                chosen = index
                break
            }
        }
        let slot = listed.remove(at: chosen)
        claimed.append(Claim(slot: slot, agent: a))
        picks += 1
        deferStale(&world)
        return .task(slot)
    }

    /// Agent `a` takes its next piece of work from the board: busywork starts at once, an empty
    /// board leaves it idle. Returns true when it claimed a task, which it must now start.
    mutating func claimNext(_ a: AgentID, _ world: inout World) -> Bool {
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

    /// Agent `a` marks its claimed task done: its claim leaves the board (unless a lost update
    /// overwrote it: the task is then listed or claimed by someone else, and stays so), and the
    /// task's storage is freed once nobody works on it.
    mutating func markDone(by a: AgentID, _ world: inout World) {
        let slot = claimOf[a]
        claimOf[a] = -1
        doneEntries += 1
        guard let index = claimed.firstIndex(where: { $0.agent == a }) else { return }
        claimed.remove(at: index)
        world.backlog[slot].onBoard = false
        if world.backlog[slot].done && world.backlog[slot].workers == 0 {
            world.backlog.retire(slot)
        }
    }

    /// Agent `a` gave up on its claimed task: it goes back on the board (unless a lost update
    /// already put it back) and out of the agent's hand.
    mutating func abandon(by a: AgentID, _ world: inout World) {
        if let index = claimed.firstIndex(where: { $0.agent == a }) {
            relist(at: index, &world)
        }
        claimOf[a] = -1
        world.dropTask(a)
    }

    /// Puts the task of claim `index` back on the list.
    private mutating func relist(at index: Int, _ world: inout World) {
        list(claimed.remove(at: index).slot, &world)
    }

    private mutating func list(_ slot: Int32, _ world: inout World) {
        listed.append(slot)
        world.backlog[slot].enteredAtPick = picks
        world.backlog[slot].onBoard = true
    }

    /// A write that was not under the lock overwrote the latest claim (F2's lost update): that
    /// task is listed again while its agent still works on it, so it may be done twice.
    mutating func loseLatestClaim(_ world: inout World) {
        guard !claimed.isEmpty else { return }
        world.counters.lostUpdates += 1
        relist(at: claimed.count - 1, &world)
    }

    /// Every way the board breaks its invariant: each entry (listed or claimed) is an open task
    /// marked on the board, listed once, and every open task marked on the board has an entry.
    func invariantViolations(_ world: World) -> [String] {
        var problems: [String] = []
        let live = world.backlog.pool.liveSlots()
        var entries = Array(repeating: 0, count: live.count)
        for slot in listed + claimed.map(\.slot) {
            guard slot >= 0, Int(slot) < live.count, live[Int(slot)], world.backlog[slot].onBoard else {
                problems.append("board entry for task slot \(slot), which is not an open task on the board")
                continue
            }
            entries[Int(slot)] += 1
        }
        for slot in live.indices where live[slot] && world.backlog.pool.tasks[slot].onBoard && entries[slot] != 1 {
            problems.append("task slot \(slot) is on the board with \(entries[slot]) entries")
        }
        return problems
    }

    /// Records a write to the board at `now`.
    mutating func recordWrite(at now: Double) {
        version += 1
        lastWrite = now
    }

    private mutating func refill(_ world: inout World) {
        while listed.count < target, let slot = world.backlog.nextInOrder(codebase: world.codebase) {
            list(slot, &world)
        }
    }

    /// Drops listed tasks nobody has picked for `patience` picks: avoided work.
    private mutating func deferStale(_ world: inout World) {
        while let oldest = listed.first, picks - world.backlog[oldest].enteredAtPick > patience {
            listed.removeFirst()
            world.backlog[oldest].onBoard = false
            if world.backlog[oldest].workers == 0 {
                world.backlog.retire(oldest)
            }
        }
    }
}
