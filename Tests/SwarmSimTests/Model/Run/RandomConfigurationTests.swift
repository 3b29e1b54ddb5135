import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Seeded sweeps over random valid configurations (`RandomConfiguration`): every combination of
/// mechanisms must run to its end with its books balanced. A failure names its seed.
@Suite struct RandomConfigurationTests {
    @Test("Any valid configuration runs to its end with every agent-hour accounted for.")
    func randomConfigurationsRun() {
        for seed in 0..<150 {
            let config = RandomConfiguration(seed: seed).config
            let spec = RunSpec(scenario: "random", variant: "v", point: 0, parameters: [], replicate: 0, seed: UInt64(seed),
                               config: config, durationHours: 48, sampleEveryHours: 6)
            let result = Simulation.run(spec)
            let shares: [SummaryMetric] = [.workShare, .lockWaitShare, .idleShare, .reworkShare, .rebaseShare, .coordinationShare, .blockedShare]
            let total = shares.compactMap { result[$0] }.reduce(0, +)
            #expect(total <= 1 + 1e-9, "seed \(seed): shares sum to \(total)")
            #expect(result[.tasksDone]! <= result[.commits]!, "seed \(seed)")
            if let goal = config.tasks.count {
                #expect(result[.tasksDone]! <= Double(goal), "seed \(seed)")
            }
            #expect(result.samples.last?[0] == result[.simulatedHours], "seed \(seed)")
        }
    }
}
