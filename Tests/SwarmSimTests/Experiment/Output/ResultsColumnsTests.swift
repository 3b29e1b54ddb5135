import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The columns of the result files as pandas reads them: one column per fact, and every file
/// carrying what it is grouped by, so no analysis needs a join.
@Suite struct ResultsColumnsTests {
    /// Each line of `file` in `folder` split at commas (the fixtures write no quoted cells).
    private func table(_ folder: URL, _ file: String) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
        let split = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (split[0], Array(split.dropFirst()))
    }

    @Test("timeseries.csv carries agents and the parameter columns of its run; no file repeats agents as agents.count.")
    func timeseriesCarriesParameters() async throws {
        let scenario = try ScenarioFixtures.decode(ScenarioFixtures.text([
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [1, 3], "locks.lease_hours": [0.5, 2]],
        ]), settings: ["build.slots=2"])
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await ExperimentRunner.run(RunPlan(scenario), writingTo: folder, jobs: 2)
        let runs = try table(folder, "runs.csv")
        let series = try table(folder, "timeseries.csv")
        let aggregate = try table(folder, "aggregate.csv")
        #expect(Array(series.header.prefix(7)) == ["run_id", "variant", "replicate", "agents", "locks.lease_hours", "build.slots", "time_hours"])
        for header in [runs.header, series.header, aggregate.header] {
            #expect(!header.contains("agents.count"))
            #expect(Set(header).count == header.count)
        }
        // Each sample row says what its run's row says, column by column.
        let shared = ["variant", "replicate", "agents", "locks.lease_hours", "build.slots"]
        let byRun = Dictionary(uniqueKeysWithValues: runs.rows.map { ($0[0], $0) })
        #expect(series.rows.count == runs.rows.count * 2)
        for row in series.rows {
            let run = try #require(byRun[row[0]])
            for column in shared {
                #expect(row[series.header.firstIndex(of: column)!] == run[runs.header.firstIndex(of: column)!])
            }
        }
        #expect(Set(series.rows.map { $0[3] }) == ["1", "3"])
    }
}
