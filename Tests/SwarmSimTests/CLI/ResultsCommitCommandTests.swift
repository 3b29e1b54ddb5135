import Foundation
import Testing

/// The five result files as one commit (issue 11): a run killed between the renames of its
/// commit leaves a journal, and the next swarmsim to open the folder finishes the commit, so the
/// folder never holds new files beside old ones once swarmsim has seen it.
@Suite struct ResultsCommitCommandTests {
    private static let scenario = ScenarioFixtures.text(["name": "commit", "sweep": ["agents.count": [1, 2]]])

    @Test("Killed after 2 of 5 renames, a run leaves a journal; the next run, or report, finishes the commit: all five files new, none beside an old one.",
          arguments: [["run", "SCENARIO", "--replications", "3", "--out", "out", "--force", "--quiet"], ["report", "out", "--out", "report.html"]])
    func killedCommitIsFinished(next: [String]) throws {
        let reference = try Workspace(Self.scenario)
        #expect(try reference.run(["run", reference.scenario, "--replications", "3", "--out", "out", "--quiet"]).status == 0)
        let workspace = try Workspace(Self.scenario)
        #expect(try workspace.run(["run", workspace.scenario, "--replications", "1", "--out", "out", "--quiet"]).status == 0)
        let old = try workspace.data("out/aggregate.csv")

        var environment = ProcessInfo.processInfo.environment
        environment["SWARMSIM_TEST_PAUSE_COMMIT"] = "2"
        let command = ["run", workspace.scenario, "--replications", "3", "--out", "out", "--force", "--quiet"]
        // The hook stops the commit after the second rename, soon after the journal appears.
        _ = try BuiltBinary.start(command, in: workspace.folder, environment: environment)
            .killOutright(once: { workspace.exists("out/.swarmsim-commit") }, settle: 0.3)
        #expect(workspace.exists("out/.swarmsim-commit"))
        // The state a reader that ignores the journal would see: new runs.csv and timeseries.csv, old aggregate.csv.
        #expect(try workspace.data("out/runs.csv") == reference.data("out/runs.csv"))
        #expect(try workspace.data("out/aggregate.csv") == old)

        let arguments = next.map { $0 == "SCENARIO" ? workspace.scenario : $0 }
        let finished = try workspace.run(arguments)
        #expect(finished.status == 0, "\(finished.stderr)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(try workspace.data("out/\(file)") == reference.data("out/\(file)"), "\(file) is not the new one")
        }
        let entries = try workspace.entries("out")
        #expect(entries.allSatisfy { !$0.hasPrefix(".") }, "\(entries)")
    }
}
