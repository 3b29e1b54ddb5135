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
    /// Tasks claimed and not yet marked done.
    private(set) var claimed: [Int32] = []
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
    /// The task each peer claimed and must mark done, or -1.
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
        claimed.append(slot)
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

    /// Agent `a` marks its claimed task done.
    mutating func markDone(by a: AgentID, _ world: inout World) {
        markDone(claimOf[a], &world)
        claimOf[a] = -1
    }

    /// Agent `a` gave up on its claimed task: it goes back on the board and out of the agent's hand.
    mutating func abandon(by a: AgentID, _ world: inout World) {
        relist(world.agents[a].task, &world)
        claimOf[a] = -1
        world.dropTask(a)
    }

    /// Marks `slot`'s task done: its claim leaves the board (unless a lost update listed it
    /// again), and its storage is freed once nobody works on it.
    private mutating func markDone(_ slot: Int32, _ world: inout World) {
        doneEntries += 1
        // A claim a lost update put back on the list is the list's now: leave the slot alone.
        guard let index = claimed.firstIndex(of: slot) else { return }
        claimed.remove(at: index)
        world.backlog[slot].onBoard = false
        if world.backlog[slot].done && world.backlog[slot].workers == 0 {
            world.backlog.retire(slot)
        }
    }

    /// Puts a claimed task back on the board: its agent gave up, or its claim was overwritten.
    mutating func relist(_ slot: Int32, _ world: inout World) {
        if let index = claimed.firstIndex(of: slot) {
            claimed.remove(at: index)
        }
        list(slot, &world)
    }

    private mutating func list(_ slot: Int32, _ world: inout World) {
        listed.append(slot)
        world.backlog[slot].enteredAtPick = picks
        world.backlog[slot].onBoard = true
    }

    /// A write that was not under the lock overwrote the latest claim (F2's lost update): that
    /// task is listed again while its agent still works on it, so it may be done twice.
    mutating func loseLatestClaim(_ world: inout World) {
        guard let victim = claimed.last else { return }
        world.counters.lostUpdates += 1
        relist(victim, &world)
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
