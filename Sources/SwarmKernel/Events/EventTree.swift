/// An event's place in the order: its time as an order-preserving integer
/// (`EventQueue.orderKey`), then its sequence number.
@usableFromInline
struct OrderKey {
    @usableFromInline var time: UInt64
    @usableFromInline var sequence: UInt64

    @inlinable @inline(__always)
    init(time: UInt64, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
    }

    /// The key of empty slot `slot`: its time is `UInt64.max - slot`, after every real key (the
    /// latest finite time maps to 0xFFEF_FFFF_FFFF_FFFF) and different for each slot, so that two
    /// empty slots never tie on time.
    @inlinable @inline(__always)
    static func empty(slot: Int) -> OrderKey { OrderKey(time: .max &- UInt64(slot), sequence: .max) }

    /// Times from here up belong to empty slots (slots number at most 2^30).
    @inlinable
    static var firstEmptyTime: UInt64 { .max - (1 << 30) }

    /// True when `self` comes strictly before `other`: earlier time, or the same time and scheduled
    /// earlier.
    @inlinable @inline(__always)
    func precedes(_ other: OrderKey) -> Bool {
        time == other.time ? sequence < other.sequence : time < other.time
    }
}

/// The keys of all slots, kept as two arrays (times, sequences) so that a slot number indexes both
/// with the processor's scaled addressing.
@usableFromInline
struct OrderKeys {
    @usableFromInline let times: UnsafeMutablePointer<UInt64>
    @usableFromInline let sequences: UnsafeMutablePointer<UInt64>

    @inlinable @inline(__always)
    init(times: UnsafeMutablePointer<UInt64>, sequences: UnsafeMutablePointer<UInt64>) {
        self.times = times
        self.sequences = sequences
    }

    @inlinable
    subscript(slot: Int) -> OrderKey {
        @inline(__always) get { OrderKey(time: times[slot], sequence: sequences[slot]) }
        @inline(__always) nonmutating set {
            times[slot] = newValue.time
            sequences[slot] = newValue.sequence
        }
    }
}

/// The bookkeeping of an `EventTreeStorage`.
@usableFromInline
struct EventTreeHeader {
    /// Events still to happen (the pending slot's event, already taken, not counted).
    @usableFromInline var count: Int
    /// Slots: a power of two, at least 2.
    @usableFromInline var capacity: Int
    /// Entries in `free`.
    @usableFromInline var freeCount: Int
    /// The slot of the event the last `popNext` took, still in the tree with its old key, or -1.
    @usableFromInline var pending: Int

    @inlinable
    init(count: Int, capacity: Int, freeCount: Int, pending: Int) {
        self.count = count
        self.capacity = capacity
        self.freeCount = freeCount
        self.pending = pending
    }
}

/// The storage of `EventQueue`: a winner tree over `capacity` slots.
///
/// Slot s holds one event and its key, or is empty (key `.empty(slot: s)`). Internal node i, for i in
/// 1..<capacity, holds the slot of the earliest key in its subtree; its children are nodes 2i and
/// 2i + 1, and node capacity + s stands for slot s (not stored). Node 1 is the root, so the next
/// event is `winners[1]`.
///
/// A class so that `EventQueue` keeps value semantics by copy-on-write: the queue checks uniqueness
/// once per operation, then works through the `let` pointers, which (unlike a class's stored
/// `var`s, or `ManagedBuffer`'s closure-based access) cost no run-time exclusivity checks.
@usableFromInline
final class EventTreeStorage<Event> {
    @usableFromInline let header: UnsafeMutablePointer<EventTreeHeader>
    /// Per slot: its key's time (`OrderKey.firstEmptyTime` or above when empty).
    @usableFromInline let times: UnsafeMutablePointer<UInt64>
    /// Per slot: its key's sequence (`UInt64.max` when empty).
    @usableFromInline let sequences: UnsafeMutablePointer<UInt64>
    /// Per slot: its event, initialised exactly for the slots with a key other than `pending`.
    @usableFromInline let events: UnsafeMutablePointer<Event>
    /// Per internal node (index 0 unused): the winning slot of its subtree.
    @usableFromInline let winners: UnsafeMutablePointer<UInt32>
    /// The empty slots, as a stack of `header.freeCount` entries.
    @usableFromInline let free: UnsafeMutablePointer<UInt32>

