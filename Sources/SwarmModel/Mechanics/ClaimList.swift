/// The claims on a board in the order they were written, with lookup and removal by task slot in
/// O(1) (amortised), so that landing or abandoning a task does not scan every peer's claim. A task
/// has at most one claim.
struct ClaimList: Sequence {
    /// Claims in writing order, nil where one was removed.
    private var entries: [TaskBoard.Claim?] = []
    /// Indexed by task slot: the index of its claim in `entries`, or -1.
    private var indexOfSlot: [Int32] = []
    /// Claims held.
    private(set) var count = 0
    /// Indexed by agent: the claims in its name (more than one only when a stale write restored one).
    private var countByAgent: [Int32] = []

    /// The number of claims in agent `a`'s name.
    func claims(by a: AgentID) -> Int {
        a.index < countByAgent.count ? Int(countByAgent[a]) : 0
    }

    /// The claim on task `slot`, if any.
    func claim(on slot: Int32) -> TaskBoard.Claim? {
        guard Int(slot) < indexOfSlot.count, case let index = indexOfSlot[Int(slot)], index >= 0 else { return nil }
        return entries[Int(index)]
    }

    /// Adds a claim on a task that has none, as the newest.
    mutating func append(_ claim: TaskBoard.Claim) {
        if Int(claim.slot) >= indexOfSlot.count {
            indexOfSlot.append(contentsOf: repeatElement(-1, count: Int(claim.slot) + 1 - indexOfSlot.count))
        }
        if claim.agent.index >= countByAgent.count {
            countByAgent.append(contentsOf: repeatElement(0, count: claim.agent.index + 1 - countByAgent.count))
        }
        indexOfSlot[Int(claim.slot)] = Int32(entries.count)
        entries.append(claim)
        count += 1
        countByAgent[claim.agent] += 1
    }

    /// Removes and returns the claim on task `slot`, if any.
    @discardableResult
    mutating func remove(on slot: Int32) -> TaskBoard.Claim? {
        guard let claim = claim(on: slot) else { return nil }
        entries[Int(indexOfSlot[Int(slot)])] = nil
        indexOfSlot[Int(slot)] = -1
        count -= 1
        countByAgent[claim.agent] -= 1
        if entries.count > 32 && entries.count > 2 * count { compact() }
        return claim
    }

    /// Removes every claim `isRemoved` selects, keeping the order of the rest.
    mutating func removeAll(where isRemoved: (TaskBoard.Claim) -> Bool) {
        for index in entries.indices {
            if let claim = entries[index], isRemoved(claim) {
                entries[index] = nil
                indexOfSlot[Int(claim.slot)] = -1
                count -= 1
                countByAgent[claim.agent] -= 1
            }
        }
        compact()
    }

    /// Drops the holes removals left, keeping the order: O(entries), run once the holes outnumber
    /// the claims, so O(1) per removal amortised.
    private mutating func compact() {
        var kept = 0
        for index in entries.indices {
            guard let claim = entries[index] else { continue }
            entries[kept] = claim
            indexOfSlot[Int(claim.slot)] = Int32(kept)
            kept += 1
        }
        entries.removeLast(entries.count - kept)
    }

    func makeIterator() -> some IteratorProtocol<TaskBoard.Claim> {
        entries.lazy.compactMap { $0 }.makeIterator()
    }
}
