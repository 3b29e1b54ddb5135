import Foundation

extension Distribution {
    /// The theoretical mean. The model uses it for nominal sizes; the tests hold samples to it.
    public var mean: Double {
        switch family {
        case .constant(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .exponential(let mean): return mean
        case .normal(let mean, let sd, let low, let high):
            let t = TruncationWindow(mean: mean, sd: sd, low: low, high: high)
            return mean + sd * (t.densityLow - t.densityHigh) / t.mass
        case .lognormal(let mean, _): return mean
        case .gamma(let shape, let scale): return shape * scale
        case .beta(let a, let b): return a / (a + b)
        case .bernoulli(let p): return p
        case .poisson(let mean): return mean
        case .zipf, .choice: return tableMoments.mean
        }
    }

    /// The theoretical variance.
    public var variance: Double {
        switch family {
        case .constant: return 0
        case .uniform(let low, let high): return (high - low) * (high - low) / 12
        case .exponential(let mean): return mean * mean
        case .normal(let mean, let sd, let low, let high):
            let t = TruncationWindow(mean: mean, sd: sd, low: low, high: high)
            let shift = (t.densityLow - t.densityHigh) / t.mass
            return sd * sd * (1 + (t.alphaTimesDensity - t.betaTimesDensity) / t.mass - shift * shift)
        case .lognormal(_, let sd): return sd * sd
        case .gamma(let shape, let scale): return shape * scale * scale
        case .beta(let a, let b): return a * b / ((a + b) * (a + b) * (a + b + 1))
        case .bernoulli(let p): return p * (1 - p)
        case .poisson(let mean): return mean
        case .zipf, .choice: return tableMoments.variance
        }
    }

    /// The smallest and largest values a draw can take (infinite when unbounded).
    public var support: ClosedRange<Double> {
        switch family {
        case .constant(let value): return value...value
        case .uniform(let low, let high): return low...high
        case .exponential, .lognormal, .gamma: return 0...Double.infinity
        case .normal(_, _, let low, let high): return (low ?? -.infinity)...(high ?? .infinity)
        case .beta, .bernoulli: return 0...1
        case .poisson: return 0...Double.infinity
        case .zipf(let n, _): return 1...Double(n)
        case .choice(let values, _): return values.min()!...values.max()!
        }
    }

    /// P(X <= x), the CDF of the standard normal distribution.
    public static func standardNormalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Mean and variance of a table-driven family, in two passes (no E[X^2] - mean^2 cancellation).
    private var tableMoments: (mean: Double, variance: Double) {
        let points = cumulative.indices.map { index -> (p: Double, x: Double) in
            let p = cumulative[index] - (index == 0 ? 0 : cumulative[index - 1])
            if case .choice(let values, _) = family { return (p, values[index]) }
            return (p, Double(index + 1))
        }
        let mean = points.reduce(0) { $0 + $1.p * $1.x }
        let variance = points.reduce(0) { $0 + $1.p * ($1.x - mean) * ($1.x - mean) }
        return (mean, variance)
    }
}

/// The standardised bounds of a truncated normal, their densities and the mass between them.
package struct TruncationWindow {
    let alpha: Double
    let beta: Double
    let densityLow: Double
    let densityHigh: Double
    package let mass: Double
    /// alpha * density(alpha), taken as 0 at an infinite bound.
    var alphaTimesDensity: Double { alpha.isFinite ? alpha * densityLow : 0 }
    /// beta * density(beta), taken as 0 at an infinite bound.
    var betaTimesDensity: Double { beta.isFinite ? beta * densityHigh : 0 }

    package init(mean: Double, sd: Double, low: Double?, high: Double?) {
        alpha = low.map { ($0 - mean) / sd } ?? -.infinity
        beta = high.map { ($0 - mean) / sd } ?? .infinity
        densityLow = TruncationWindow.density(alpha)
        densityHigh = TruncationWindow.density(beta)
        mass = Distribution.standardNormalCDF(beta) - Distribution.standardNormalCDF(alpha)
    }

    /// The standard normal density, 0 at the infinities.
    static func density(_ x: Double) -> Double {
        x.isFinite ? exp(-x * x / 2) / (2 * Double.pi).squareRoot() : 0
    }
}
