import Foundation

extension UniversalScalabilityLaw {
    /// A least-squares fit with the standard errors of its parameters.
    public struct Fit: Sendable {
        public let law: UniversalScalabilityLaw
        /// Asymptotic standard errors of gamma, sigma and kappa (from the Jacobian at the optimum,
        /// s^2 (J'J)^-1 with s^2 = RSS / (n - 3)); nil with fewer than 4 points or a singular J'J.
        public let standardErrors: (gamma: Double, sigma: Double, kappa: Double)?
        public let residualSumOfSquares: Double
        /// The sum of squared deviations of the throughputs from their mean: what there was to explain.
        public let totalSumOfSquares: Double
        /// The number of (n, x) points fitted: what the standard errors' degrees of freedom (and a
        /// reader's trust in the fit) rest on, so tables of fits report it.
        public let points: Int

        /// The coefficient of determination, 1 - RSS / TSS: the share of the throughputs' variation
        /// that the law explains (1 a perfect fit, 0 no better than their mean, negative worse, which
        /// a law held to gamma >= 0 and sigma, kappa in [0, 1] can be). Nil when every throughput is
        /// the same, and there is nothing to explain.
        public var rSquared: Double? {
            totalSumOfSquares > 0 ? 1 - residualSumOfSquares / totalSumOfSquares : nil
        }

        /// The root-mean-square error, sqrt(RSS / points): the typical distance of a throughput
        /// from the fitted law, in the throughput's unit.
        public var rootMeanSquareError: Double {
            (residualSumOfSquares / Double(points)).squareRoot()
        }
    }

