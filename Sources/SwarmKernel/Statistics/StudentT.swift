import Foundation

/// Student's t distribution: the quantiles behind every confidence interval swarmsim reports.
public enum StudentT {
    /// P(T <= t) for `degreesOfFreedom` > 0, through the regularised incomplete beta function.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let x = nu / (nu + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T <= t) = `p`, found by bisection on `cdf` to full double precision.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1 && nu > 0, "quantile needs 0 < p < 1 and degrees of freedom > 0")
        var low = -1.0
        var high = 1.0
        while cdf(low, degreesOfFreedom: nu) > p { low *= 2 }
        while cdf(high, degreesOfFreedom: nu) < p { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mid == low || mid == high { break }
            if cdf(mid, degreesOfFreedom: nu) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// The half-width multiplier of a two-sided `confidence` interval from `n` observations
    /// (n - 1 degrees of freedom), e.g. 2.262 for 95% from 10 replicates.
    public static func criticalValue(confidence: Double, observations n: Int) -> Double {
        precondition(n >= 2, "a confidence interval needs at least 2 observations")
        return quantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 1))
    }

    /// I_x(a, b) by the continued fraction of Numerical Recipes (modified Lentz), using the
    /// symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularizedIncompleteBeta(1 - x, a: b, b: a)
        }
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...500 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return exp(logFront) * result / a
    }
}
