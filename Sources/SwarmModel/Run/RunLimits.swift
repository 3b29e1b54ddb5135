/// What may end a run before its simulated time is up: an event budget, so that parameters that
/// make events pile up at one instant (a cycle or poll interval near zero) or a run far longer than
/// meant end with an error instead of running forever, and a stop request (Ctrl-C, SIGTERM), so
/// that a long run in progress can be stopped. Both are checked every `checkInterval` events, so
/// the checks cost nothing measurable and never change a run that ends normally.
public struct RunLimits: Sendable {
    /// Events one run may process before it is ended as runaway.
    public let maxEvents: Int
    /// Asked every `checkInterval` events; true ends the run as interrupted.
    public let shouldStop: @Sendable () -> Bool

    /// Events between two checks.
    public static let checkInterval = 4096
    /// Events per agent per simulated hour the default budget allows: one every 0.36 simulated
    /// seconds per agent, about a thousand times what the bundled scenarios make.
    public static let eventsPerAgentHour = 10_000.0
    /// Events every run may process whatever its size.
    public static let baseEvents = 10_000_000.0

    public init(maxEvents: Int, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.maxEvents = maxEvents
        self.shouldStop = shouldStop
    }

    /// No budget and no stop: for canonical runs and tests.
    public static let unlimited = RunLimits(maxEvents: Int.max)

    /// The default budget of a run of `agents` agents over `hours` simulated hours:
    /// `baseEvents + eventsPerAgentHour * agents * hours`, capped at `Int.max`.
    public static func defaultMaxEvents(agents: Int, hours: Double) -> Int {
        let events = baseEvents + eventsPerAgentHour * Double(agents) * max(hours, 0)
        return events >= Double(Int.max) ? Int.max : Int(events)
    }
}

/// Why a run ended before its simulated time was up.
public enum RunStopped: Error, Sendable, Equatable {
    /// Its stop request was answered.
    case interrupted
    /// It spent its event budget (`events`) at simulated hour `reachedHour`; `busiest` names the
    /// kind of event that filled most of the last check interval.
    case eventBudgetSpent(events: Int, reachedHour: Double, busiest: String)
}