    /// Fits X(N) to (n, x) points by non-linear least squares with sigma and kappa in [0, 1] and
    /// gamma >= 0. For given sigma and kappa the best gamma is linear least squares, so the search
    /// runs over (sigma, kappa) alone: a grid to find the basin, then Levenberg-Marquardt steps
    /// kept inside the bounds.
    ///
    /// Throws rather than answer from arithmetic that overflowed: points that are not finite, agent
    /// counts below 1, fewer than 3 distinct agent counts, or values so large that every
    /// candidate's residuals overflow (a law fitted to those would be zeros, not an answer).
    public static func fit(n: [Double], x: [Double]) throws(FitError) -> Fit {
        try check(n: n, x: x)
        /// The law with the best gamma for `sigma` and `kappa`; nil when its sums overflow (or
        /// vanish), which leaves gamma undefined.
        func law(_ sigma: Double, _ kappa: Double) -> UniversalScalabilityLaw? {
            var sfx = 0.0
            var sff = 0.0
            for (ni, xi) in zip(n, x) {
                let f = ni / (1 + sigma * (ni - 1) + kappa * ni * (ni - 1))
                sfx += f * xi
                sff += f * f
            }
            guard sfx.isFinite, sff.isFinite, sff > 0 else { return nil }
            return UniversalScalabilityLaw(gamma: max(0, sfx / sff), sigma: sigma, kappa: kappa)
        }
        func rss(_ candidate: UniversalScalabilityLaw) -> Double {
            zip(n, x).reduce(0) { $0 + ($1.1 - candidate.throughput($1.0)) * ($1.1 - candidate.throughput($1.0)) }
        }
        // Coarse grid over sigma in [0, 1] and kappa on a log scale down to 1e-7 (and 0). A
        // candidate whose sums or residuals overflow is passed over (NaN and infinity never win).
        var found: UniversalScalabilityLaw?
        var bestRSS = Double.infinity
        let kappas = [0.0] + (0...70).map { pow(10, -7 + Double($0) / 10) }
        for i in 0...50 {
            for kappa in kappas {
                guard let candidate = law(Double(i) / 50, kappa) else { continue }
                let value = rss(candidate)
                if value < bestRSS {
                    found = candidate
                    bestRSS = value
                }
            }
        }
        guard var best = found else { throw .overflow }
        // Levenberg-Marquardt on (sigma, kappa), gamma profiled out, steps clamped to the bounds.
        var lambda = 1e-3
        for _ in 0..<200 {
            let h = 1e-7
            let here = best
            func residuals(_ l: UniversalScalabilityLaw) -> [Double] { zip(n, x).map { $1 - l.throughput($0) } }
            let r0 = residuals(here)
            guard let sigmaStep = law(here.sigma + h, here.kappa), let kappaStep = law(here.sigma, here.kappa + h) else { break }
            let dSigma = zip(residuals(sigmaStep), r0).map { ($0 - $1) / h }
            let dKappa = zip(residuals(kappaStep), r0).map { ($0 - $1) / h }
            let a11 = dSigma.reduce(0) { $0 + $1 * $1 }
            let a22 = dKappa.reduce(0) { $0 + $1 * $1 }
            let a12 = zip(dSigma, dKappa).reduce(0) { $0 + $1.0 * $1.1 }
            let g1 = zip(dSigma, r0).reduce(0) { $0 + $1.0 * $1.1 }
            let g2 = zip(dKappa, r0).reduce(0) { $0 + $1.0 * $1.1 }
            let m11 = a11 * (1 + lambda)
            let m22 = a22 * (1 + lambda)
            let det = m11 * m22 - a12 * a12
            guard det.isFinite, abs(det) > 0 else { break }
            let stepSigma = -(m22 * g1 - a12 * g2) / det
            let stepKappa = -(m11 * g2 - a12 * g1) / det
            let candidate = law(min(1, max(0, here.sigma + stepSigma)), min(1, max(0, here.kappa + stepKappa)))
            let value = candidate.map(rss) ?? .nan
            if let candidate, value < bestRSS {
                let improvement = bestRSS - value
                best = candidate
                bestRSS = value
                lambda = max(lambda / 10, 1e-12)
                if improvement < 1e-15 * max(1, bestRSS) { break }
            } else {
                lambda *= 10
                if lambda > 1e12 { break }
            }
        }
        let mean = x.reduce(0, +) / Double(x.count)
        return Fit(law: best, standardErrors: standardErrors(best, n: n, x: x, rss: bestRSS), residualSumOfSquares: bestRSS,
                   totalSumOfSquares: x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }, points: n.count)
    }

    /// Refuses points no law can be fitted to: see `FitError`.
    private static func check(n: [Double], x: [Double]) throws(FitError) {
        guard n.count == x.count else { throw .mismatchedCounts(n: n.count, x: x.count) }
        if let index = n.firstIndex(where: { !($0.isFinite && $0 >= 1) }) {
            throw .agentCountOutOfRange(index: index, value: n[index])
        }
        if let index = x.firstIndex(where: { !$0.isFinite }) {
            throw .throughputNotFinite(index: index, value: x[index])
        }
        let distinct = Set(n).count
        guard distinct >= 3 else { throw .tooFewAgentCounts(points: n.count, distinct: distinct) }
    }

    /// s^2 (J'J)^-1 over (gamma, sigma, kappa) at `law`, by the analytic Jacobian.
    private static func standardErrors(_ law: UniversalScalabilityLaw, n: [Double], x: [Double], rss: Double)
        -> (gamma: Double, sigma: Double, kappa: Double)? {
        guard n.count > 3 else { return nil }
        var jtj = [[Double]](repeating: [0, 0, 0], count: 3)
        for ni in n {
            let d = law.denominator(ni)
            let row = [ni / d, -law.gamma * ni * (ni - 1) / (d * d), -law.gamma * ni * ni * (ni - 1) / (d * d)]
            for i in 0..<3 {
                for j in 0..<3 { jtj[i][j] += row[i] * row[j] }
            }
        }
        guard let inverse = invert3x3(jtj) else { return nil }
        let s2 = rss / Double(n.count - 3)
        let variances = (0..<3).map { s2 * inverse[$0][$0] }
        guard variances.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        return (variances[0].squareRoot(), variances[1].squareRoot(), variances[2].squareRoot())
    }

    /// The inverse of a 3x3 matrix by cofactors; nil when it is singular.
    private static func invert3x3(_ m: [[Double]]) -> [[Double]]? {
        let c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1]
        let c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2]
        let c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0]
        let det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02
        guard abs(det) > 1e-300, det.isFinite else { return nil }
        let c10 = m[0][2] * m[2][1] - m[0][1] * m[2][2]
        let c11 = m[0][0] * m[2][2] - m[0][2] * m[2][0]
        let c12 = m[0][1] * m[2][0] - m[0][0] * m[2][1]
        let c20 = m[0][1] * m[1][2] - m[0][2] * m[1][1]
        let c21 = m[0][2] * m[1][0] - m[0][0] * m[1][2]
        let c22 = m[0][0] * m[1][1] - m[0][1] * m[1][0]
        return [[c00, c10, c20], [c01, c11, c21], [c02, c12, c22]].map { $0.map { $0 / det } }
    }
}
