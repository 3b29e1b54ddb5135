import Foundation
import SwarmExperiment
import Testing

@Suite struct TraceCommandTests {
    /// The run traced: flat-lock, ten agents, replicate 2 of `ReportCommandTests.scenario`.
    static let filter = ["--variant", "flat-lock", "--where", "agents.count=10", "--replicate", "2"]

    /// The events of a trace file, parsed.
    static func events(_ text: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["displayTimeUnit"] as? String == "ms")
        return try #require(object["traceEvents"] as? [[String: Any]])
    }

    /// A CSV file whose fields hold no commas or quotes, as a table.
    static func table(_ text: String, file: String) throws -> CSVTable {
        try CSVTable(file: file, records: text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
    }

    @Test("trace writes Chrome Trace Events: named processes and threads, slices that tile each agent's time and sum to runs.csv's shares, counters; and events.csv.")
    func traceMatchesRunsCSV() throws {
        let workspace = try ReportCommandTests.results()
        let result = try workspace.run(["trace", workspace.scenario, "--out", "out/trace.json"] + Self.filter)
        #expect(result.status == 0, "\(result.stderr)")
        let events = try Self.events(workspace.contents("out/trace.json"))
        #expect(events.allSatisfy { ["M", "X", "C"].contains($0["ph"] as? String) && $0["pid"] is Int && $0["tid"] is Int })
        let names = events.filter { $0["ph"] as? String == "M" }.compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
        #expect(names.contains("peers") && names.contains("shared machinery") && names.contains("peer 9"))
        #expect(Set(events.filter { $0["ph"] as? String == "C" }.compactMap { $0["name"] as? String }).contains("board lock"))
        let slices = events.filter { $0["ph"] as? String == "X" }
        #expect(slices.allSatisfy { $0["ts"] is Int && $0["dur"] is Int && $0["name"] is String })

        // runs.csv's row of the same run.
        let runs = try Self.table(workspace.contents("out/runs.csv"), file: "runs.csv")
        let row = try #require(runs.rows.first { $0[runs.column("variant")!] == "flat-lock" && $0[runs.column("agents")!] == "10" && $0[runs.column("replicate")!] == "2" })
        let end = try #require(Double(row[runs.column("simulated_hours")!])) * ChromeTrace.microsecondsPerHour
        var totals: [String: Int] = [:]
        for thread in Set(slices.map { $0["tid"] as! Int }) {
            let mine = slices.filter { $0["tid"] as! Int == thread }.sorted { ($0["ts"] as! Int) < ($1["ts"] as! Int) }
            #expect(mine.first?["ts"] as? Int == 0)
            var reached = 0
            for slice in mine {
                #expect(slice["ts"] as! Int == reached, "agent \(thread): a gap or an overlap at \(reached) µs")
                reached += slice["dur"] as! Int
                totals[(slice["args"] as! [String: Any])["share"] as! String, default: 0] += slice["dur"] as! Int
            }
            #expect(Double(reached) == end.rounded())
        }
        #expect(Set(slices.map { $0["tid"] as! Int }).count == 10)
        for (activity, column) in [("working", "work_share"), ("lock wait", "lock_wait_share"), ("idle", "idle_share"),
                                   ("reworking", "rework_share"), ("rebasing", "rebase_share"), ("blocked", "blocked_share"),
                                   ("coordinating", "coordination_share")] {
            let share = try #require(Double(row[runs.column(column)!]))
            #expect(abs(Double(totals[activity] ?? 0) / (end * 10) - share) < 1e-6, "\(activity)")
        }
        let table = try Self.table(workspace.contents("out/events.csv"), file: "events.csv")
        #expect(table.header == EventsTable.columns && table.rows.count == slices.count)

        // The same run traced again, in another process and a folder trace makes, gives the same bytes.
        #expect(try workspace.run(["trace", workspace.scenario, "--out", "again/trace.json"] + Self.filter).status == 0)
        #expect(try workspace.data("again/trace.json") == workspace.data("out/trace.json"))
        #expect(try workspace.data("again/events.csv") == workspace.data("out/events.csv"))
    }

    @Test("a filter that matches several runs is refused with how to narrow it; one that matches none with what there is.")
    func filterRefusals() throws {
        let workspace = try Workspace(ReportCommandTests.scenario)
        let several = try workspace.run(["trace", workspace.scenario, "--variant", "flat-lock"])
        #expect(several.status == 1)
        #expect(several.stderr.contains("12 runs match where one is needed; choose a value of agents.count (--where agents.count=1, --where agents.count=2, --where agents.count=5, --where agents.count=10), a replicate (--replicate 1 to --replicate 3)"), "\(several.stderr)")
        let unknown = try workspace.run(["trace", workspace.scenario, "--where", "locks.lease_hours=2", "--replicate", "1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--where locks.lease_hours=2: no run has parameter locks.lease_hours; the runs' parameters are agents.count"), "\(unknown.stderr)")
        let none = try workspace.run(["trace", workspace.scenario, "--variant", "flat-lock", "--where", "agents.count=7", "--replicate", "1"])
        #expect(none.stderr.contains("--where agents.count=7: no run matches; agents.count takes 1, 2, 5, 10"), "\(none.stderr)")
        let replicate = try workspace.run(["trace", workspace.scenario, "--replicate", "4"])
        #expect(replicate.stderr.contains("--replicate 4: no such replicate; replicates run from 1 to 3"), "\(replicate.stderr)")
        let big = try workspace.run(["trace", workspace.scenario, "--max-agents", "5"] + Self.filter)
        #expect(big.status == 1 && big.stderr.contains("more than --max-agents 5"), "\(big.stderr)")
        #expect(!workspace.exists("trace.json") && !workspace.exists("events.csv"))
    }
}
