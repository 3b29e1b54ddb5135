import Foundation
import Testing
import SwarmModel
@testable import SwarmAnalysis
@testable import SwarmExperiment

@Suite struct IdentifiabilityTests {
    /// Synthetic observations: three 30-hour runs of a planner-worker swarm of `agents`, written as
    /// `observe` writes an observed folder, read back by the same reader `calibrate` uses.
    private func observations(agents: Int, in folder: URL) throws -> ObservedFolder {
        let scenario = try ScenarioFixtures.decode(#"""
            {"name": "truth", "seed": 11, "replications": 3, "duration_hours": 30, "sample_every_hours": 1,
             "agents": {"count": \#(agents)}, "topology": {"kind": "planner-worker"}}
            """#)
        let plan = try RunPlan(scenario)
        var series: [[String]] = []
        var summary: [[String]] = []
        for (index, spec) in plan.enumerated() {
            let result = Simulation.run(spec)
            let hourly = LandingStatistics.landingsPerSample(of: result)
            var done = 0.0
            for (hour, landed) in hourly.enumerated() {
                done += landed
                series.append(["\(index + 1)", "\(hour + 1)", "\(done)", "\(landed)"])
            }
            let statistics = LandingStatistics(simulated: result)
            summary.append(["\(index + 1)", "", ""] + statistics.values.map { $0.map { "\($0)" } ?? "" })
        }
        return try ObservedFolder(series: CSVTable(header: ObservedFolder.seriesColumns, rows: series, file: "observed.csv"),
                                  summary: CSVTable(header: ObservedFolder.summaryIdentity + LandingStatistic.allCases.map(\.rawValue),
                                                    rows: summary, file: "observed-summary.csv"))
    }

    /// The statistics of the landing rate's level. The default set adds the curve's shape (peak hour,
    /// peak over median, hour 24 over peak), which a stationary swarm does not have: there they are
    /// noise, whatever the agent count.
    static let levels: [LandingStatistic] = [.peak, .median, .p90]

    @Test("Synthetic swarmsim observations at 400 agents: the agent count is recovered inside its 90% interval, at least 3x narrower than the prior.")
    func recoversAgentCount() async throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let observed = try observations(agents: 400, in: folder)
        let scenarioFile = folder.appendingPathComponent("base.json").path
        try Data(#"{"name": "base", "seed": 5, "agents": {"count": 100}, "topology": {"kind": "planner-worker"}}"#.utf8)
            .write(to: URL(fileURLWithPath: scenarioFile))
        let calibration = try Calibration(scenarioFile: scenarioFile, settings: [], fits: [(["agents", "count"], 100, 1_000)],
                                          statistics: IdentifiabilityTests.levels, observed: observed, replicates: 1)
        #expect(calibration.fits[0].isInteger)
        let outcome = try await CalibrationRun.run(calibration, particles: 40, budget: 600, jobs: 2, store: nil)
        let m = CalibrationWriter.marginal(outcome, calibration, 0)
        #expect(m.low <= 400 && 400 <= m.high, "90% interval \(m.low)...\(m.high)")
        #expect(m.high - m.low <= 900 / 3, "90% interval \(m.low)...\(m.high) against a prior 900 wide")
    }
}
