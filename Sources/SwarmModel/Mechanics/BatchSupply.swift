import DequeModule

/// Work a planner hands down to a sub-planner: leave to write `tasks` tasks of the sub-planner's
/// slice, in one direction. A batch written by a misaligned planner, or cut from a misaligned
/// batch, is misaligned, and so is every batch cut from it: misalignment passes down the
/// hierarchy uncorrected until a planner writes tasks from it (`World.followMisalignedBatch`).
struct Batch {
    var tasks: Int
    let misaligned: Bool
}

/// A sub-planner's supply of batches from its planner, oldest first. It asks for the next batch
/// once at most half a batch is left, so in steady state the next one arrives before the last runs
/// out; with nothing left it cannot write and waits, blocked.
struct BatchSupply {
    /// Tasks in a full batch: one per worker the sub-planner leads, directly or below.
    let size: Int
    private var batches = Deque<Batch>()
    /// Tasks left in every batch held.
    private(set) var available = 0
    /// A batch has been asked for and not yet handed down.
    var requested = false

    init(size: Int) {
        self.size = size
    }

    /// Whether to ask for the next batch now: none is on its way and at most half a batch is left.
    var wantsMore: Bool { !requested && available * 2 <= size }

    /// The direction of the oldest batch, which the next task or batch made from it takes.
    var nextMisaligned: Bool { batches.first?.misaligned ?? false }

    /// A batch handed down arrives.
    mutating func receive(_ batch: Batch) {
        requested = false
        guard batch.tasks > 0 else { return }
        batches.append(batch)
        available += batch.tasks
    }

    /// Takes up to `count` tasks from the oldest batch (never across two batches, so what is taken
    /// has one direction); returns how many.
    mutating func take(upTo count: Int) -> Int {
        guard let first = batches.first else { return 0 }
        let taken = min(count, first.tasks)
        if taken == first.tasks {
            batches.removeFirst()
        } else {
            batches[batches.startIndex].tasks -= taken
        }
        available -= taken
        return taken
    }

    /// Every way the supply's books are off, as sentences.
    func invariantViolations() -> [String] {
        let held = batches.reduce(0) { $0 + $1.tasks }
        if held != available || batches.contains(where: { $0.tasks <= 0 }) {
            return ["batches hold \(held) tasks but \(available) are counted available"]
        }
        return []
    }
}
