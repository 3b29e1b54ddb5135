import Foundation
import SwarmKernel

/// Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009; Beaumont et al.
/// 2009), for a model that can only be simulated: a population of particles (parameter vectors)
/// moves from the prior towards the posterior through generations with falling tolerances.
///
/// - Generation 0 draws `particles` parameter vectors from the uniform prior and simulates each;
///   all are accepted. Each statistic's spread over them (1.4826 x the median absolute deviation,
///   or the standard deviation when that is 0) scales the distance, which is then the Euclidean
///   distance between simulated and observed statistics divided by those spreads.
/// - Generation t's tolerance is the weighted median of generation t-1's distances. Particles are
///   drawn from generation t-1 by weight and perturbed by a Gaussian kernel with twice the
///   population's weighted variance per parameter (Beaumont et al. 2009), redrawn until inside the
///   prior's box; proposals are simulated in batches, and those within the tolerance accepted in
///   proposal order until the population is full. Weights are prior / (sum over the previous
///   population of weight x the kernel's density, normalised over the box).
/// - It stops when the budget of simulations runs out before a generation is full (that
///   generation is dropped), or when the
///   tolerance fell by less than `stallFraction` from one generation to the next.
///
/// Every draw comes from a stream of `seed` named for its generation, and proposals are accepted
/// in their order, so the result depends on the seed and the simulations' results alone, never on
/// how the simulations were scheduled.
public struct ABCSMC: Sendable {
    public let lowerBounds: [Double]
    public let upperBounds: [Double]
    public let particles: Int
    /// Most simulations in all, generation 0 included.
    public let budget: Int
    public let seed: UInt64
    /// The tolerance is considered to have stopped falling when it falls by less than this fraction.
    public let stallFraction: Double

    public init(lowerBounds: [Double], upperBounds: [Double], particles: Int, budget: Int, seed: UInt64, stallFraction: Double = 0.02) {
        precondition(lowerBounds.count == upperBounds.count && !lowerBounds.isEmpty, "one bound of each kind per parameter")
        precondition(zip(lowerBounds, upperBounds).allSatisfy { $0 < $1 }, "every prior range must be non-empty")
        precondition(particles >= 2 && budget >= particles, "at least two particles, and a budget for generation 0")
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.particles = particles
        self.budget = budget
        self.seed = seed
        self.stallFraction = stallFraction
    }

    /// One generation's accepted population.
    public struct Generation: Sendable {
        public let index: Int
        /// The largest distance accepted (generation 0: the largest distance, everything accepted).
        public let tolerance: Double
        public let particles: [[Double]]
        /// Normalised to sum to 1.
        public let weights: [Double]
        public let distances: [Double]
        /// Simulations this generation made, accepted or not.
        public let simulations: Int

        /// Kish's effective sample size of the weights.
        public var effectiveSampleSize: Double {
            1 / weights.reduce(0) { $0 + $1 * $1 }
        }
    }

    /// What a calibration found: every generation, the distance scales, and why it stopped.
    public struct Result: Sendable {
        public let generations: [Generation]
        /// The spread that divides each statistic in the distance; nil for a statistic left out
        /// (unobserved, or constant across generation 0).
        public let scales: [Double?]
        /// Each statistic's range over generation 0 (draws from the prior); nil where none was
        /// defined. An observed value outside it is one the model may not reach anywhere in the
        /// prior, which then dominates the distance.
        public let priorPredictiveRanges: [ClosedRange<Double>?]
        /// Simulations made in all, including those of a generation the budget cut short.
        public let simulations: Int
        public let stoppedBecause: StopReason

        public var posterior: Generation { generations.last! }
    }

    public enum StopReason: String, Sendable {
        case budget = "the budget of simulations ran out before another generation was full"
        case toleranceStalled = "the tolerance stopped falling"
    }

