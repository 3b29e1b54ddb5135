import DequeModule

/// A change handed over for review and merge instead of landed by its author (integrator,
/// continuous-executor): what the reviewer needs to know of the attempt.
struct HandedOverChange {
    let task: Int32
    let correct: Bool
    let misaligned: Bool
    let baseCommit: Int
    let submittedAt: Double
}

/// Changes waiting for review, first come first served, with the time-average of their number
/// kept in the run's counters (`integrator_queue_mean`).
struct ReviewQueue {
    private var changes = Deque<HandedOverChange>()
    /// When the queue length last changed (for its time average).
    private var since = 0.0

    var count: Int { changes.count }
    var isEmpty: Bool { changes.isEmpty }
    /// The tasks of the changes waiting, first in line first.
    var tasks: [Int32] { changes.map(\.task) }

    /// Agent `a` hands its built change over: it joins the queue and the agent's hand is empty.
    mutating func append(from a: AgentID, _ world: inout World) {
        let agent = world.agents[a]
        noteChange(&world)
        changes.append(HandedOverChange(task: agent.task, correct: agent.attemptCorrect, misaligned: agent.attemptMisaligned,
                                        baseCommit: agent.baseCommit, submittedAt: world.now))
        world.agents[a].task = -1  // the change, not its author, now holds the task
    }

    /// The first change in line, taken out of the queue; nil when none waits.
    mutating func popFirst(_ world: inout World) -> HandedOverChange? {
        guard !changes.isEmpty else { return nil }
        noteChange(&world)
        return changes.removeFirst()
    }

    private mutating func noteChange(_ world: inout World) {
        world.counters.integratorQueueArea += Double(changes.count) * (world.now - since)
        since = world.now
    }
}
