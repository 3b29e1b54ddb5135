import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The report says how far to trust each Universal Scalability Law fit it draws.
@Suite struct FitQualityReportTests {
    /// The scaling section of a report on an aggregate.csv holding `curves`: per variant, its
    /// throughput means at agents 1, 2, 4, 8, 16.
    private func scalingSection(_ curves: [(variant: String, means: [Double])]) throws -> String {
        let header = ResultsWriter.aggregateIdentityColumns + [ResultsWriter.aggregateCountColumn] + ResultsWriter.aggregateMetricColumns
        let mean = try #require(header.firstIndex(of: "throughput_tasks_per_hour_mean"))
        let rows = curves.flatMap { curve in
            zip([1, 2, 4, 8, 16], curve.means).map { agents, value in
                var row = [curve.variant, "flat-lock", "\(agents)", "3"] + ResultsWriter.aggregateMetricColumns.map { _ in "" }
                row[mean] = CSVCell.number(value).field
                return row
            }
        }
        let folder = try ResultsFolder(runs: CSVTable(header: [], rows: []), timeseries: CSVTable(header: [], rows: []),
                                       aggregate: CSVTable(header: header, rows: rows), resolvedJSON: Data("{}".utf8))
        return HTMLReport.scalingSection(folder)
    }

    @Test("Each fit's R-squared and RMSE are in the table; a fit explaining less than 90% of the means' variation is marked poor, a close one is not.")
    func poorFitMarked() throws {
        let law = UniversalScalabilityLaw(gamma: 2, sigma: 0.1, kappa: 0.01)
        let close = [1.0, 2, 4, 8, 16].map(law.throughput)
        let zigzag = [1.0, 5, 1, 5, 1]
        let html = try scalingSection([("close", close), ("zigzag", zigzag)])
        #expect(html.contains("<th>R-squared</th><th>RMSE (tasks/h)</th>"))
        let rows = html.components(separatedBy: "<tr>").filter { $0.contains("<td>close</td>") || $0.contains("<td>zigzag</td>") }
        try #require(rows.count == 2)
        #expect(rows[0].contains("<td>1</td>") && !rows[0].contains("poor fit"), "\(rows[0])")
        let poor = try UniversalScalabilityLaw.fit(n: [1, 2, 4, 8, 16], x: zigzag)
        #expect(rows[1].contains("<td>\(readableNumber(poor.rSquared!)) (poor fit)</td>"), "\(rows[1])")
        #expect(rows[1].contains("<td>\(readableNumber(poor.rootMeanSquareError))</td>"), "\(rows[1])")
    }
}
