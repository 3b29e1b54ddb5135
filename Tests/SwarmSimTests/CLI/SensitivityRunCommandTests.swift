import Foundation
import Testing

/// `swarmsim sensitivity run` on the model: the files it writes, byte for byte the same across
/// processes, job counts, a resumed run and shards; and what it refuses.
@Suite struct SensitivityRunCommandTests {
    private static let scenario = """
        {"name": "f1", "agents": {"count": 8}, "topology": {"kind": "flat-lock"}, "duration_hours": 24, "replications": 2,
         "factors": {"board.hours_per_entry": {"log_uniform": [0.0005, 0.004]}, "profiles.default.hold_inflation": {"uniform": [1, 4]},
                     "topology.kind": {"choice": ["flat-lock", "optimistic"]}}}
        """
    private static let files = ["design.csv", "outputs.csv", "scenario.resolved.json", "seed_noise.csv", "sensitivity.csv"]

    private func contents(_ workspace: Workspace, _ folder: String) throws -> [String] {
        try Self.files.map { try workspace.contents("\(folder)/\($0)") }
    }

    @Test("The files are identical across processes, job counts, a second run from the store and a run made in two shards.")
    func deterministic() throws {
        let workspace = try Workspace(Self.scenario)
        let common = ["sensitivity", "run", "scenario.json", "--n", "8", "--quiet"]
        let first = try workspace.run(common + ["--jobs", "1", "--db", "a.sqlite", "--out", "a"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try workspace.entries("a") == Self.files)
        let second = try workspace.run(common + ["--jobs", "2", "--db", "b.sqlite", "--out", "b"])
        #expect(second.status == 0)
        let again = try workspace.run(common + ["--jobs", "2", "--db", "a.sqlite", "--out", "c"])
        #expect(again.status == 0)
        for shard in ["1/2", "2/2"] {
            let part = try workspace.run(["sensitivity", "run", "scenario.json", "--n", "8", "--quiet", "--db", "d.sqlite", "--shard", shard])
            #expect(part.status == 0, "\(part.stderr)")
        }
        #expect(!workspace.exists("results"))
        let merged = try workspace.run(common + ["--db", "d.sqlite", "--out", "d"])
        #expect(merged.status == 0)
        let reference = try contents(workspace, "a")
        for folder in ["b", "c", "d"] {
            #expect(try contents(workspace, folder) == reference, "\(folder)")
        }
        // 8 blocks of k + 2 = 5 points, 2 replicates each; every metric's S1 and ST per factor.
        #expect(reference[0].split(separator: "\n").count == 1 + 40)
        #expect(reference[1].hasPrefix("point,effective_agents,throughput_tasks_per_hour\npoint-01,"))
        #expect(reference[4].split(separator: "\n").count == 1 + 2 * 3 * 2)
        #expect(reference[3].hasPrefix("metric,replicates,point_variance,replicate_noise_variance,noise_share\neffective_agents,2,"))
    }

    @Test("The stored runs are the runs of the design: a second run simulates nothing (the store answers every run).")
    func resumesFromTheStore() throws {
        let workspace = try Workspace(Self.scenario)
        let arguments = ["sensitivity", "run", "scenario.json", "--method", "morris", "--n", "3", "--db", "s.sqlite", "--out", "m"]
        let first = try workspace.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("mu_star") && first.stdout.contains("seed noise of effective_agents"))
        let second = try workspace.run(arguments)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("reused") || second.stderr.contains("24 runs"), "\(second.stderr)")
    }

    @Test("swarmsim report on a sensitivity folder draws each metric's indices with their intervals; a damaged cell is refused with its row.")
    func report() throws {
        let workspace = try Workspace(Self.scenario)
        let run = try workspace.run(["sensitivity", "run", "scenario.json", "--n", "4", "--quiet", "--db", "s.sqlite", "--out", "out"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try workspace.run(["report", "out"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try workspace.contents("out/report.html")
        #expect(page.contains("<h1>swarmsim sensitivity: f1-sensitivity</h1>"))
        #expect(page.contains("<h2>effective_agents</h2>") && page.contains("<h2>throughput_tasks_per_hour</h2>"))
        #expect(page.contains("<title>topology.kind ST: "), "a bar per factor and index, with its value and interval as a tooltip")
        _ = try workspace.run(["report", "out", "--out", "again.html"])
        #expect(try workspace.contents("again.html") == page)
        var lines = try workspace.contents("out/sensitivity.csv").split(separator: "\n").map(String.init)
        lines[2] = lines[2].split(separator: ",").prefix(3).joined(separator: ",") + ",n/a,0,1"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: workspace.folder.appendingPathComponent("out/sensitivity.csv"))
        let damaged = try workspace.run(["report", "out", "--out", "damaged.html"])
        #expect(damaged.status == 1 && !workspace.exists("damaged.html"))
        #expect(damaged.stderr == "Error: out/sensitivity.csv: row 3, column \"estimate\": must be a finite number (found \"n/a\")\n", "\(damaged.stderr)")
    }

    @Test("A scenario with a sweep, several variants without --variant, no factors, or an unknown metric is refused.")
    func refusals() throws {
        let workspace = try Workspace(#"{"name": "s", "sweep": {"agents.count": [1, 2]}, "factors": {"tasks.effort_hours": {"uniform": [1, 2]}}}"#)
        let swept = try workspace.run(["sensitivity", "run", "scenario.json", "--n", "4"])
        #expect(swept.status == 1 && swept.stderr.contains("remove the sweep of agents.count or make it a factor"), "\(swept.stderr)")
        try Data(#"{"name": "v", "variants": [{"label": "a"}, {"label": "b"}], "factors": {"tasks.effort_hours": {"uniform": [1, 2]}}}"#.utf8)
            .write(to: workspace.folder.appendingPathComponent("v.json"))
        let several = try workspace.run(["sensitivity", "run", "v.json", "--n", "4"])
        #expect(several.status == 1 && several.stderr.contains("choose one of the variants with --variant (a, b)"), "\(several.stderr)")
        let unknown = try workspace.run(["sensitivity", "run", "v.json", "--n", "4", "--variant", "c"])
        #expect(unknown.status == 1 && unknown.stderr.contains("--variant c: no such variant"), "\(unknown.stderr)")
        try Data(#"{"name": "n"}"#.utf8).write(to: workspace.folder.appendingPathComponent("n.json"))
        let none = try workspace.run(["sensitivity", "run", "n.json", "--n", "4"])
        #expect(none.status == 1 && none.stderr.contains("no factors"), "\(none.stderr)")
        let huge = try workspace.run(["sensitivity", "run", "v.json", "--n", "65536", "--variant", "a"])
        #expect(huge.status == 1 && huge.stderr.contains("the design has 196608 points, each a model to run; a run takes at most 100000: lower --n"),
                "\(huge.stderr)")
        let metric = try workspace.run(["sensitivity", "run", "v.json", "--n", "4", "--variant", "a", "--metric", "troughput"])
        #expect(metric.status != 0 && !workspace.exists("results"))
    }
}
