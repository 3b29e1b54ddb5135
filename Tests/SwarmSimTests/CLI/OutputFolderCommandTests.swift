import Foundation
import Testing

/// A sweep over agents with an expectation at each end, small enough to run in a test.
private let sweepScenario = ScenarioFixtures.text([
    "name": "folders",
    "sweep": ["agents.count": [1, 2]],
    "expect": [
        ["metric": "tasks_done", "where": ["agents.count": 1], "at_least": 0],
        ["metric": "tasks_done", "where": ["agents.count": 2], "at_least": 0],
    ],
])

/// Results folders as shell scripts use them: one folder per experiment, never another's files.
@Suite struct OutputFolderCommandTests {
    @Test("A shell loop over a setting keeps every experiment: the default folder names the settings that differ from the file.")
    func loopKeepsEveryExperiment() throws {
        let workspace = try Workspace(sweepScenario)
        for lease in ["0.5", "2"] {
            let run = try workspace.run(["run", workspace.scenario, "--set", "locks.lease_hours=\(lease)", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let asWritten = try workspace.run(["run", workspace.scenario, "--quiet"])
        #expect(asWritten.status == 0, "\(asWritten.stderr)")
        #expect(try workspace.entries("results/folders").filter { !$0.hasSuffix(".csv") && !$0.hasSuffix(".json") }
            == ["locks.lease_hours=0.5", "locks.lease_hours=2"])
        #expect(try workspace.contents("results/folders/locks.lease_hours=2/runs.csv").split(separator: "\n")[1].contains(",2,"))
        // Settings are named in path order whatever order they were given in, with --replications
        // and the variants chosen; a narrowed swept path names the values it keeps.
        let narrowed = try workspace.run(["run", workspace.scenario, "--set", "agents.count=2", "--replications", "1", "--quiet"])
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
        #expect(workspace.exists("results/folders/agents.count=2,replications=1/runs.csv"))
        let runs = try workspace.contents("results/folders/agents.count=2,replications=1/runs.csv").split(separator: "\n")
        #expect(runs.count == 2)
    }

    @Test("An --out folder holding another experiment is refused, naming it, and left as it was; --force replaces it; the same experiment may be written again.")
    func outRefusesAnotherExperiment() throws {
        let workspace = try Workspace(sweepScenario)
        let first = try workspace.run(["run", workspace.scenario, "--out", "out", "--db", "first.sqlite", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try workspace.data("out/runs.csv")
        let again = try workspace.run(["run", workspace.scenario, "--out", "out", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        let other = try workspace.run(["run", workspace.scenario, "--out", "out", "--set", "locks.lease_hours=2", "--quiet"])
        #expect(other.status == 1)
        #expect(other.stderr == """
            Error: out holds the results of another experiment, "folders" as written (4 runs); choose another output folder, or give --force to replace them

            """)
        #expect(try workspace.data("out/runs.csv") == before)
        let forced = try workspace.run(["run", workspace.scenario, "--out", "out", "--set", "locks.lease_hours=2", "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try workspace.data("out/runs.csv") != before)
        // export is held to the same rule.
        let export = try workspace.run(["export", "first.sqlite", "--out", "out"])
        #expect(export.status == 1)
        #expect(export.stderr.contains("out holds the results of another experiment, \"folders\" with locks.lease_hours=2 (4 runs)"))
        #expect(try workspace.run(["export", "first.sqlite", "--out", "out", "--force"]).status == 0)
        #expect(try workspace.data("out/runs.csv") == before)
    }

    @Test("A report.html does not outlive the results it describes: new results in its folder remove it.")
    func staleReportRemoved() throws {
        let workspace = try Workspace(sweepScenario)
        #expect(try workspace.run(["run", workspace.scenario, "--out", "out", "--quiet"]).status == 0)
        #expect(try workspace.run(["report", "out"]).status == 0)
        #expect(workspace.exists("out/report.html"))
        let rerun = try workspace.run(["run", workspace.scenario, "--out", "out", "--replications", "3", "--force", "--quiet"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try workspace.entries("out") == ["aggregate.csv", "runs.csv", "scenario.resolved.json", "timeseries.csv", "usl.csv"])
    }

    @Test("The summary says where the store is and that nothing was simulated when every run was reused.")
    func summaryNamesTheStore() throws {
        let workspace = try Workspace(sweepScenario)
        let first = try workspace.run(["run", workspace.scenario])
        #expect(first.stderr.contains("4 runs written to results/folders (simulated and saved in the store results/swarmsim.sqlite)"))
        let second = try workspace.run(["run", workspace.scenario])
        #expect(second.stderr.contains("4 runs written to results/folders (all 4 reused from the store results/swarmsim.sqlite)"))
        let more = try workspace.run(["run", workspace.scenario, "--replications", "3"])
        #expect(more.stderr.contains(
            "6 runs written to results/folders/replications=3 (4 reused from the store results/swarmsim.sqlite, 2 simulated and saved in it)"))
    }

    @Test("check on a narrowed sweep tests the expectations whose points remain and says how many it set aside.")
    func checkNarrowed() throws {
        let workspace = try Workspace(sweepScenario)
        let check = try workspace.run(["check", workspace.scenario, "--set", "agents.count=2"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("1 of 1 checks passed\n"))
        #expect(check.stderr.contains("note: 1 expectation set aside: the settings removed the sweep points they name"))
        let none = try workspace.run(["check", workspace.scenario, "--set", "agents.count=3"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("the settings left none of its expectations' sweep points: nothing to check"))
    }

    @Test("A non-empty folder holding no swarmsim results is refused, naming what it holds, and left as it was; --force writes there; export too.")
    func outRefusesAForeignFolder() throws {
        let workspace = try Workspace(sweepScenario)
        let out = workspace.folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try Data("draft\n".utf8).write(to: out.appendingPathComponent("drafts/plan.md"))
        try Data("mine\n".utf8).write(to: out.appendingPathComponent("todo.txt"))
        let refused = try workspace.run(["run", workspace.scenario, "--out", "notes", "--quiet"])
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            Error: notes is not empty and holds no swarmsim results (it holds drafts, todo.txt); choose a new or empty output folder, \
            or give --force to write the result files there anyway

            """)
        #expect(try workspace.entries("notes").sorted() == ["drafts", "todo.txt"])
        let forced = try workspace.run(["run", workspace.scenario, "--out", "notes", "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try workspace.entries("notes").sorted() == ["aggregate.csv", "drafts", "runs.csv", "scenario.resolved.json", "timeseries.csv", "todo.txt", "usl.csv"])
        let exported = try workspace.run(["export", "results/swarmsim.sqlite", "--out", "notes/new"])
        #expect(exported.status == 0, "\(exported.stderr)")  // a new folder
        let refusedExport = try workspace.run(["export", "results/swarmsim.sqlite", "--out", "."])
        #expect(refusedExport.status == 1 && refusedExport.stderr.contains(". is not empty and holds no swarmsim results"), "\(refusedExport.stderr)")
        // Now it holds results: the same experiment is written again without --force.
        #expect(try workspace.run(["run", workspace.scenario, "--out", "notes", "--quiet"]).status == 0)
        // A folder holding only folders of results (a sweep's settings folders) is results.
        #expect(try workspace.run(["run", workspace.scenario, "--set", "locks.lease_hours=2", "--quiet"]).status == 0)
        #expect(try workspace.run(["run", workspace.scenario, "--out", "results/folders", "--quiet"]).status == 0)
    }

    @Test("A folder the system refuses is named with the system's reason, never a Foundation error code.")
    func systemErrorsInPlainWords() throws {
        let workspace = try Workspace(sweepScenario)
        let result = try workspace.run(["run", workspace.scenario, "--out", "/proc/self", "--force", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: /proc/self: cannot write the results: /proc/self/.runs.csv."), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("error 512"), "\(result.stderr)")
    }
}
