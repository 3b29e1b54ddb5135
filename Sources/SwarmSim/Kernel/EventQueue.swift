import HeapModule

/// The simulation clock and the events still to happen, in the order they will happen.
///
/// Events are ordered by the key `(time, sequence)`: `sequence` counts every `schedule` call, so
/// events due at the same time happen in the order they were scheduled. No two entries share a key,
/// so the order never depends on how the heap treats equal elements (which `Heap` leaves unspecified).
///
/// Invariant: every pending event's time is at or after `now`, and `now` never decreases.
///
/// Events are plain values (typically an enum with integer payloads), so scheduling allocates
/// nothing once the heap has grown to the model's working size.
public struct EventQueue<Event> {
    @usableFromInline
    struct Entry: Comparable {
        @usableFromInline let time: Double
        @usableFromInline let sequence: UInt64
        @usableFromInline let event: Event

        @inlinable
        init(time: Double, sequence: UInt64, event: Event) {
            self.time = time
            self.sequence = sequence
            self.event = event
        }

        @inlinable
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
        }

        @inlinable
        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time == rhs.time && lhs.sequence == rhs.sequence
        }
    }

    @usableFromInline var heap: Heap<Entry>
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
        heap = Heap()
    }

    /// The number of events still to happen.
    public var count: Int { heap.count }
    /// True when nothing remains to happen.
    public var isEmpty: Bool { heap.isEmpty }
    /// The time of the next event, if any.
    /// - Complexity: O(1)
    public var nextTime: Double? { heap.min?.time }

    /// Schedules `event` to happen at the absolute time `time` (not before `now`).
    /// - Complexity: O(log n)
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double) {
        precondition(time >= now && time.isFinite, "event time \(time) is before the current time \(now) or not finite")
        heap.insert(Entry(time: time, sequence: nextSequence, event: event))
        nextSequence &+= 1
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
        guard let entry = heap.popMin() else { return nil }
        _now = entry.time
        _processedCount &+= 1
        return entry.event
    }

    /// Moves the clock forward to `time` without processing anything.
    /// - Precondition: no pending event is due before `time`, and `time >= now`.
    public mutating func advanceClock(to time: Double) {
        precondition(time >= now, "cannot move the clock back from \(now) to \(time)")
        precondition((nextTime ?? .infinity) >= time, "an event is pending before \(time)")
        _now = time
    }
}
