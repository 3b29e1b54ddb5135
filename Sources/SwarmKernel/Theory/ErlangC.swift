import Foundation

/// Closed forms for the M/M/c queue: Poisson arrivals at rate lambda, c servers, exponential
/// service at rate mu each. M/M/1 is c = 1. The open-queue tests hold the kernel to these.
public struct ErlangC: Sendable, Equatable {
    /// Probability that an arrival has to wait (the Erlang C formula).
    public let waitProbability: Double
    /// Mean time in queue before service starts, Wq = C / (c mu - lambda).
    public let meanWait: Double
    /// Mean time in the system, W = Wq + 1/mu.
    public let meanResponse: Double
    /// Mean number in the system, L = lambda W (Little's law).
    public let meanInSystem: Double

    /// - Precondition: the queue is stable, lambda < c mu.
    public init(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) {
        precondition(lambda > 0 && mu > 0 && c >= 1 && lambda < Double(c) * mu, "M/M/c needs 0 < lambda < c mu")
        let offered = lambda / mu
        let utilisation = offered / Double(c)
        // Sum_{k<c} a^k/k! and a^c/c!, built term by term to stay finite for large c.
        var term = 1.0
        var sum = 0.0
        for k in 0..<c {
            sum += term
            term *= offered / Double(k + 1)
        }
        let last = term / (1 - utilisation)
        waitProbability = last / (sum + last)
        meanWait = waitProbability / (Double(c) * mu - lambda)
        meanResponse = meanWait + 1 / mu
        meanInSystem = lambda * meanResponse
    }
}
