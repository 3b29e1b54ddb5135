import Foundation
import GRDB
import Testing
@testable import SwarmExperiment

/// A store's runs made by another engine are kept, never reused, and `run` says so.
@Suite struct OtherEngineRunsCommandTests {
    @Test("Runs an older engine stored are not reused: run simulates its own, keeps the old ones and says how many there are.")
    func otherEngineRunsAreKeptNotReused() throws {
        let workspace = try Workspace(#"{"name": "s", "replications": 2, "duration_hours": 4, "sample_every_hours": 1}"#)
        let arguments = ["run", workspace.scenario, "--db", "store.sqlite", "--out", "out"]
        #expect(try workspace.run(arguments).status == 0)
        let first = try workspace.data("out/runs.csv")
        // Make the stored runs look like another engine's: another build, hence other addresses,
        // and a damaged result that must never come back.
        let queue = try DatabaseQueue(path: workspace.folder.appendingPathComponent("store.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "UPDATE samples SET address = 'old-' || address")
            try db.execute(sql: "UPDATE runs SET address = 'old-' || address, swarmsim_version = '0.0.1+engine.000000000000', tasks_done = -1")
        }
        let again = try workspace.run(arguments)
        #expect(again.status == 0)
        #expect(again.stderr.contains(#"holds runs of "s" made by another engine (2 by swarmsim 0.0.1+engine.000000000000); they are kept, never reused"#),
                "\(again.stderr)")
        #expect(try workspace.data("out/runs.csv") == first)
        let counts = try queue.read { db in
            try (Int.fetchOne(db, sql: "SELECT count(*) FROM runs")!, Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE swarmsim_version = ?", arguments: [SwarmSimVersion.build])!)
        }
        #expect(counts == (4, 2))
        // Nothing to say when the store holds only this engine's runs of the scenario.
        let other = try Workspace(#"{"name": "t", "replications": 1, "duration_hours": 2}"#)
        #expect(!(try other.run(["run", other.scenario, "--db", "store.sqlite", "--out", "out"]).stderr.contains("another engine")))
    }
}
