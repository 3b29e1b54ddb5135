import Foundation
import Testing

@Suite struct CalibrateCommandTests {
    /// A commit log of two runs: 30 hours of 40-60 commits an hour, four hours of quiet, then a
    /// 3-hour run of 50 an hour; each commit touches 1-3 files.
    private static let log: String = {
        var lines = ["commit,committed_utc,parents,files_changed,lines_added,lines_deleted"]
        var index = 0
        func add(hourStart: Int, commits: Int) {
            for k in 0..<commits {
                let seconds = hourStart * 3_600 + k * 3_600 / commits
                let (h, m, s) = (10 + seconds / 3_600, seconds % 3_600 / 60, seconds % 60)
                let day = 10 + h / 24
                lines.append(String(format: "c%05d,2026-01-%02dT%02d:%02d:%02dZ,1,%d,1,0", index, day, h % 24, m, s, 1 + index % 3))
                index += 1
            }
        }
        for hour in 0..<30 { add(hourStart: hour, commits: 40 + (hour * 7) % 21) }
        for hour in 34..<37 { add(hourStart: hour, commits: 50) }
        return lines.joined(separator: "\n") + "\n"
    }()

    private static let base = #"{"name": "base", "seed": 2, "agents": {"count": 100}, "topology": {"kind": "planner-worker"}}"#

    /// A workspace with the observed folder `observed/` of the log.
    static func workspace() throws -> Workspace {
        let workspace = try Workspace(CalibrateCommandTests.base)
        try Data(CalibrateCommandTests.log.utf8).write(to: workspace.folder.appendingPathComponent("log.csv"))
        let observed = try workspace.run(["observe", "log.csv", "--out", "observed", "--min-commits", "100"])
        #expect(observed.status == 0, "\(observed.stderr)")
        return workspace
    }

    @Test("observe writes both files: the runs split at the gap, hourly series and statistics.")
    func observeWritesRuns() throws {
        let workspace = try Self.workspace()
        let summary = try workspace.contents("observed/observed-summary.csv").split(separator: "\n")
        #expect(summary.count == 3)
        #expect(summary[1].hasPrefix("1,2026-01-10T10:00:00Z,2026-01-11T15:"))
        #expect(summary[2].hasPrefix("2,2026-01-11T20:00:00Z,2026-01-11T22:"))
        let series = try workspace.contents("observed/observed.csv").split(separator: "\n")
        #expect(series[0] == "run_id,time_hours,tasks_done,throughput_tasks_per_hour")
        #expect(series[1] == "1,1,40,40" && series.count == 1 + 30 + 3)
    }

    @Test("A calibration writes the same bytes with --jobs 1 and --jobs 2, in two processes, and again from the store.")
    func deterministicAcrossJobs() throws {
        let workspace = try Self.workspace()
        let common = ["calibrate", "scenario.json", "--observed", "observed", "--min-hours", "24", "--fit", "agents.count=50..400",
                      // A parameter inside a distribution: calibrated.json must carry the rest of it (sd) to validate.
                      "--fit", "tasks.effort_hours.lognormal.mean=0.5..3", "--log", "tasks.effort_hours.lognormal.mean",
                      "--statistic", "median_per_hour", "--statistic", "p90_per_hour", "--particles", "8", "--budget", "32",
                      // The 3-hour run, kept out of the fit, as a holdout.
                      "--holdout", "observed", "--holdout-min-hours", "1"]
        let one = try workspace.run(common + ["--jobs", "1", "--db", "one.sqlite", "--out", "one"])
        let two = try workspace.run(common + ["--jobs", "2", "--db", "two.sqlite", "--out", "two"])
        let again = try workspace.run(common + ["--jobs", "2", "--db", "two.sqlite", "--out", "again"])
        #expect(one.status == 0 && two.status == 0 && again.status == 0, "\(one.stderr) \(two.stderr)")
        #expect(one.stderr.contains("generation 0: tolerance"))
        for file in ["posterior.csv", "calibration.csv", "calibrated.json", "ppc.csv", "ppc-series.csv", "holdout.csv", "holdout-series.csv"] {
            let reference = try workspace.data("one/\(file)")
            #expect(try workspace.data("two/\(file)") == reference, "\(file)")
            #expect(try workspace.data("again/\(file)") == reference, "\(file)")
        }
        let calibrated = try workspace.contents("one/calibrated.json")
        #expect(calibrated.contains("\"name\" : \"base-calibrated\"") || calibrated.contains("\"name\": \"base-calibrated\""))
        // The holdout's runs last 30 and 3 hours: its check simulates their median, 17 (rounded up).
        let holdoutSeries = try workspace.contents("one/holdout-series.csv").split(separator: "\n")
        #expect(holdoutSeries[0] == "time_hours,simulated_median,simulated_p05,simulated_p95,observed_run_1,observed_run_2")
        let simulatedMedian = holdoutSeries.map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        #expect(holdoutSeries.count == 1 + 30 && !simulatedMedian[17].isEmpty && simulatedMedian[18].isEmpty)
        let validation = try workspace.run(["validate", "one/calibrated.json"])
        #expect(validation.status == 0, "\(validation.stderr)")
    }

