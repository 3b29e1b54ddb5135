import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct StudentTTests {
    @Test("Student-t quantiles match published table values to four decimals.")
    func quantilesMatchTables() {
        // Two-sided critical values from standard t tables.
        let table: [(confidence: Double, n: Int, value: Double)] = [
            (0.95, 2, 12.7062), (0.95, 10, 2.2622), (0.95, 30, 2.0452),
            (0.99, 5, 4.6041), (0.999, 20, 3.8834), (0.95, 1001, 1.9623),
        ]
        for row in table {
            let value = StudentT.criticalValue(confidence: row.confidence, observations: row.n)
            #expect(abs(value - row.value) < 5e-5, "confidence \(row.confidence), n \(row.n): \(value)")
        }
    }

    @Test("The t CDF is symmetric and equals one half at zero.")
    func cdfIsSymmetric() {
        #expect(StudentT.cdf(0, degreesOfFreedom: 3) == 0.5)
        let left = StudentT.cdf(-1.7, degreesOfFreedom: 7)
        let right = StudentT.cdf(1.7, degreesOfFreedom: 7)
        #expect(abs(left + right - 1) < 1e-14)
    }

    @Test("A sample summary reports the mean, the sample sd and the t interval.")
    func summaryOfKnownSample() throws {
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(summary.mean == 5)
        let sd = try #require(summary.standardDeviation)
        #expect(abs(sd - 2.138089935) < 1e-9)
        let halfWidth = try #require(summary.halfWidth)
        #expect(abs(halfWidth - 2.3646 * sd / 8.0.squareRoot()) < 1e-3)
        #expect(summary.covers(6.5) && !summary.covers(7.0))
    }

    @Test("One observation has no spread and no interval.")
    func singleObservation() {
        let summary = SampleSummary([3.5])
        #expect(summary.mean == 3.5 && summary.standardDeviation == nil && summary.halfWidth == nil)
    }
}
