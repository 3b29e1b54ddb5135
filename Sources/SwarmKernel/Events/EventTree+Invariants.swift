/// The structure `EventTreeStorage` promises, checked in full: what a change to the tree must
/// keep (swift-collections' `_checkInvariants` habit).
extension EventTreeStorage {
    /// Every way the tree breaks its invariant, as sentences; empty when it holds.
    ///
    /// - Slots: `count` events, `freeCount` free and at most one pending slot make `capacity`; the
    ///   free stack holds distinct slots, each with its empty key.
    /// - Winners: every internal node holds the earliest key of its subtree.
    /// - Complexity: O(capacity).
    package func structureViolations() -> [String] {
        var problems: [String] = []
        let header = self.header.pointee
        let capacity = header.capacity
        let pending = header.pending
        if header.count + header.freeCount + (pending >= 0 ? 1 : 0) != capacity {
            problems.append("\(header.count) events, \(header.freeCount) free and pending \(pending) do not make \(capacity) slots")
        }
        var isFree = Array(repeating: false, count: capacity)
        for index in 0..<min(header.freeCount, capacity) {
            let slot = Int(free[index])
            guard slot < capacity, !isFree[slot], slot != pending else {
                problems.append("free stack entry \(index) (slot \(slot)) is out of range, repeated or pending")
                continue
            }
            isFree[slot] = true
            if keys[slot].time != OrderKey.empty(slot: slot).time {
                problems.append("free slot \(slot) has a key")
            }
        }
        for slot in 0..<capacity where !isFree[slot] && slot != pending && times[slot] >= OrderKey.firstEmptyTime {
            problems.append("slot \(slot) is neither free, pending nor holding an event")
        }
        var earliest = Array(repeating: 0, count: capacity)
        var node = capacity - 1
        while node >= 1 {
            let left = 2 * node, right = left + 1
            let a = left >= capacity ? left - capacity : earliest[left]
            let b = right >= capacity ? right - capacity : earliest[right]
            earliest[node] = keys[b].precedes(keys[a]) ? b : a
            if Int(winners[node]) != earliest[node] {
                problems.append("node \(node) names slot \(winners[node]), but slot \(earliest[node]) is earliest in its subtree")
            }
            node -= 1
        }
        return problems
    }
}

extension EventQueue {
    /// Every way the queue breaks its invariant (the tree's structure, and no event before `now`).
    @usableFromInline
    package func invariantViolations() -> [String] {
        var problems = storage.structureViolations()
        if let next = nextTime, next < now {
            problems.append("the next event is at \(next), before the clock (\(now))")
        }
        return problems
    }

    /// Stops the program when the queue breaks its invariant: a full check after every change when
    /// built with `-D SWARMSIM_INTERNAL_CHECKS`, nothing otherwise.
    @inlinable @inline(__always)
    package func checkInvariants() {
        #if SWARMSIM_INTERNAL_CHECKS
        let problems = invariantViolations()
        // fatalError, unlike precondition, prints its message in optimised builds.
        if !problems.isEmpty { fatalError("event queue invariant broken: \(problems.joined(separator: "; "))") }
        #endif
    }
}
