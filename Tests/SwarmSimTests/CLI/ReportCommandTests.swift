import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis
import GRDB
import Testing

@Suite struct ReportCommandTests {
    /// Two topologies swept over agents, with one bound and one trend to check: every section of
    /// the report has something to draw.
    static let scenario = """
        {"name": "report-test", "description": "Flat lock <versus> planners", "seed": 7, "replications": 3,
         "duration_hours": 48, "sample_every_hours": 8,
         "variants": [{"label": "flat-lock", "topology": {"kind": "flat-lock"}},
                      {"label": "planner-worker", "topology": {"kind": "planner-worker"}}],
         "sweep": {"agents.count": [1, 2, 5, 10]},
         "expect": [{"description": "ten flat-lock peers wait for the lock", "metric": "lock_wait_share",
                     "variant": "flat-lock", "where": {"agents.count": 10}, "at_least": 0.1},
                    {"description": "planners' throughput grows with agents", "metric": "throughput_tasks_per_hour",
                     "variant": "planner-worker", "trend": "increasing_in", "path": "agents.count"}]}
        """

    /// A workspace whose `out` folder holds the results of `scenario`.
    static func results(_ text: String = scenario, arguments: [String] = []) throws -> Workspace {
        let workspace = try Workspace(text)
        let run = try workspace.run(["run", workspace.scenario, "--out", "out", "--db", "store.sqlite", "--quiet"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return workspace
    }

    /// The `<svg>` elements of `html`, in order.
    static func charts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    }

    @Test("report writes one self-contained page: sections, a chart per section with marks, the USL table, checks with verdicts.")
    func sweepReport() throws {
        let workspace = try Self.results()
        let result = try workspace.run(["report", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try workspace.contents("out/report.html")
        for id in ["scaling", "time", "drift", "expectations"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.contains("swarmsim report: report-test") && html.contains("Flat lock &lt;versus&gt; planners"))
        #expect(html.contains("swarmsim \(SwarmSimVersion.build) · 24 runs · 3 replicates per point"))
        // Throughput, effective agents, time allocation, drift.
        let charts = Self.charts(html)
        #expect(charts.count == 4)
        for chart in charts {
            // Lines and bands are paths without a class (grid and axes have one); bars are rects with a tooltip.
            #expect(chart.contains("<path d=\"M") || chart.contains("</rect>"), "a chart without marks")
            #expect(chart.contains("<title>") && chart.contains("text-anchor"), "a chart without title or tick labels")
        }
        #expect(charts[2].components(separatedBy: "<rect ").count > 8, "stacked bars expected in the time allocation chart")
        #expect(html.contains("<th>gamma (tasks/h per agent)</th>") && html.contains("<td>flat-lock</td>")
                && html.contains("<td>planner-worker</td>"))
        #expect(html.contains("2 of 2 checks passed"))
        #expect(html.contains("<td>PASS</td><td>ten flat-lock peers wait for the lock</td><td>flat-lock, agents.count=10</td>"))
        // Self-contained: no scripts, nothing fetched (the only URL is the SVG namespace).
        for outside in ["<script", "<link", "src=", "https://", "url("] {
            #expect(!html.contains(outside), "found \(outside)")
        }
    }

    @Test("The same results give a byte-identical report, in separate processes and at a chosen path.")
    func deterministic() throws {
        let workspace = try Self.results()
        #expect(try workspace.run(["report", "out"]).status == 0)
        #expect(try workspace.run(["report", "out", "--out", "second.html"]).status == 0)
        #expect(try workspace.data("out/report.html") == workspace.data("second.html"))
        #expect(try !workspace.entries(".").contains { $0.hasSuffix(".tmp") } && !workspace.entries("out").contains { $0.hasSuffix(".tmp") })
    }

    @Test("A run store reports a scenario it holds byte for byte as the results folder does; several scenarios need --scenario.")
    func fromStore() throws {
        let workspace = try Self.results()
        #expect(try workspace.run(["report", "out"]).status == 0)
        let fromStore = try workspace.run(["report", "store.sqlite"])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        #expect(fromStore.stderr.contains("report written to \(workspace.folder.appendingPathComponent("report-test-report.html").path)"))
        #expect(try workspace.data("report-test-report.html") == workspace.data("out/report.html"))

        let other = try Workspace(Self.scenario.replacingOccurrences(of: "report-test", with: "other"))
        try FileManager.default.copyItem(at: workspace.folder.appendingPathComponent("store.sqlite"), to: other.folder.appendingPathComponent("store.sqlite"))
        #expect(try other.run(["run", other.scenario, "--out", "out", "--db", "store.sqlite", "--quiet"]).status == 0)
        let ambiguous = try other.run(["report", "store.sqlite"])
        #expect(ambiguous.status != 0 && ambiguous.stderr.contains("--scenario") && ambiguous.stderr.contains("report-test"), "\(ambiguous.stderr)")
        #expect(try other.run(["report", "store.sqlite", "--scenario", "report-test", "--out", "chosen.html"]).status == 0)
        #expect(try other.data("chosen.html") == workspace.data("out/report.html"))
        #expect(try !other.entries(".").contains { $0.hasSuffix(".tmp") })
    }

    @Test("Without an agent sweep the report draws bars, and checks the expectations of a run with --set and --variant.")
    func singlePoint() throws {
        let text = """
            {"name": "one-point", "replications": 3, "duration_hours": 24, "agents": {"count": 10},
             "variants": [{"label": "flat-lock", "topology": {"kind": "flat-lock"}}, {"label": "optimistic", "topology": {"kind": "optimistic"}}],
             "expect": [{"description": "ten flat-lock peers wait for the lock", "metric": "lock_wait_share",
                         "variant": "flat-lock", "at_least": 0.1}]}
            """
        let workspace = try Self.results(text, arguments: ["--variant", "flat-lock", "--set", "drift.tau_hours=60", "--replications", "2"])
        let result = try workspace.run(["report", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try workspace.contents("out/report.html")
        #expect(!html.contains("Universal Scalability Law fits"))
        #expect(html.contains("<rect") && html.contains("flat-lock, 10 agents"))
        #expect(!html.contains("optimistic"))
        #expect(html.contains("1 of 1 checks passed"))
    }

    @Test("Results that do not match their recorded plan get no verdicts, and the report says to run check.")
    func unmatchedPlan() throws {
        let workspace = try Self.results()
        let resolved = workspace.folder.appendingPathComponent("out/scenario.resolved.json")
        let text = try String(contentsOf: resolved, encoding: .utf8)
        #expect(text.contains("\"runs\" : 24"))
        try Data(text.replacingOccurrences(of: "\"runs\" : 24", with: "\"runs\" : 25").utf8).write(to: resolved)
        #expect(try workspace.run(["report", "out"]).status == 0)
        let html = try workspace.contents("out/report.html")
        #expect(html.contains("could not be matched to their scenario's plan"))
        #expect(html.contains("<td>ten flat-lock peers wait for the lock</td>") && !html.contains("<td>PASS</td>"))
    }

    @Test("report names a folder that is not a results folder.")
    func missingFiles() throws {
        let workspace = try Workspace("{}")
        let result = try workspace.run(["report", "."])
        #expect(result.status != 0)
        #expect(result.stderr.contains("runs.csv"))
        let missing = try workspace.run(["report", "nowhere"])
        #expect(missing.status != 0 && missing.stderr.contains("nowhere: no such results folder or run store"))
        let notStore = try workspace.run(["report", workspace.scenario])
        #expect(notStore.status != 0 && notStore.stderr.contains(workspace.scenario), "\(notStore.stderr)")
    }
    @Test("report refuses a runs.csv whose run_id is 1e300 (once a trap, exit 132): exit 1 naming file, row and column, no report written.")
    func refusesRunIDBeyondInt() throws {
        let workspace = try Self.results()
        let runs = workspace.folder.appendingPathComponent("out/runs.csv")
        var lines = try String(contentsOf: runs, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasPrefix("1,"))
        lines[1] = "1e300" + lines[1].dropFirst()
        try Data(lines.joined(separator: "\n").utf8).write(to: runs)
        let result = try workspace.run(["report", "out"])
        #expect(result.status == 1 && !result.signalled, "\(result.status)")
        #expect(result.stderr == "Error: out/runs.csv: row 2, column \"run_id\": must be a whole number, at least 1 and at most 10000000 "
                + "(found \"1e300\")\n", "\(result.stderr)")
        #expect(try !workspace.exists("out/report.html") && !workspace.entries("out").contains { $0.hasSuffix(".tmp") })
    }

    @Test("report STORE refuses a metric a double cannot hold exactly (once rounded to 2^63 and reported), naming store, table, run and column.")
    func refusesInexactStoredMetric() throws {
        let workspace = try Self.results()
        let database = try DatabaseQueue(path: workspace.folder.appendingPathComponent("store.sqlite").path)
        try database.write { db in try db.execute(sql: "UPDATE runs SET throughput_tasks_per_hour = 9223372036854775807 WHERE agents = 10") }
        let result = try workspace.run(["report", "store.sqlite"])
        #expect(result.status == 1 && !result.signalled)
        #expect(result.stderr.hasPrefix("Error: store.sqlite: table runs, run ") && result.stderr.contains(
            "column \"throughput_tasks_per_hour\": must be a number a double holds exactly, or NULL when undefined (found the integer 9223372036854775807)"),
            "\(result.stderr)")
        #expect(!workspace.exists("report-test-report.html"))
    }
}
