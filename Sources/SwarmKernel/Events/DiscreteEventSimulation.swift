/// A model driven by an `EventQueue`: the kernel's whole contract is "handle the next event".
///
/// Conformers keep their state in plain arrays indexed by integers and react to one event at a time,
/// scheduling further events on `events`. The run loops here are the only place that pops events,
/// so every model shares one definition of time and of where a run stops.
public protocol DiscreteEventSimulation {
    associatedtype Event
    /// The model's clock and pending events.
    var events: EventQueue<Event> { get set }
    /// Reacts to `event`, which has just happened at `events.now`.
    mutating func handle(_ event: Event)
}

extension DiscreteEventSimulation {
    /// Processes the next event. Returns false when nothing is left to happen.
    @inlinable
    @discardableResult
    public mutating func step() -> Bool {
        guard let event = events.popNext() else { return false }
        handle(event)
        return true
    }

    /// Processes every event due strictly before `time`, then sets the clock to `time`.
    ///
    /// As in SimPy, the stop takes precedence over events due exactly at `time`: they stay pending,
    /// so a later `run(until:)` continues the same trajectory as one longer run would.
    @inlinable
    public mutating func run(until time: Double) {
        precondition(time >= events.now, "until (\(time)) must not be before the current time (\(events.now))")
        while let next = events.nextTime, next < time {
            step()
        }
        events.advanceClock(to: time)
    }

    /// Processes events until none is left.
    @inlinable
    public mutating func runUntilIdle() {
        while step() {}
    }
}
