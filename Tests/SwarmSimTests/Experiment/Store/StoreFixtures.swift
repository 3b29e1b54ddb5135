import Foundation
import GRDB
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A new folder under the system's temporary folder, removed with everything in it when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = try ScenarioFixtures.temporaryFolder()
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

/// Scenarios, stores and table dumps for the run store tests.
enum StoreFixtures {
    /// Two variants, a two-point sweep, two replicates of eight hours: 8 cheap runs.
    static let scenarioText = ScenarioFixtures.text([
        "name": "store demo",
        "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
        "sweep": ["agents.count": [1, 2]],
    ])

    /// One optimistic variant of three peers: runs that measure retry_share.
    static let optimisticScenarioText = ScenarioFixtures.text([
        "name": "optimistic demo", "topology": ["kind": "optimistic"], "agents": ["count": 3],
    ])

    /// The plan of `text` decoded with `settings` (each `PATH=VALUE`), restricted to `variants`.
    static func plan(_ text: String = scenarioText, settings: [String] = [], variants: [String] = []) throws -> RunPlan {
        try RunPlan(ScenarioFixtures.decode(text, settings: settings), selecting: variants)
    }

    /// Simulates the runs of `plan` at `positions` (all by default) into `store`, as a sweep does.
    static func record(_ plan: RunPlan, into store: RunStore, positions: [Int]? = nil) throws {
        for position in positions ?? Array(plan.indices) {
            let spec = plan[position]
            try store.record(CompletedRun(id: position + 1, spec: spec, result: Simulation.run(spec)))
        }
        try store.flush()
    }

    /// Every row of every table of the store at `file`, as text, in key order: equal dumps mean
    /// equal stores.
    /// `experiments` false leaves out `experiment_runs`, which a store holds only for the plans
    /// registered since schema 5.
    static func dump(_ file: String, experiments: Bool = true) throws -> [String] {
        try readOnly(file).read { db in
            var lines: [String] = []
            var tables = ["metadata": "key", "scenarios": "address", "models": "digest", "runs": "address",
                          "samples": "address, sample_index"]
            if try experiments && db.tableExists("experiment_runs") { tables["experiment_runs"] = "experiment, run_id" }
            for (table, key) in tables.sorted(by: { $0.key < $1.key }) {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(key)").map { "\(table) \($0)" }
            }
            return lines
        }
    }

    /// The number of rows of `table` in the store at `file`.
    static func count(_ table: String, in file: String) throws -> Int {
        try readOnly(file).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")! }
    }

    private static func readOnly(_ file: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: file, configuration: configuration)
    }
}
