import DequeModule

/// Who holds a lock.
enum LockHolder: Equatable {
    case free
    /// Held by nobody alive: forgotten or orphaned by a crash, cleared when the lease expires.
    case orphaned
    case agent(AgentID)
}

/// Mutual-exclusion locks (the board lock, file locks) as agents really use them (F2): FIFO
/// waiting or polling; a holder may forget to release (the lock stays until its lease runs out) or
/// crash holding it. The table only tracks ownership; the world decides when faults happen.
///
/// Invariant: a lock with waiters is never free (a release hands it to the first in line), and no
/// agent waits in line for a lock it holds.
struct LockTable {
    private(set) var holder: [LockHolder]
    private var waiters: [Deque<AgentID>]
    /// Bumped whenever a lock changes hands, so a stale lease expiry is ignored.
    private(set) var generation: [UInt32]

    init(count: Int) {
        holder = Array(repeating: .free, count: count)
        waiters = Array(repeating: Deque(), count: count)
        generation = Array(repeating: 0, count: count)
    }

    var count: Int { holder.count }

    func isFree(_ lock: Int32) -> Bool {
        holder[Int(lock)] == .free
    }

    /// Gives `lock` to `agent` if it is free; otherwise, with `queue`, puts the agent in line.
    mutating func acquire(_ lock: Int32, by agent: AgentID, queue: Bool) -> Bool {
        if holder[Int(lock)] == .free && waiters[Int(lock)].isEmpty {
            take(lock, agent)
            return true
        }
        if queue { waiters[Int(lock)].append(agent) }
        return false
    }

    /// Frees `lock` and hands it to the first agent in line, returned so the caller resumes it.
    mutating func release(_ lock: Int32) -> AgentID? {
        holder[Int(lock)] = .free
        generation[Int(lock)] &+= 1
        guard let next = waiters[Int(lock)].popFirst() else { return nil }
        take(lock, next)
        return next
    }

    /// Leaves `lock` held by nobody until `expire` is called with the returned generation.
    mutating func orphan(_ lock: Int32) -> UInt32 {
        holder[Int(lock)] = .orphaned
        generation[Int(lock)] &+= 1
        return generation[Int(lock)]
    }

    /// The lease of an orphaned lock ran out: free it (as `release`) unless it changed hands since.
    mutating func expire(_ lock: Int32, generation expected: UInt32) -> (cleared: Bool, next: AgentID?) {
        guard generation[Int(lock)] == expected, holder[Int(lock)] == .orphaned else { return (false, nil) }
        return (true, release(lock))
    }

    /// The agents waiting in line for `lock`, first first.
    func waiting(for lock: Int32) -> Deque<AgentID> {
        waiters[Int(lock)]
    }

    private mutating func take(_ lock: Int32, _ agent: AgentID) {
        holder[Int(lock)] = .agent(agent)
        generation[Int(lock)] &+= 1
    }
}
