import DequeModule

/// The M/M/c queue as a simulation: Poisson arrivals, `servers` identical servers, FIFO waiting.
///
/// Reference model for the open-queue tests (Erlang C and Little's law). It records the mean wait
/// of served customers and the time-average number in the system, measured independently so that
/// Little's law L = lambda W is a real check on the kernel's clock, not an identity.
public struct OpenQueueSystem: DiscreteEventSimulation {
    public enum Event {
        case arrival
        case departure(arrivedAt: Double)
    }

    public var events = EventQueue<Event>()
    let interarrival: Distribution
    let service: Distribution
    var arrivalRandom: Xoshiro256StarStar
    var serviceRandom: Xoshiro256StarStar
    let servers: Int
    var busy = 0
    var queue = Deque<Double>()
    var lastChange = 0.0

    /// Customers whose service has started since the statistics were reset.
    public private(set) var served = 0
    /// Customers who arrived since the statistics were reset.
    public private(set) var arrived = 0
    /// Customers who left since the statistics were reset.
    public private(set) var departed = 0
    /// Summed hours from arrival to departure, over `departed`.
    public private(set) var totalTimeInSystem = 0.0
    /// Summed hours waited before service, over `served`.
    public private(set) var totalWait = 0.0
    /// Integral over time of the number in the system, since the reset.
    public private(set) var areaInSystem = 0.0
    /// When the statistics were last reset.
    public private(set) var statisticsStart = 0.0

    public init(arrivalRate: Double, serviceRate: Double, servers: Int, seed: UInt64) {
        let streams = RandomStreams(seed: seed)
        interarrival = Distribution(.exponential(mean: 1 / arrivalRate))
        service = Distribution(.exponential(mean: 1 / serviceRate))
        arrivalRandom = streams.stream("arrival")
        serviceRandom = streams.stream("service")
        self.servers = servers
        events.schedule(.arrival, after: interarrival.sample(&arrivalRandom))
    }

    /// Customers in the system now (waiting or in service).
    public var inSystem: Int { busy + queue.count }

    public mutating func handle(_ event: Event) {
        areaInSystem += Double(inSystem) * (events.now - lastChange)
        lastChange = events.now
        switch event {
        case .arrival:
            arrived += 1
            events.schedule(.arrival, after: interarrival.sample(&arrivalRandom))
            if busy < servers {
                startService(arrivedAt: events.now)
            } else {
                queue.append(events.now)
            }
        case .departure(let arrivedAt):
            busy -= 1
            departed += 1
            totalTimeInSystem += events.now - arrivedAt
            if let arrivedAt = queue.popFirst() {
                startService(arrivedAt: arrivedAt)
            }
        }
    }

    private mutating func startService(arrivedAt: Double) {
        busy += 1
        served += 1
        totalWait += events.now - arrivedAt
        events.schedule(.departure(arrivedAt: arrivedAt), after: service.sample(&serviceRandom))
    }

    /// Starts the statistics afresh at the current time (to drop a warm-up period).
    public mutating func resetStatistics() {
        served = 0
        departed = 0
        totalTimeInSystem = 0
        arrived = 0
        totalWait = 0
        areaInSystem = 0
        lastChange = events.now
        statisticsStart = events.now
    }

    /// Mean hours waited before service since the reset.
    public var meanWait: Double { totalWait / Double(served) }
    /// Mean hours from arrival to departure since the reset.
    public var meanTimeInSystem: Double { totalTimeInSystem / Double(departed) }
    /// Time-average number in the system since the reset, up to the current time.
    public var meanInSystem: Double {
        (areaInSystem + Double(inSystem) * (events.now - lastChange)) / (events.now - statisticsStart)
    }
    /// Arrivals per hour since the reset.
    public var arrivalRate: Double { Double(arrived) / (events.now - statisticsStart) }
}