    /// Runs the calibration. `simulate(proposals, generation, firstProposal)` returns the
    /// statistics of each proposal, in order (nil where undefined); `observed` are the statistics
    /// to match; `report` hears of each generation as it is accepted.
    public func run(
        observed: [Double?],
        simulate: (_ proposals: [[Double]], _ generation: Int, _ firstProposal: Int) async throws -> [[Double?]],
        report: (Generation) -> Void = { _ in },
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> Result {
        var random = RandomStreams(seed: seed).stream("abc-smc generation", index: 0)
        let first = (0..<particles).map { _ in
            zip(lowerBounds, upperBounds).map { low, high in low + (high - low) * random.nextUnit() }
        }
        let firstStatistics = try await simulate(first, 0, 0)
        let scales = ABCSMC.scales(of: firstStatistics, observed: observed)
        let firstDistances = firstStatistics.map { ABCSMC.distance($0, observed, scales: scales) }
        var population = Generation(index: 0, tolerance: firstDistances.max() ?? 0, particles: first,
                                    weights: Array(repeating: 1 / Double(particles), count: particles),
                                    distances: firstDistances, simulations: particles)
        report(population)
        var generations = [population]
        var simulations = particles
        var stop = StopReason.budget
        generationLoop: while true {
            let tolerance = ABCSMC.weightedQuantile(population.distances, weights: population.weights, 0.5)
            if generations.count > 1, tolerance >= (1 - stallFraction) * population.tolerance {
                stop = .toleranceStalled
                break
            }
            let index = population.index + 1
            var random = RandomStreams(seed: seed).stream("abc-smc generation", index: index)
            let kernel = PerturbationKernel(population: population, lowerBounds: lowerBounds, upperBounds: upperBounds)
            var accepted: [(particle: [Double], distance: Double)] = []
            var proposed = 0
            while accepted.count < particles {
                let batch = min(particles, budget - simulations)
                guard batch > 0 else { break generationLoop }
                let proposals = (0..<batch).map { _ in kernel.propose(&random) }
                let statistics = try await simulate(proposals, index, proposed)
                proposed += batch
                simulations += batch
                for (proposal, simulated) in zip(proposals, statistics) where accepted.count < particles {
                    let distance = ABCSMC.distance(simulated, observed, scales: scales)
                    if distance <= tolerance { accepted.append((proposal, distance)) }
                }
            }
            let raw = accepted.map { 1 / kernel.density(at: $0.particle) }
            let total = raw.reduce(0, +)
            population = Generation(index: index, tolerance: tolerance, particles: accepted.map(\.particle),
                                    weights: raw.map { $0 / total }, distances: accepted.map(\.distance), simulations: proposed)
            report(population)
            generations.append(population)
        }
        let ranges = observed.indices.map { column -> ClosedRange<Double>? in
            let values = firstStatistics.compactMap { $0[column] }
            guard let low = values.min(), let high = values.max() else { return nil }
            return low...high
        }
        return Result(generations: generations, scales: scales, priorPredictiveRanges: ranges, simulations: simulations, stoppedBecause: stop)
    }

    /// Each statistic's spread across `statistics` (robust: 1.4826 MAD, else the sd); nil for one
    /// not observed or with no spread.
    static func scales(of statistics: [[Double?]], observed: [Double?]) -> [Double?] {
        observed.indices.map { column in
            guard observed[column] != nil else { return nil }
            let values = statistics.compactMap { $0[column] }.sorted()
            guard values.count >= 2, let median = LandingStatistics.quantile(values, 0.5) else { return nil }
            let deviations = values.map { abs($0 - median) }.sorted()
            if let mad = LandingStatistics.quantile(deviations, 0.5), mad > 0 { return 1.4826 * mad }
            let sd = SampleSummary(values).standardDeviation ?? 0
            return sd > 0 ? sd : nil
        }
    }

    /// The scaled Euclidean distance; infinite when a simulation leaves a compared statistic undefined.
    static func distance(_ simulated: [Double?], _ observed: [Double?], scales: [Double?]) -> Double {
        var sum = 0.0
        for column in observed.indices {
            guard let scale = scales[column], let target = observed[column] else { continue }
            guard let value = simulated[column] else { return .infinity }
            sum += ((value - target) / scale) * ((value - target) / scale)
        }
        return sum.squareRoot()
    }

    /// The smallest value whose cumulative weight (values ascending) reaches `p`.
    public static func weightedQuantile(_ values: [Double], weights: [Double], _ p: Double) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        let total = weights.reduce(0, +)
        var cumulative = 0.0
        for index in order {
            cumulative += weights[index]
            if cumulative >= p * total { return values[index] }
        }
        return values[order.last!]
    }
}
