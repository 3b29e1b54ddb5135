import Foundation

/// Gunther's Universal Scalability Law, X(N) = gamma N / (1 + sigma (N - 1) + kappa N (N - 1)): the
/// summary of a throughput curve that says why it bends. sigma is contention (serialisation, as
/// behind one lock), kappa coherency (the cost of keeping N agents in step, as a board that grows
/// with N), gamma the throughput of one agent.
public struct UniversalScalabilityLaw: Sendable, Equatable {
    public var gamma: Double
    public var sigma: Double
    public var kappa: Double

    public init(gamma: Double, sigma: Double, kappa: Double) {
        self.gamma = gamma
        self.sigma = sigma
        self.kappa = kappa
    }

    /// Throughput at `n` agents.
    public func throughput(_ n: Double) -> Double {
        gamma * n / denominator(n)
    }

    /// The agent count of peak throughput, sqrt((1 - sigma) / kappa); nil when kappa is 0 (no peak).
    public var peak: Double? {
        kappa > 0 ? ((1 - sigma) / kappa).squareRoot() : nil
    }

    func denominator(_ n: Double) -> Double {
        1 + sigma * (n - 1) + kappa * n * (n - 1)
    }
}
