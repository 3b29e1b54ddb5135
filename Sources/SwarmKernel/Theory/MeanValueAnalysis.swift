/// Exact mean value analysis of the closed machine-repairman system: `n` agents each work for a
/// mean `think` hours, then queue (FIFO) for one lock held for a mean `service` hours.
///
/// This is the answer the simulator must reproduce for flat peers sharing one lock (README, "The sceptic's check"):
/// R(n) = S(1 + Q(n-1)), X(n) = n / (Z + R(n)), Q(n) = X(n) R(n), with Q(0) = 0.
public struct MeanValueAnalysis: Sendable, Equatable {
    /// Task cycles completed per hour.
    public let throughput: Double
    /// Mean time from requesting the lock to releasing it (wait plus hold), in hours.
    public let responseTime: Double
    /// Mean number of agents waiting for or holding the lock.
    public let queueLength: Double
    /// Mean time spent waiting before the lock is granted, in hours: response time minus hold time.
    public let lockWait: Double

    /// Solves the system for `agents` agents by the MVA recursion.
    /// - Complexity: O(agents)
    public init(agents: Int, think: Double, service: Double) {
        precondition(agents >= 1 && think >= 0 && service > 0, "MVA needs agents >= 1, think >= 0, service > 0")
        var queue = 0.0
        var response = service
        var rate = 0.0
        for n in 1...agents {
            response = service * (1 + queue)
            rate = Double(n) / (think + response)
            queue = rate * response
        }
        throughput = rate
        responseTime = response
        queueLength = queue
        lockWait = response - service
    }
}
