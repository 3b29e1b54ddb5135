import DequeModule

/// Mutual-exclusion locks (the board lock, file locks) as agents really use them (F2): FIFO
/// waiting or polling; a holder may forget to release (the lock stays until its lease runs out) or
/// crash holding it. The table only tracks ownership; the world decides when faults happen.
struct LockTable {
    static let free: Int32 = -1
    /// Held by nobody alive: forgotten or orphaned by a crash, cleared when the lease expires.
    static let orphaned: Int32 = -2

    private(set) var holder: [Int32]
    private var waiters: [Deque<Int32>]
    /// Bumped whenever a lock changes hands, so a stale lease expiry is ignored.
    private(set) var generation: [UInt32]

    init(count: Int) {
        holder = Array(repeating: LockTable.free, count: count)
        waiters = Array(repeating: Deque(), count: count)
        generation = Array(repeating: 0, count: count)
    }

    func isFree(_ lock: Int32) -> Bool {
        holder[Int(lock)] == LockTable.free
    }

    /// Gives `lock` to `agent` if it is free; otherwise, with `queue`, puts the agent in line.
    mutating func acquire(_ lock: Int32, by agent: Int32, queue: Bool) -> Bool {
        if holder[Int(lock)] == LockTable.free && waiters[Int(lock)].isEmpty {
            take(lock, agent)
            return true
        }
        if queue { waiters[Int(lock)].append(agent) }
        return false
    }

    /// Frees `lock` and hands it to the first agent in line, returned so the caller resumes it.
    mutating func release(_ lock: Int32) -> Int32? {
        holder[Int(lock)] = LockTable.free
        generation[Int(lock)] &+= 1
        guard let next = waiters[Int(lock)].popFirst() else { return nil }
        take(lock, next)
        return next
    }

    /// Leaves `lock` held by nobody until `expire` is called with the returned generation.
    mutating func orphan(_ lock: Int32) -> UInt32 {
        holder[Int(lock)] = LockTable.orphaned
        generation[Int(lock)] &+= 1
        return generation[Int(lock)]
    }

    /// The lease of an orphaned lock ran out: free it (as `release`) unless it changed hands since.
    mutating func expire(_ lock: Int32, generation expected: UInt32) -> (cleared: Bool, next: Int32?) {
        guard generation[Int(lock)] == expected, holder[Int(lock)] == LockTable.orphaned else { return (false, nil) }
        return (true, release(lock))
    }

    private mutating func take(_ lock: Int32, _ agent: Int32) {
        holder[Int(lock)] = agent
        generation[Int(lock)] &+= 1
    }
}
