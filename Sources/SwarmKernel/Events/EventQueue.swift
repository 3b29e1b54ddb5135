/// The simulation clock and the events still to happen, in the order they will happen.
///
/// Events are ordered by the key `(time, sequence)`: `sequence` counts every `schedule` call, so
/// events due at the same time happen in the order they were scheduled. No two events share a key,
/// so the order is total and never depends on how the queue breaks ties internally.
///
/// Invariant: every pending event's time is at or after `now`, and `now` never decreases.
///
/// Events are plain values (typically an enum with integer payloads), so scheduling allocates
/// nothing once the queue has grown to the model's working size (its storage doubles when full and
/// never shrinks).
///
/// ## Implementation
///
/// A winner tree (tournament tree) over a power-of-two number of slots, in `EventTreeStorage`:
/// each internal node holds the slot of the earliest event below it, so the next event is at the
/// root, and scheduling or removing an event replays the log2(capacity) matches on its slot's path.
///
/// It replaced swift-collections' min-max `Heap` (and the HeapModule dependency) because it
/// measured faster on `swarmsim bench`, where the `Heap` took about 70% of the run at N = 1000. A
/// tuned implicit 4-ary heap written to replace it (hole-based sifts, branch-free choice of child,
/// a deferred pop) reached about 12 M task cycles/s at N = 1000 and 16 M at N = 20; this tree, with
/// everything else equal, about 15 M and 19.5 M, and 17 M and 20.5 M once its matches compared
/// times only (below). A replay is the same fixed sequence of loads, compares and conditional moves
/// whatever the keys, with no branch on their values, whereas a heap's sifts stop at unpredictable depths.
///
/// Three details carry much of the speed:
/// - Deferred pop: `popNext` leaves the taken event's slot in the tree ("pending"). The next
///   `schedule` reuses that slot, so pop-then-schedule costs one replay instead of two; a pop that
///   finds the slot still pending frees it with a replay of its own.
/// - Times are stored as order-preserving integers (`orderKey`), and a replay's matches compare
///   times alone: one compare and two conditional moves per level. Equal times met on the way are
///   noted on the side, and the path is then replayed comparing `(time, sequence)`; empty slots
///   have distinct keys, so only events that really share a time cause that (a model with many
///   simultaneous events pays up to a second, slower replay for those).
/// - The replay is written out level by level, not as a loop, because LLVM turns the conditional
///   moves of such a loop into (mispredicted) branches.
public struct EventQueue<Event> {
    @usableFromInline typealias Storage = EventTreeStorage<Event>

    @usableFromInline var storage: Storage
    @usableFromInline var nextSequence: UInt64 = 0

    @usableFromInline var _now: Double
    @usableFromInline var _processedCount: Int = 0

    /// The current simulated time, in hours.
    @inlinable public var now: Double { _now }
    /// How many events have been taken off the queue so far.
    @inlinable public var processedCount: Int { _processedCount }

    /// Creates an empty queue whose clock reads `startTime`.
    public init(startTime: Double = 0) {
        precondition(startTime.isFinite, "start time must be finite, got \(startTime)")
        _now = startTime
        storage = Storage(capacity: 16)
    }

    /// The number of events still to happen.
    @inlinable
    public var count: Int { storage.header.pointee.count }

    /// True when nothing remains to happen.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The time of the next event, if any.
    /// - Complexity: O(1), except straight after `popNext` (until the next `schedule` or
    ///   `popNext`), when the taken event's path is walked again: O(log n).
    @inlinable
    public var nextTime: Double? {
        guard storage.header.pointee.count > 0 else { return nil }
        let key = storage.header.pointee.pending < 0
            ? storage.keys[Int(storage.winners[1])] : storage.earliestExcludingPending()
        return Self.time(ofKey: key.time)
    }

    /// Schedules `event` to happen at the absolute time `time` (not before `now`).
    /// - Complexity: O(log n)
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double) {
        precondition(time >= now && time.isFinite, "event time \(time) is before the current time \(now) or not finite")
        let key = OrderKey(time: Self.orderKey(time), sequence: nextSequence)
        nextSequence &+= 1
        makeUnique()
        let slot: Int
        if storage.header.pointee.pending >= 0 {
            // The slot of the event popped last is still in the tree: reuse it, so that popping and
            // scheduling cost one replay between them.
            slot = storage.header.pointee.pending
            storage.header.pointee.pending = -1
        } else {
            if storage.header.pointee.freeCount == 0 { storage = storage.grown() }
            let free = storage.header.pointee.freeCount &- 1
            storage.header.pointee.freeCount = free
            slot = Int(storage.free[free])
        }
        storage.keys[slot] = key
        (storage.events + slot).initialize(to: event)
        storage.header.pointee.count &+= 1
        storage.replay(slot)
        checkInvariants()
    }

    /// Schedules `event` to happen `delay` hours from now.
    /// - Complexity: O(log n)
    @inlinable
    public mutating func schedule(_ event: Event, after delay: Double) {
        precondition(delay >= 0, "negative delay \(delay)")
        schedule(event, at: now + delay)
    }

    /// Removes the next event, advances the clock to its time and returns it; nil when empty.
    /// - Complexity: O(log n)
    @inlinable
    public mutating func popNext() -> Event? {
        makeUnique()
        let header = storage.header
        let pending = header.pointee.pending
        if pending >= 0 {
            // Nothing was scheduled since the last pop: free that event's slot now.
            header.pointee.pending = -1
            storage.keys[pending] = .empty(slot: pending)
            storage.free[header.pointee.freeCount] = UInt32(truncatingIfNeeded: pending)
            header.pointee.freeCount &+= 1
            storage.replay(pending)
        }
        guard header.pointee.count > 0 else { return nil }
        let slot = Int(storage.winners[1])
        header.pointee.count &-= 1
        header.pointee.pending = slot
        _now = Self.time(ofKey: storage.keys[slot].time)
        _processedCount &+= 1
        let event = (storage.events + slot).move()
        checkInvariants()
        return event
    }

    /// Moves the clock forward to `time` without processing anything.
    /// - Precondition: no pending event is due before `time`, and `time >= now`.
    public mutating func advanceClock(to time: Double) {
        precondition(time >= now, "cannot move the clock back from \(now) to \(time)")
        precondition((nextTime ?? .infinity) >= time, "an event is pending before \(time)")
        _now = time
    }

    // MARK: - Keys

    /// `time` as an unsigned integer with the same order (for finite times; -0 counts as +0): the
    /// sign bit is set for times >= 0, and every bit flipped for negative ones. Integers compare
    /// and select without branches, which doubles do not on x86-64.
    @inlinable @inline(__always)
    static func orderKey(_ time: Double) -> UInt64 {
        let bits = (time + 0).bitPattern  // -0 + 0 is +0
        let negative = UInt64(bitPattern: Int64(bitPattern: bits) >> 63)
        return bits ^ (negative | 0x8000_0000_0000_0000)
    }

    /// The time whose `orderKey` is `key`.
    @inlinable @inline(__always)
    static func time(ofKey key: UInt64) -> Double {
        let nonNegative = key >> 63
        return Double(bitPattern: key ^ ((nonNegative &- 1) | 0x8000_0000_0000_0000))
    }

    /// Copies the storage if it is shared, so that a change does not show through other copies.
    @inlinable @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { copyStorage() }
    }

    /// Replaces the shared storage by a copy of its own.
    @usableFromInline
    @inline(never)
    mutating func copyStorage() {
        storage = storage.copy()
    }
}
