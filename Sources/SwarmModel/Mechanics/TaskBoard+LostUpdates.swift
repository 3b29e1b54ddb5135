/// Lost updates (F2): the board is one file, read at the start of an operation and written whole
/// at its end, so a write made on a stale copy puts back the entries as its writer read them. Every
/// claim and done mark written since is undone, newest first:
///
/// - a done mark goes back to the claim it replaced: the claim of a peer that has moved on, which
///   takes it up again when it next claims work (the board is its record of what it has to do), or,
///   if that claim was written after the stale read too, the task is listed open again for anyone
///   to claim: either way the finished task is done a second time;
/// - a claim goes back to a listing: its peer works on, unaware, and its change is discarded when it
///   finds its claim gone as it lands, its time wasted; meanwhile another peer may claim the task.
///
/// Listings are not lost: each writer tops the list up from the goal, in the goal's order, so a
/// task a stale copy lacked is listed again. A write under the lock or with a passed version check
/// read a board nobody else wrote since, except writers who skip the lock: a peer holding the lock
/// undoes only their updates.
extension TaskBoard {
    /// Undoes the updates written after `read` (only unguarded ones when `unguardedOnly`), compacting
    /// each list in place (so nothing is copied or allocated).
    /// - Complexity: O(entries), and nothing when no such update exists.
    mutating func undoUpdates(after read: Double, unguardedOnly: Bool, _ world: inout World) {
        guard (unguardedOnly ? lastUnguardedWrite : lastWrite) > read else { return }
        func lost(_ stamp: Stamp) -> Bool {
            stamp.time > read && !(unguardedOnly && stamp.guarded)
        }
        var kept = 0
        for index in doneMarks.indices {
            let mark = doneMarks[index]
            if lost(mark.done) {
                world.counters.lostUpdates += 1
                doneEntries -= 1
                claimed.append(mark.claim)
                mayHoldStaleClaims = true
            } else {
                doneMarks[kept] = mark
                kept += 1
            }
        }
        doneMarks.removeLast(doneMarks.count - kept)
        for claim in claimed where lost(claim.claimed) {
            world.counters.lostUpdates += 1
            list(claim.slot, &world)
        }
        claimed.removeAll { lost($0.claimed) }
    }

    /// A claim in agent `a`'s name on a task it does not hold: one a stale write restored when it
    /// undid `a`'s done mark. The board being the peers' record of who does what, `a` takes it up
    /// as its next task, and so does a finished task again.
    func staleClaim(of a: AgentID) -> Int32? {
        guard mayHoldStaleClaims else { return nil }
        let holding = claimOf[a]
        let ownClaims = holding >= 0 && claimed.claim(on: holding)?.agent == a ? 1 : 0
        guard claimed.claims(by: a) > ownClaims else { return nil }
        return claimed.first { $0.agent == a && $0.slot != holding }?.slot
    }

    /// Forgets done marks no write in progress can undo (every operation in progress read the board
    /// after them; later ones will read it later still), freeing their tasks. Runs when the marks
    /// reach a threshold that doubles with the marks kept, so it costs O(1) per mark amortised.
    mutating func pruneDoneMarks(_ world: inout World) {
        guard doneMarks.count >= doneMarksPruneAt else { return }
        let oldestRead = oldestOperationRead()
        var kept = 0
        for index in doneMarks.indices {
            let mark = doneMarks[index]
            if mark.done.time <= oldestRead {
                takeOff(mark.claim.slot, &world)
            } else {
                doneMarks[kept] = mark
                kept += 1
            }
        }
        doneMarks.removeLast(doneMarks.count - kept)
        doneMarksPruneAt = max(16, 2 * kept)
    }
}

extension TaskBoard {
    /// When the oldest operation still in progress read the board (infinity: none is), in O(1)
    /// amortised rather than a scan of every peer: reads are made at the current time, so the first
    /// begun operation still in progress read first. Ended ones are dropped from the front as they
    /// surface, and all at once if they pile up behind a long operation, so the list stays
    /// within twice the peers.
    mutating func oldestOperationRead() -> Double {
        while let first = reads.first, readAt[first.agent] != first.time {
            reads.removeFirst()
        }
        if reads.count > 2 * readAt.count + 16 {
            reads.removeAll { readAt[$0.agent] != $0.time }
        }
        return reads.first?.time ?? .infinity
    }
}
