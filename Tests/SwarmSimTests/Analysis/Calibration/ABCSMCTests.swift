import Foundation
import Testing
import SwarmKernel
@testable import SwarmAnalysis

@Suite struct ABCSMCTests {
    /// The toy model: n draws from Normal(mu, 1); the statistic is their mean, sufficient for mu.
    private static let n = 20
    private static let observedMean = 0.8

    private static func simulate(_ proposals: [[Double]], generation: Int, first: Int) -> [[Double?]] {
        proposals.enumerated().map { offset, proposal in
            var random = RandomStreams(seed: 99).stream("toy generation \(generation)", index: first + offset)
            let draws = (0..<n).map { _ in proposal[0] + PerturbationKernel.standardNormal(&random) }
            return [draws.reduce(0, +) / Double(n)]
        }
    }

    @Test("On a normal mean with known variance and a uniform prior, the ABC-SMC posterior matches the exact one.")
    func analyticPosterior() async throws {
        let abc = ABCSMC(lowerBounds: [-5], upperBounds: [5], particles: 400, budget: 12_000, seed: 7)
        let result = try await abc.run(observed: [ABCSMCTests.observedMean]) { proposals, generation, first in
            ABCSMCTests.simulate(proposals, generation: generation, first: first)
        }
        let posterior = result.posterior
        let values = posterior.particles.map { $0[0] }
        let weights = posterior.weights
        let ess = posterior.effectiveSampleSize
        // Exact posterior: Normal(mean of the data, 1/n) (the prior's truncation at +-5 is 25 sd away).
        // ABC accepts |simulated mean - observed| <= eps (eps = tolerance x the distance's scale), so its
        // target is the exact posterior convolved with Uniform(-eps, eps): the same mean, variance 1/n + eps^2/3.
        let eps = posterior.tolerance * result.scales[0]!
        let sd = (1 / Double(ABCSMCTests.n) + eps * eps / 3).squareRoot()
        #expect(eps < 0.5 / Double(ABCSMCTests.n).squareRoot(), "tolerance reached: \(eps)")
        let mean = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        // Mean: within 4 standard errors (sd / sqrt(ESS)).
        #expect(abs(mean - ABCSMCTests.observedMean) < 4 * sd / ess.squareRoot(), "mean \(mean), ESS \(ess)")
        // The 90% interval's ends: a sample quantile at p = 0.05 has standard error sqrt(p(1-p)) / (f(q) sqrt(ESS)),
        // with f(q) = phi(1.645) / sd, i.e. 2.12 sd / sqrt(ESS); within 4 of those.
        let low = ABCSMC.weightedQuantile(values, weights: weights, 0.05)
        let high = ABCSMC.weightedQuantile(values, weights: weights, 0.95)
        let quantileError = 4 * 2.12 * sd / ess.squareRoot()
        #expect(abs(low - (ABCSMCTests.observedMean - 1.645 * sd)) < quantileError, "low \(low)")
        #expect(abs(high - (ABCSMCTests.observedMean + 1.645 * sd)) < quantileError, "high \(high)")
        // And it is far narrower than the prior: the exact 90% interval is 0.74 wide against 10.
        #expect(high - low < 1.0)
    }

    @Test("The same seed gives the same posterior; the budget is never exceeded; weights sum to 1.")
    func deterministicAndBounded() async throws {
        func run() async throws -> ABCSMC.Result {
            try await ABCSMC(lowerBounds: [-5], upperBounds: [5], particles: 30, budget: 200, seed: 3)
                .run(observed: [ABCSMCTests.observedMean]) { ABCSMCTests.simulate($0, generation: $1, first: $2) }
        }
        let (a, b) = (try await run(), try await run())
        #expect(a.posterior.particles == b.posterior.particles && a.posterior.weights == b.posterior.weights)
        #expect(a.simulations <= 200)
        #expect(abs(a.posterior.weights.reduce(0, +) - 1) < 1e-12)
        #expect(zip(a.generations, a.generations.dropFirst()).allSatisfy { $1.tolerance <= $0.tolerance })
    }

    @Test("When the model cannot come closer than a floor, the tolerance stops falling and the calibration stops before the budget.")
    func stopsWhenToleranceStalls() async throws {
        let abc = ABCSMC(lowerBounds: [-5], upperBounds: [5], particles: 100, budget: 100_000, seed: 4)
        // The statistic min(theta, 1) never exceeds 1, so no particle comes within 2 of the observed 3.
        let result = try await abc.run(observed: [3]) { proposals, _, _ in proposals.map { [min($0[0], 1)] } }
        #expect(result.stoppedBecause == .toleranceStalled)
        #expect(result.simulations < 100_000)
        #expect(result.posterior.particles.allSatisfy { $0[0] >= 1 })
        #expect(!result.priorPredictiveRanges[0]!.contains(3))
    }

    @Test("An observed statistic outside every value of generation 0 is out of the prior predictive range.")
    func unreachableStatistic() async throws {
        let abc = ABCSMC(lowerBounds: [-5], upperBounds: [5], particles: 20, budget: 20, seed: 4)
        let result = try await abc.run(observed: [40]) { ABCSMCTests.simulate($0, generation: $1, first: $2) }
        #expect(result.generations.count == 1 && result.stoppedBecause == .budget)
        #expect(!result.priorPredictiveRanges[0]!.contains(40))
    }

    @Test("The weighted quantile is the smallest value whose cumulative weight reaches p.")
    func weightedQuantile() {
        #expect(ABCSMC.weightedQuantile([3, 1, 2], weights: [0.2, 0.5, 0.3], 0.5) == 1)
        #expect(ABCSMC.weightedQuantile([3, 1, 2], weights: [0.2, 0.5, 0.3], 0.51) == 2)
        #expect(ABCSMC.weightedQuantile([3, 1, 2], weights: [0.2, 0.5, 0.3], 0.95) == 3)
    }
}
