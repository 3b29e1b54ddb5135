/// The world's books, checked in full: what every event must leave true. Tests call
/// `invariantViolations` directly; a build with `-D SWARMSIM_INTERNAL_CHECKS` checks after every
/// event (`SwarmSimulation.checkInvariants`).
extension World {
    /// Every way the books do not balance, as sentences; empty when they do.
    ///
    /// - Time: each agent's booked hours plus its current activity's make the hours run so far,
    ///   and the activity totals are the agents' bookings.
    /// - Tasks: a task's `workers` count is the agents holding it plus the topology's holds
    ///   (`heldTasks`); nothing holds a freed slot; under `tolerant`, each open break on main has
    ///   one fix out; agents waiting for a green main wait, blocked, with no step pending.
    /// - Locks: a lock with agents in line is held; each agent in line waits for that lock and
    ///   nothing else, and never for a lock it holds.
    /// - Pools: no more units in use than there are, and nobody in line while one is free.
    /// - Complexity: O(agents + task slots + locks + waiting agents).
    func invariantViolations(topologyTasks: [Int32]) -> [String] {
        timeViolations() + taskViolations(topologyTasks: topologyTasks) + lockViolations()
            + poolViolations(buildSlots, name: "build slots") + poolViolations(gate, name: "commit gate")
    }

    private func timeViolations() -> [String] {
        var problems: [String] = []
        let tolerance = 1e-9 * max(1, now)
        for agent in agents.indices.agents {
            let tiled = bookedHours[agent] + (now - agents[agent].activitySince)
            if abs(tiled - now) > tolerance {
                problems.append("\(agent)'s activities add up to \(tiled) h of \(now)")
            }
        }
        let booked = bookedHours.reduce(0, +), counted = counters.activityHours.reduce(0, +)
        if abs(booked - counted) > tolerance * Double(max(1, agents.count)) {
            problems.append("activity totals hold \(counted) h, agents booked \(booked) h")
        }
        return problems
    }

    private func taskViolations(topologyTasks: [Int32]) -> [String] {
        var problems: [String] = []
        let live = backlog.pool.liveSlots()
        var holders = Array(repeating: Int32(0), count: live.count)
        func hold(_ slot: Int32, by holder: String) {
            guard slot >= 0, Int(slot) < live.count, live[Int(slot)] else {
                problems.append("\(holder) holds task slot \(slot), which holds no open task")
                return
            }
            holders[Int(slot)] += 1
        }
        for agent in agents.indices.agents where agents[agent].task >= 0 {
            hold(agents[agent].task, by: "\(agent)")
        }
        for slot in topologyTasks { hold(slot, by: "the topology") }
        for slot in live.indices where live[slot] && holders[slot] != backlog.pool.tasks[slot].workers {
            problems.append("task slot \(slot) counts \(backlog.pool.tasks[slot].workers) workers, but \(holders[slot]) hold it")
        }
        if let goal = config.tasks.count, counters.tasksDone > goal {
            problems.append("\(counters.tasksDone) tasks done of a goal of \(goal)")
        }
        if config.commits.policy == .tolerant {
            let fixesOut = live.indices.filter { live[$0] && backlog.pool.tasks[$0].isFix && !backlog.pool.tasks[$0].done }.count
            if fixesOut != main.openBreaks {
                problems.append("main has \(main.openBreaks) open breaks and \(fixesOut) fixes out")
            }
        }
        problems += main.invariantViolations()
        for (area, waiters) in fixWaiters.enumerated() where !waiters.isEmpty && !main.isRed(area: area) {
            problems.append("\(waiters.count) agents wait for area \(area) of main, which is green")
        }
        for agent in fixWaiters.joined() where agents[agent].activity != .blocked || agents[agent].step != .none {
            problems.append("\(agent) waits for a green main but is \(agents[agent].activity), step \(agents[agent].step)")
        }
        return problems
    }

    private func lockViolations() -> [String] {
        var problems: [String] = []
        var waitingFor = Array(repeating: Int32(-1), count: agents.count)
        for lock in 0..<Int32(locks.count) {
            let line = locks.waiting(for: lock)
            if !line.isEmpty && locks.holder[Int(lock)] == .free {
                problems.append("lock \(lock) is free with \(line.count) agents in line")
            }
            for agent in line {
                if waitingFor[agent] >= 0 { problems.append("\(agent) is in line for locks \(waitingFor[agent]) and \(lock)") }
                waitingFor[agent] = lock
                if agents[agent].awaitedLock != lock { problems.append("\(agent) is in line for lock \(lock) but awaits \(agents[agent].awaitedLock)") }
                if locks.holder[Int(lock)] == .agent(agent) { problems.append("\(agent) is in line for lock \(lock), which it holds") }
            }
        }
        return problems
    }

    private func poolViolations(_ pool: ResourcePool?, name: String) -> [String] {
        guard let pool else { return [] }
        if pool.inUse > pool.capacity || pool.inUse < 0 {
            return ["\(name): \(pool.inUse) in use of \(pool.capacity)"]
        }
        if !pool.line.isEmpty && pool.inUse < pool.capacity {
            return ["\(name): \(pool.line.count) in line while \(pool.capacity - pool.inUse) are free"]
        }
        return []
    }
}
