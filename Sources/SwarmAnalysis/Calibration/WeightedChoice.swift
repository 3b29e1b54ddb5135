import SwarmKernel

/// Draws an index with probability proportional to its weight: how ABC-SMC picks the particle to
/// perturb and how the posterior predictive check resamples the posterior.
struct WeightedChoice {
    private let cumulative: [Double]

    init(weights: [Double]) {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative, and at least one")
        var running = 0.0
        cumulative = weights.map { running += $0; return running }
    }

    func draw(_ random: inout Xoshiro256StarStar) -> Int {
        let u = random.nextUnit() * cumulative.last!
        return cumulative.firstIndex { $0 > u } ?? cumulative.count - 1
    }
}
