import Foundation
import SwarmExperiment
import Testing

@Suite struct RunFilterCommandTests {
    /// The lines of a CSV file whose first field is run_id, without it.
    static func rowsWithoutRunID(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().map { String($0.drop { $0 != "," }) }
    }

    @Test("run with --where and --replicate reuses the whole run's stored runs and writes exactly their rows, run_id renumbered, into a folder named by the filter; export with the filter writes the same files.")
    func filteredRunIsAViewOfTheWholeRun() throws {
        let workspace = try ReportCommandTests.results()
        let whole = try workspace.contents("out/runs.csv")
        let filter = ["--where", "agents.count=5", "--replicate", "2"]
        let run = try workspace.run(["run", workspace.scenario, "--db", "store.sqlite"] + filter)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = "results/report-test/where.agents.count=5,replicate=2"
        #expect(run.stderr.contains("2 runs written to \(folder) (all 2 reused from the store store.sqlite)"), "\(run.stderr)")

        let filtered = try workspace.contents("\(folder)/runs.csv")
        let header = whole.split(separator: "\n")[0]
        #expect(filtered.split(separator: "\n")[0] == header)
        let table = try TraceCommandTests.table(whole, file: "runs.csv")
        let (agents, replicate) = (table.column("agents")!, table.column("replicate")!)
        let matching = zip(table.rows, Self.rowsWithoutRunID(whole)).filter { $0.0[agents] == "5" && $0.0[replicate] == "2" }.map(\.1)
        #expect(matching.count == 2 && Self.rowsWithoutRunID(filtered) == matching)
        #expect(filtered.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } } == ["1", "2"])
        let aggregate = try TraceCommandTests.table(workspace.contents("\(folder)/aggregate.csv"), file: "aggregate.csv")
        #expect(aggregate.rows.count == 2 && aggregate.rows.allSatisfy { $0[aggregate.column("n")!] == "1" })
        #expect(try workspace.contents("\(folder)/scenario.resolved.json").contains("\"filter\""))
        #expect(try workspace.contents("out/runs.csv") == whole)

        let export = try workspace.run(["export", "store.sqlite", "--out", "exported"] + filter)
        #expect(export.status == 0, "\(export.stderr)")
        for file in ResultsWriter.files {
            #expect(try workspace.data("exported/\(file)") == workspace.data("\(folder)/\(file)"), "\(file)")
        }
    }

    @Test("report checks a filtered folder's expectations on the runs it holds, the plan re-made with the recorded filter.")
    func reportOfAFilteredRun() throws {
        let workspace = try Workspace(ReportCommandTests.scenario)
        let run = try workspace.run(["run", workspace.scenario, "--out", "ten", "--db", "store.sqlite", "--quiet",
                                     "--variant", "flat-lock", "--where", "agents.count=10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try workspace.run(["report", "ten"]).status == 0)
        let html = try workspace.contents("ten/report.html")
        #expect(html.contains("1 of 1 checks passed") && html.contains("<td>PASS</td>"))
    }

    @Test("run and export refuse a filter that matches nothing, writing nothing; --variant alone runs as it always has.")
    func refusals() throws {
        let workspace = try ReportCommandTests.results()
        let none = try workspace.run(["run", workspace.scenario, "--db", "store.sqlite", "--where", "agents.count=7"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("--where agents.count=7: no run matches; agents.count takes 1, 2, 5, 10"), "\(none.stderr)")
        let replicate = try workspace.run(["export", "store.sqlite", "--replicate", "4"])
        #expect(replicate.status == 1)
        #expect(replicate.stderr.contains("--replicate 4: no such replicate; replicates run from 1 to 3"), "\(replicate.stderr)")
        #expect(!workspace.exists("results"))
        let sharded = try workspace.run(["run", workspace.scenario, "--shard", "1/2", "--replicate", "1"])
        #expect(sharded.status != 0 && sharded.stderr.contains("--shard deals out the whole plan"), "\(sharded.stderr)")

        let variant = try workspace.run(["run", workspace.scenario, "--db", "store.sqlite", "--variant", "flat-lock", "--quiet"])
        #expect(variant.status == 0, "\(variant.stderr)")
        #expect(workspace.exists("results/report-test/variant=flat-lock/runs.csv"))
    }
}
