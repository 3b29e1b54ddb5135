import Foundation
import Testing
@testable import SwarmAnalysis
@testable import SwarmExperiment

@Suite struct CalibrationReportTests {
    /// A calibration of two parameters with a holdout, written into `cal/`.
    static func calibrated() throws -> Workspace {
        let workspace = try CalibrateCommandTests.workspace()
        let result = try workspace.run(["calibrate", "scenario.json", "--observed", "observed", "--min-hours", "24",
                                        "--fit", "agents.count=50..400", "--fit", "tasks.effort_hours.lognormal.mean=0.5..3",
                                        "--log", "tasks.effort_hours.lognormal.mean", "--holdout", "observed", "--holdout-min-hours", "1",
                                        "--particles", "10", "--budget", "40", "--db", "store.sqlite", "--out", "cal"])
        #expect(result.status == 0, "\(result.stderr)")
        return workspace
    }

    @Test("report on a calibration folder shows the marginals against the priors, the strongest correlated pair, the hourly band and the checks, the same bytes every time.")
    func reportsCalibration() throws {
        let workspace = try Self.calibrated()
        #expect(try workspace.run(["report", "cal"]).status == 0)
        let html = try workspace.contents("cal/report.html")
        for id in ["marginals", "correlation", "hourly", "ppc", "holdout-hourly", "holdout"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        #expect(html.contains("<h1>swarmsim calibration report: base-calibrated</h1>"))
        #expect(html.contains("Strongest posterior correlation: agents.count and tasks.effort_hours.lognormal.mean"))
        #expect(html.contains("prior (log-uniform over its range)") && html.contains("prior (uniform over its range)"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)  // two marginals, the pair, two hourly bands
        #expect(!html.contains("<script"))
        #expect(try workspace.run(["report", "cal", "--out", "again.html"]).status == 0)
        #expect(try workspace.data("again.html") == workspace.data("cal/report.html"))
    }

    @Test("The strongest pair is the one with the largest weighted correlation in size, and the correlation is Pearson's under the weights.")
    func weightedCorrelation() {
        // Equal weights: Pearson's r of (1, 2, 3) and (2, 4, 7) is 0.9934; weights that drop the third point make it 1.
        #expect(abs(CalibrationReport.weightedCorrelation([1, 2, 3], [2, 4, 7], [1, 1, 1]) - 0.99339926) < 1e-8)
        #expect(abs(CalibrationReport.weightedCorrelation([1, 2, 3], [2, 4, 7], [1, 1, 0]) - 1) < 1e-12)
        #expect(CalibrationReport.weightedCorrelation([1, 1, 1], [2, 4, 7], [1, 1, 1]) == 0)
    }

    @Test("A damaged calibration folder is refused with the file, row and column, and nothing is written.")
    func refusesDamage() throws {
        let workspace = try Self.calibrated()
        let url = workspace.folder.appendingPathComponent("cal/calibration.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: ",log-uniform,", with: ",sideways,").utf8).write(to: url)
        let result = try workspace.run(["report", "cal"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: cal/calibration.csv: row 3, column \"prior\": must be uniform or log-uniform (found \"sideways\")"), "\(result.stderr)")
        #expect(!workspace.exists("cal/report.html"))
    }

    @Test("chromium draws the calibration report's charts: its screenshot is far larger than the same page without them.",
          .enabled(if: ReportRenderingTests.chromium != nil, "chromium is not installed (apt-get install chromium); .ci/run installs it"))
    func rendersCharts() throws {
        let workspace = try Self.calibrated()
        #expect(try workspace.run(["report", "cal"]).status == 0)
        let html = try workspace.contents("cal/report.html")
        // Each chart replaced by an empty box of its size: the same layout, with nothing drawn where the charts were
        // (this page's tables are long, so a page without the charts' height would not compare).
        let bare = html.components(separatedBy: "<svg ").enumerated().map { index, part -> String in
            guard index > 0 else { return part }
            let size = part.prefix { $0 != ">" }
            func attribute(_ name: String) -> String {
                String(size.components(separatedBy: " \(name)=\"")[1].prefix { $0 != "\"" })
            }
            let box = "<div style=\"width:\(attribute("width"))px;height:\(attribute("height"))px;margin:1em 0\"></div>"
            return box + part.components(separatedBy: "</svg>").dropFirst().joined(separator: "</svg>")
        }.joined()
        let (full, withoutCharts) = try ReportRenderingTests.screenshots(of: workspace.folder.appendingPathComponent("cal/report.html"),
                                                                         against: bare, in: workspace.folder)
        // Five charts of bars, dots, bands and lines add tens of kilobytes of compressed pixels to text on white.
        #expect(full.count > withoutCharts.count + 30_000, "charts added \(full.count - withoutCharts.count) bytes")
    }
}