    @inlinable
    var keys: OrderKeys { OrderKeys(times: times, sequences: sequences) }

    /// Empty storage with `capacity` slots (a power of two from 2 to 2^30).
    @usableFromInline
    init(capacity: Int) {
        precondition(capacity >= 2 && capacity <= 1 << 30 && capacity & (capacity - 1) == 0,
                     "event queue capacity must be a power of two in 2...2^30, got \(capacity)")
        header = .allocate(capacity: 1)
        header.initialize(to: EventTreeHeader(count: 0, capacity: capacity, freeCount: capacity, pending: -1))
        times = .allocate(capacity: capacity)
        sequences = .allocate(capacity: capacity)
        for slot in 0..<capacity { (times + slot).initialize(to: OrderKey.empty(slot: slot).time) }
        sequences.initialize(repeating: OrderKey.empty(slot: 0).sequence, count: capacity)
        events = .allocate(capacity: capacity)
        winners = .allocate(capacity: capacity)
        winners.initialize(repeating: 0, count: capacity)
        free = .allocate(capacity: capacity)
        // Lowest slots on top, so that a small queue stays in the first slots.
        for i in 0..<capacity { free[i] = UInt32(capacity - 1 - i) }
        rebuild()
    }

    deinit {
        let pending = header.pointee.pending
        for slot in 0..<header.pointee.capacity where times[slot] < OrderKey.firstEmptyTime && slot != pending {
            (events + slot).deinitialize(count: 1)
        }
        header.deallocate()
        times.deallocate()
        sequences.deallocate()
        events.deallocate()
        winners.deallocate()
        free.deallocate()
    }

    /// Recomputes every internal node from the slots' keys.
    @usableFromInline
    func rebuild() {
        let capacity = header.pointee.capacity
        var node = capacity - 1
        while node >= 1 {
            let left = 2 * node
            let right = left + 1
            let a = left >= capacity ? left - capacity : Int(winners[left])
            let b = right >= capacity ? right - capacity : Int(winners[right])
            winners[node] = UInt32(truncatingIfNeeded: keys[b].precedes(keys[a]) ? b : a)
            node -= 1
        }
    }

    /// Plays the matches on slot `slot`'s path to the root again, after its key changed.
    ///
    /// Written out level by level (a switch on the height whose cases fall through) rather than as
    /// a loop: LLVM turns the conditional moves of a loop whose carried value depends on them into
    /// branches, and which side wins a match is unpredictable.
    @usableFromInline
    func replay(_ slot: Int) {
        let capacity = header.pointee.capacity
        let times = self.times
        let winners = self.winners
        // The matches compare times only (one compare and conditional moves per level); any equal
        // times met on the way are noted on the side, and then the path is played again with
        // sequences (`replayExactly`): rare unless many events share a time (empty slots never tie).
        let neighbour = slot ^ 1
        var winnerTime = times[slot]
        var winnerSlot = slot
        var ties: UInt64 = 0
        var node = capacity &+ slot
        @inline(__always)
        func play(_ rivalSlot: Int) {
            let rivalTime = times[rivalSlot]
            let (difference, rivalEarlier) = rivalTime.subtractingReportingOverflow(winnerTime)
            ties |= difference == 0 ? 1 : 0
            winnerSlot = rivalEarlier ? rivalSlot : winnerSlot
            winnerTime = rivalEarlier ? rivalTime : winnerTime
            node >>= 1
            winners[node] = UInt32(truncatingIfNeeded: winnerSlot)
        }
        @inline(__always)
        func level() { play(Int(winners[node ^ 1])) }
        play(neighbour)
        switch capacity.trailingZeroBitCount {
        case 30: level(); fallthrough
        case 29: level(); fallthrough
        case 28: level(); fallthrough
        case 27: level(); fallthrough
        case 26: level(); fallthrough
        case 25: level(); fallthrough
        case 24: level(); fallthrough
        case 23: level(); fallthrough
        case 22: level(); fallthrough
        case 21: level(); fallthrough
        case 20: level(); fallthrough
        case 19: level(); fallthrough
        case 18: level(); fallthrough
        case 17: level(); fallthrough
        case 16: level(); fallthrough
        case 15: level(); fallthrough
        case 14: level(); fallthrough
        case 13: level(); fallthrough
        case 12: level(); fallthrough
        case 11: level(); fallthrough
        case 10: level(); fallthrough
        case 9: level(); fallthrough
        case 8: level(); fallthrough
        case 7: level(); fallthrough
        case 6: level(); fallthrough
        case 5: level(); fallthrough
        case 4: level(); fallthrough
        case 3: level(); fallthrough
        case 2: level()
        default: break  // capacity 2: the bottom match was the root's
        }
        if ties != 0 { replayExactly(slot) }
    }

