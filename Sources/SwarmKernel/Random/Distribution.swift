import Foundation

/// A probability distribution over real numbers, as a scenario states it, ready to sample.
///
/// Every duration, size and trait in the model is one of these, so a scenario can say `2` (a
/// constant) or `{"exponential": {"mean": 2}}`. Discrete families (Bernoulli, Poisson, Zipf, choice)
/// yield whole numbers as `Double`. Tables and constants that sampling needs (Zipf and choice
/// cumulative weights, a gamma's Marsaglia-Tsang constants...) are built once here, so a draw
/// allocates nothing and recomputes nothing.
public struct Distribution: Sendable, Equatable {
    /// The family and its parameters, exactly as configured.
    public enum Family: Sendable, Equatable {
        case constant(Double)
        /// Uniform on [min, max).
        case uniform(min: Double, max: Double)
        case exponential(mean: Double)
        /// Normal, optionally truncated to [min, max] by rejection.
        case normal(mean: Double, sd: Double, min: Double?, max: Double?)
        /// Log-normal given by the mean and standard deviation of the variable itself (not of its log).
        case lognormal(mean: Double, sd: Double)
        /// Gamma with shape k and scale theta: mean k*theta.
        case gamma(shape: Double, scale: Double)
        case beta(a: Double, b: Double)
        /// 1 with probability p, else 0.
        case bernoulli(p: Double)
        case poisson(mean: Double)
        /// Ranks 1...n with P(k) proportional to k^-s: hotspot skew.
        case zipf(n: Int, s: Double)
        /// One of `values`, with probability proportional to its weight.
        case choice(values: [Double], weights: [Double])
    }

    public let family: Family
    /// Cumulative probabilities for table-driven families (Zipf, choice), for their moments; empty otherwise.
    @usableFromInline let cumulative: [Double]
    /// The family with the constants its sampler derives from the parameters, computed here once.
    @usableFromInline let sampler: Sampler

    /// A distribution of `family`, whose parameters must already be valid (decoding checks them).
    public init(_ family: Family) {
        self.family = family
        sampler = Sampler(family)
        switch family {
        case .zipf(let n, let s):
            cumulative = Distribution.normalisedCumulative((1...n).map { pow(Double($0), -s) })
        case .choice(_, let weights):
            cumulative = Distribution.normalisedCumulative(weights)
        default:
            cumulative = []
        }
    }

    /// A constant.
    public static func constant(_ value: Double) -> Distribution { Distribution(.constant(value)) }

    public static func == (lhs: Distribution, rhs: Distribution) -> Bool { lhs.family == rhs.family }

    private static func normalisedCumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var running = 0.0
        var table = weights.map { weight -> Double in
            running += weight
            return running / total
        }
        table[table.count - 1] = 1
        return table
    }
}
