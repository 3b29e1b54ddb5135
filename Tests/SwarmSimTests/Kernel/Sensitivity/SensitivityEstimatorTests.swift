import Testing
@testable import SwarmKernel

@Suite struct SensitivityEstimatorTests {
    @Test("A linear model's elementary effects are its coefficients exactly: mu = c, mu* = |c|, sigma = 0; an inert factor scores 0.")
    func morrisOnLinearModel() {
        let coefficients = [2.0, -3.0, 0.0, 0.5]
        let design = MorrisDesign(factors: 4, levels: 6)
        let rows = design.rows(trajectories: 8, candidates: 32, seed: 3)
        let y = rows.map { zip($0, coefficients).reduce(0) { $0 + $1.0 * $1.1 } }
        let effects = stride(from: 0, to: rows.count, by: 5).map { start in
            var effect = [Double](repeating: 0, count: 4)
            for step in 0..<4 {
                let factor = (0..<4).first { rows[start + step][$0] != rows[start + step + 1][$0] }!
                let sign = rows[start + step + 1][factor] > rows[start + step][factor] ? 1.0 : -1.0
                effect[factor] = (y[start + step + 1] - y[start + step]) / (sign * design.delta)
            }
            return effect
        }
        let measures = MorrisIndices(effects: effects, bootstrap: BootstrapSettings(resamples: 200))
        for (i, c) in coefficients.enumerated() {
            #expect(abs(measures.mu[i].estimate - c) < 1e-9)
            #expect(abs(measures.muStar[i].estimate - abs(c)) < 1e-9)
            #expect(measures.sigma[i].estimate < 1e-9)
        }
    }

    @Test("Sobol' indices of an additive model y = x1 + 2 x2: S1 = ST = 1/5 and 4/5, an inert x3 0, every S2 0, within the 99.9% intervals.")
    func sobolOnAdditiveModel() throws {
        let design = SaltelliDesign(factors: 3, secondOrder: true)
        let y = design.rows(baseSamples: 512, seed: 1).map { $0[0] + 2 * $0[1] }
        let indices = try SobolIndices(design: design, outputs: y, bootstrap: BootstrapSettings(resamples: 2000, confidence: 0.999))
        for (i, expected) in [0.2, 0.8, 0.0].enumerated() {
            for index in [indices.firstOrder[i], indices.total[i]] {
                #expect(index.low <= expected && expected <= index.high, "factor \(i): \(index)")
            }
        }
        // Jansen's total-effect estimator is exact for an inert factor: f(A) = f(AB_3) in every block.
        #expect(indices.total[2].estimate == 0)
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let pair = try #require(indices.secondOrder[i][j])
            #expect(pair.low <= 0 && 0 <= pair.high, "S2 \(i),\(j): \(pair)")
        }
    }

    @Test("Outputs that are not whole blocks, or that never vary, are refused.")
    func refusesBadOutputs() {
        let design = SaltelliDesign(factors: 2, secondOrder: false)
        #expect(throws: SobolIndices.Problem.notWholeBlocks(outputs: 7, blockSize: 4)) {
            try SobolIndices(design: design, outputs: Array(repeating: 1, count: 7), bootstrap: BootstrapSettings())
        }
        #expect(throws: SobolIndices.Problem.constantOutput) {
            try SobolIndices(design: design, outputs: Array(repeating: 1, count: 8), bootstrap: BootstrapSettings())
        }
    }

    @Test("Percentile intervals interpolate order statistics as R's and numpy's default quantile does.")
    func percentile() {
        #expect(IndexEstimate.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(IndexEstimate.quantile([1, 2, 3, 4, 5], 0.25) == 2)
        #expect(IndexEstimate.quantile([10, 20], 0.1) == 11)
    }
}