    @Test("calibrate refuses a path that is not a number, an unknown path, an empty range, a malformed fit and an observed folder without long runs.")
    func clearErrors() throws {
        let workspace = try Self.workspace()
        func error(_ arguments: [String]) throws -> String {
            let result = try workspace.run(["calibrate", "scenario.json", "--observed", "observed", "--budget", "20", "--particles", "4"] + arguments)
            #expect(result.status == 1)
            #expect(!workspace.exists("results/base-calibration"))
            return result.stderr
        }
        #expect(try error(["--fit", "topology.kind=1..2"]).hasPrefix(
            "Error: --fit topology.kind: not a number in the scenario's model (found \"planner-worker\"); only numeric parameters can be fitted"))
        #expect(try error(["--fit", "agents.count=500..100"]).hasPrefix("Error: --fit agents.count: the range 500..100 is empty; LOW must be below HIGH"))
        #expect(try error(["--fit", "agents.count=100-500"]).hasPrefix("Error: --fit agents.count=100-500: expected PATH=LOW..HIGH"))
        #expect(try error(["--fit", "agents.cout=1..5"]).contains("agents.cout: unknown key; did you mean \"count\"?"))
        #expect(try error(["--fit", "agents.count=10..50", "--min-hours", "100"]).hasPrefix(
            "Error: observed/observed-summary.csv: none of its 2 runs lasts 100 hours or more"))
        #expect(try error(["--fit", "agents.count=10..50", "--set", "agents.count=3"]).hasPrefix(
            "Error: --fit agents.count: also given as --set agents.count"))
        // A run without its length: the calibration could not time its runs.
        let summary = workspace.folder.appendingPathComponent("observed/observed-summary.csv")
        var rows = try String(contentsOf: summary, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        rows[1][3] = ""
        try Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").utf8).write(to: summary)
        #expect(try error(["--fit", "agents.count=10..50"]).hasPrefix(
            "Error: observed/observed-summary.csv: row 2, column \"hours\": must be a whole number"))
    }

    @Test("A calibration killed outright (SIGKILL) and restarted with the same command writes the files of an uninterrupted one.")
    func killedCalibrationResumes() throws {
        let command = ["calibrate", "scenario.json", "--observed", "observed", "--min-hours", "24", "--fit", "agents.count=200..800",
                       "--statistic", "median_per_hour", "--particles", "20", "--budget", "160", "--jobs", "2", "--out", "cal", "--quiet"]
        let reference = try Self.workspace()
        #expect(try reference.run(command).status == 0)
        let workspace = try Self.workspace()
        let killed = try BuiltBinary.start(command, in: workspace.folder)
            .killOutright(once: { workspace.exists("results/swarmsim.sqlite") }, settle: 0.5)
        #expect(killed.signalled && !workspace.exists("cal"), "the calibration finished before it was killed")
        let resumed = try workspace.run(command)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["posterior.csv", "calibration.csv", "calibrated.json", "ppc.csv", "ppc-series.csv"] {
            #expect(try workspace.data("cal/\(file)") == reference.data("cal/\(file)"), "\(file) differs after resuming")
        }
    }
}
