import Testing
@testable import SwarmKernel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct UniversalScalabilityLawTests {
    @Test("The fit reproduces the R usl package's known answer: sigma 0.02, kappa 0.02, gamma 1.00, peak 7.")
    func matchesRUslPackage() throws {
        let n: [Double] = [1, 2, 4, 6, 8, 10]
        let x = [1, 1.8868, 3.0769, 3.5294, 3.5398, 3.3557]
        let fit = try UniversalScalabilityLaw.fit(n: n, x: x)
        #expect(abs(fit.law.sigma - 0.02) < 5e-4, "sigma \(fit.law.sigma)")
        #expect(abs(fit.law.kappa - 0.02) < 5e-4, "kappa \(fit.law.kappa)")
        #expect(abs(fit.law.gamma - 1.00) < 5e-3, "gamma \(fit.law.gamma)")
        let peak = try #require(fit.law.peak)
        #expect(abs(peak - 7) < 0.05, "peak \(peak)")
        #expect(fit.standardErrors != nil)
    }

    @Test("Exact USL data is fitted exactly, across the range of contention and coherency.",
          arguments: [(2.0, 0.1, 0.001), (0.5, 0.0, 0.0005), (1.0, 0.5, 0.0), (3.0, 0.9, 0.05)])
    func recoversExactParameters(gamma: Double, sigma: Double, kappa: Double) throws {
        let truth = UniversalScalabilityLaw(gamma: gamma, sigma: sigma, kappa: kappa)
        let n: [Double] = [1, 2, 5, 10, 20, 50, 100, 200]
        let fit = try UniversalScalabilityLaw.fit(n: n, x: n.map(truth.throughput))
        #expect(abs(fit.law.gamma - gamma) < 1e-4 * gamma)
        #expect(abs(fit.law.sigma - sigma) < 1e-4)
        #expect(abs(fit.law.kappa - kappa) < 1e-6)
    }

    @Test("R-squared and RMSE say how well the law fits: 1 and 0 on exact data, nil R-squared when there is nothing to explain, and the textbook values on data the law cannot follow.")
    func fitQuality() throws {
        let n: [Double] = [1, 2, 4, 8, 16]
        let truth = UniversalScalabilityLaw(gamma: 2, sigma: 0.1, kappa: 0.01)
        let exact = try UniversalScalabilityLaw.fit(n: n, x: n.map(truth.throughput))
        #expect(try abs(#require(exact.rSquared) - 1) < 1e-9 && exact.rootMeanSquareError < 1e-6)
        // A flat line is the law with sigma 1: fitted exactly, with no variation to explain.
        let flat = try UniversalScalabilityLaw.fit(n: [1, 2, 4], x: [3, 3, 3])
        #expect(flat.rSquared == nil && flat.rootMeanSquareError < 1e-9)
        // A zigzag no law follows: R-squared and RMSE as their definitions give them from the
        // fitted law's residuals, and a fit poorer than on the law's own data.
        let zigzag = [1.0, 5, 1, 5, 1]
        let poor = try UniversalScalabilityLaw.fit(n: n, x: zigzag)
        let residuals = zip(n, zigzag).map { $1 - poor.law.throughput($0) }
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let tss = zigzag.reduce(0) { $0 + ($1 - 2.6) * ($1 - 2.6) }
        #expect(try abs(#require(poor.rSquared) - (1 - rss / tss)) < 1e-12)
        #expect(abs(poor.rootMeanSquareError - (rss / 5).squareRoot()) < 1e-12)
        #expect(try #require(poor.rSquared) < 0.5)
    }

    @Test("Without coherency cost there is no peak.")
    func noPeakWithoutKappa() {
        #expect(UniversalScalabilityLaw(gamma: 1, sigma: 0.1, kappa: 0).peak == nil)
    }

    @Test("Parameters stay in their bounds even when the data would pull them out.")
    func boundsHold() throws {
        // Superlinear data would want negative sigma; the fit stops at 0.
        let n: [Double] = [1, 2, 4, 8]
        let fit = try UniversalScalabilityLaw.fit(n: n, x: [1, 2.2, 4.8, 10])
        #expect(fit.law.sigma >= 0 && fit.law.kappa >= 0 && fit.law.gamma >= 0)
    }

    @Test("The fit refuses what it cannot answer, rather than returning zeros: non-finite points, agent counts below 1, too few distinct agent counts, overflow.")
    func refusesUnfittablePoints() {
        let n: [Double] = [1, 2, 4, 8]
        let x: [Double] = [1, 1.9, 3.5, 6]
        #expect(throws: UniversalScalabilityLaw.FitError.agentCountOutOfRange(index: 2, value: .infinity)) {
            try UniversalScalabilityLaw.fit(n: [1, 2, .infinity, 8], x: x)
        }
        #expect(throws: UniversalScalabilityLaw.FitError.agentCountOutOfRange(index: 0, value: 0.5)) {
            try UniversalScalabilityLaw.fit(n: [0.5, 2, 4, 8], x: x)
        }
        #expect(throws: UniversalScalabilityLaw.FitError.self) { try UniversalScalabilityLaw.fit(n: [1, 2, .nan, 8], x: x) }
        #expect(throws: UniversalScalabilityLaw.FitError.throughputNotFinite(index: 3, value: -.infinity)) {
            try UniversalScalabilityLaw.fit(n: n, x: [1, 1.9, 3.5, -.infinity])
        }
        #expect(throws: UniversalScalabilityLaw.FitError.tooFewAgentCounts(points: 4, distinct: 2)) {
            try UniversalScalabilityLaw.fit(n: [1, 1, 2, 2], x: x)
        }
        #expect(throws: UniversalScalabilityLaw.FitError.mismatchedCounts(n: 4, x: 3)) { try UniversalScalabilityLaw.fit(n: n, x: [1, 2, 3]) }
        // Finite, but every candidate's squared residuals overflow: no law is better than another.
        #expect(throws: UniversalScalabilityLaw.FitError.overflow) { try UniversalScalabilityLaw.fit(n: n, x: x.map { $0 * 1e300 }) }
    }
}
