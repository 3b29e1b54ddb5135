import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Seeded sweeps over random valid configurations, in the manner of swift-collections'
/// `withEvery("seed", ...)`: every combination of mechanisms must run to its end with its books
/// balanced. A failure names its seed.
@Suite struct RandomConfigurationTests {
    private func randomConfiguration(_ rng: inout Xoshiro256StarStar) -> ModelConfig {
        func pick<T>(_ options: [T]) -> T { options[rng.nextInt(below: options.count)] }
        var c = ModelConfig()
        c.topology.kind = pick(TopologyKind.allCases)
        c.agents.count = 1 + rng.nextInt(below: 60)
        c.codebase.areas = pick([1, 2, 16])
        c.codebase.filesPerArea = pick([1, 3, 40])
        c.tasks.count = pick([nil, 1, 50, 400])
        c.tasks.dependencyProbability = pick([0, 0.5, 0.9])
        c.locks.fileLocks = pick([false, true])
        c.locks.acquisition = pick(LockAcquisition.allCases)
        c.commits.policy = pick(CommitPolicy.allCases)
        c.build.slots = pick([0, 1, 3])
        c.topology.judge.enabled = pick([false, true])
        c.topology.judge.cycleHours = pick([1, 24])
        c.topology.recursive = pick([false, true])
        c.topology.span = pick([2, 5, 12])
        c.topology.maxDepth = pick([1, 2, 4])
        c.topology.integrators = pick([1, 3])
        var profile = ProfileConfig()
        profile.forgetReleaseProbability = .constant(pick([0, 0.3]))
        profile.crashWhileHoldingProbability = .constant(pick([0, 0.2]))
        profile.unlockedWriteProbability = .constant(pick([0, 0.3]))
        profile.earlyStopPerHour = .constant(pick([0, 0.5]))
        c.profiles = ["default": profile]
        return c
    }

    @Test("Any valid configuration runs to its end with every agent-hour accounted for.")
    func randomConfigurationsRun() {
        for seed in 0..<150 {
            var rng = RandomStreams(seed: UInt64(seed)).stream("configuration")
            let config = randomConfiguration(&rng)
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