    /// `replay` with full `(time, sequence)` comparisons, for paths that meet equal times.
    @usableFromInline
    @inline(never)
    func replayExactly(_ slot: Int) {
        let capacity = header.pointee.capacity
        var winnerSlot = slot
        var node = capacity &+ slot
        while node > 1 {
            let sibling = node ^ 1
            let rivalSlot = sibling >= capacity ? sibling &- capacity : Int(winners[sibling])
            if keys[rivalSlot].precedes(keys[winnerSlot]) { winnerSlot = rivalSlot }
            node >>= 1
            winners[node] = UInt32(truncatingIfNeeded: winnerSlot)
        }
    }

    /// The earliest key other than the pending slot's (which must be set, with at least one other
    /// event in the queue): the pending slot's path played as if it were empty, without writing.
    @usableFromInline
    func earliestExcludingPending() -> OrderKey {
        let capacity = header.pointee.capacity
        let slot = header.pointee.pending
        var winner = keys[slot ^ 1]
        var node = (capacity &+ slot) >> 1
        while node > 1 {
            let rival = keys[Int(winners[node ^ 1])]
            winner = rival.precedes(winner) ? rival : winner
            node >>= 1
        }
        return winner
    }

    /// A copy with the same contents, pending slot included.
    @usableFromInline
    @inline(never)
    func copy() -> EventTreeStorage<Event> {
        let capacity = header.pointee.capacity
        let fresh = EventTreeStorage(capacity: capacity)
        fresh.header.pointee = header.pointee
        fresh.times.update(from: times, count: capacity)
        fresh.sequences.update(from: sequences, count: capacity)
        fresh.winners.update(from: winners, count: capacity)
        fresh.free.update(from: free, count: capacity)
        let pending = header.pointee.pending
        for slot in 0..<capacity where times[slot] < OrderKey.firstEmptyTime && slot != pending {
            (fresh.events + slot).initialize(to: events[slot])
        }
        return fresh
    }

    /// Storage with twice the slots and the same events (in the same slots); `self`, which must be
    /// full with no pending slot, is left empty.
    @usableFromInline
    @inline(never)
    func grown() -> EventTreeStorage<Event> {
        precondition(header.pointee.pending < 0 && header.pointee.freeCount == 0, "grown() before the storage is full")
        let capacity = header.pointee.capacity
        let fresh = EventTreeStorage(capacity: capacity * 2)
        fresh.times.update(from: times, count: capacity)
        fresh.sequences.update(from: sequences, count: capacity)
        for slot in 0..<capacity where times[slot] < OrderKey.firstEmptyTime {
            (fresh.events + slot).moveInitialize(from: events + slot, count: 1)
            times[slot] = OrderKey.empty(slot: slot).time
        }
        // The new upper half is free, lowest slots on top.
        for i in 0..<capacity { fresh.free[i] = UInt32(2 * capacity - 1 - i) }
        fresh.header.pointee = EventTreeHeader(
            count: header.pointee.count, capacity: 2 * capacity, freeCount: capacity, pending: -1)
        fresh.rebuild()
        header.pointee.count = 0
        return fresh
    }
}
