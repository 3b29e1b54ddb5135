import Foundation
import SwarmExperiment

/// One row of sensitivity.csv: an index of one factor (or pair of factors, `a:b`) for one metric,
/// with its bootstrap interval.
public struct SensitivityIndexRow: Sendable, Equatable {
    public let metric: String
    public let factor: String
    /// `S1`, `ST`, `S2` (Sobol'), or `mu`, `mu_star`, `sigma` (Morris).
    public let index: String
    public let estimate: Double
    public let low: Double
    public let high: Double

    public static let header = ["metric", "factor", "index", "estimate", "ci_low", "ci_high"]

    public var cells: [CSVCell] {
        [.text(metric), .text(factor), .text(index), .number(estimate), .number(low), .number(high)]
    }

    /// The rows as sensitivity.csv text.
    public static func csv(_ rows: [SensitivityIndexRow]) -> String {
        var text = ""
        CSVWriter.writeHeader(header, to: &text)
        for row in rows {
            CSVWriter.writeRow(row.cells, to: &text)
        }
        return text
    }

    /// The rows as an aligned table for a terminal.
    public static func table(_ rows: [SensitivityIndexRow], confidence: Double) -> String {
        let body = rows.map { [$0.metric, $0.factor, $0.index, readable($0.estimate), "[\(readable($0.low)), \(readable($0.high))]"] }
        let titles = ["metric", "factor", "index", "estimate", "\(formatNumber(confidence * 100))% interval"]
        let widths = titles.indices.map { column in ([titles] + body).map { $0[column].count }.max() ?? 0 }
        return ([titles] + body).map { cells in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    private static func readable(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : "n/a"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
