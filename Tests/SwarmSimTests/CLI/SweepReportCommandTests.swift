import Foundation
import Testing

/// Reports of sweeps that do not vary the agent count: the swept parameter on the x axis, a line
/// and a colour per variant, panels for a second swept parameter.
@Suite struct SweepReportCommandTests {
    /// Two variants at five agents over the lock lease, and optionally over build slots too.
    static func scenario(sweep: String) -> String {
        """
        {"name": "sweep-test", "seed": 7, "replications": 2, "duration_hours": 24, "sample_every_hours": 8,
         "agents": {"count": 5},
         "variants": [{"label": "flat-lock", "topology": {"kind": "flat-lock"}},
                      {"label": "optimistic", "topology": {"kind": "optimistic"}}],
         "sweep": \(sweep)}
        """
    }

    static let oneParameter = scenario(sweep: #"{"locks.lease_hours": [0.5, 1, 2, 4]}"#)
    static let twoParameters = scenario(sweep: #"{"locks.lease_hours": [0.5, 1, 2, 4], "build.slots": [1, 3]}"#)
    static let agentsAndParameter = scenario(sweep: #"{"agents.count": [1, 2, 5], "locks.lease_hours": [0.5, 2]}"#)

    /// The report of `text`'s results.
    static func report(_ text: String) throws -> (workspace: Workspace, html: String) {
        let workspace = try ReportCommandTests.results(text)
        let result = try workspace.run(["report", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        return (workspace, try workspace.contents("out/report.html"))
    }

    @Test("a sweep over one parameter puts it on the x axis, one line per variant in its own colour, labelled by the variant alone.")
    func oneParameterSweep() throws {
        let html = try Self.report(Self.oneParameter).html
        // Elsewhere, series are named short: the parameter's last part, no agent count that never changes.
        #expect(html.contains(">flat-lock (lease_hours=0.5)</text>") && !html.contains("5 agents"))
        let charts = ReportCommandTests.charts(html).filter { $0.contains("against locks.lease_hours") }
        #expect(charts.count == 2)
        for chart in charts {
            #expect(chart.contains(">locks.lease_hours</text>"), "the swept parameter is not the x axis' title")
            #expect(chart.contains(">flat-lock</text>") && chart.contains(">optimistic</text>"))
            #expect(!chart.contains("flat-lock ("), "a long series label")
            #expect(chart.contains("stroke=\"#0072B2\"") && chart.contains("stroke=\"#E69F00\""), "one line per variant, each its colour")
            #expect(chart.components(separatedBy: "<circle ").count - 1 == 8, "a dot per variant and value")
        }
    }

    @Test("a second swept parameter (besides another or besides agents) gets a panel per value, with one line and colour per variant in each.",
          arguments: [(twoParameters, "against locks.lease_hours, build.slots=", ["throughput (tasks/h), build.slots=1", "effective agents (agents), build.slots=3"]),
                      (agentsAndParameter, "against agents, locks.lease_hours=",
                       ["throughput (tasks/h), locks.lease_hours=0.5", "effective agents (agents), locks.lease_hours=2"])])
    func panels(scenario: String, chartTitle: String, headings: [String]) throws {
        let html = try Self.report(scenario).html
        let charts = ReportCommandTests.charts(html).filter { $0.contains(chartTitle) }
        #expect(charts.count == 4)
        #expect(headings.allSatisfy { html.contains("<h3>\($0)</h3>") })
        for chart in charts {
            #expect(chart.contains(">flat-lock</text>") && chart.contains(">optimistic</text>") && !chart.contains("flat-lock ("))
            #expect(chart.contains("fill=\"#0072B2\"") && chart.contains("fill=\"#E69F00\"") && !chart.contains("fill=\"#009E73\""))
        }
    }
}
