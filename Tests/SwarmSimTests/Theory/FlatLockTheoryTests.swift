import Testing
@testable import SwarmSim

/// The model's degenerate case against exact theory: flat-lock with every fault, risk, failure,
/// drift and build effect off, exponential task effort (mean Z) and exponential board operations
/// (mean S), is the closed machine-repairman system with two lock visits per task cycle (claim,
/// then mark done), so MVA with lock demand 2S gives its throughput exactly. Replications, 99.9%
/// Student-t intervals and narrowness requirements as in QueueingTheoryTests.
@Suite struct FlatLockTheoryTests {
    static let think = 2.0
    static let operation = 0.05

    /// flat-lock reduced to the machine-repairman system (the settings README.md lists for `--set`).
    static func machineRepairman(agents: Int) -> ModelConfig {
        var config = ModelConfig()
        config.agents.count = agents
        config.topology.kind = .flatLock
        config.tasks.effortHours = Distribution(.exponential(mean: think))
        config.tasks.hardEffortFactor = 0
        config.board.operationHours = Distribution(.exponential(mean: operation))
        config.board.hoursPerEntry = 0
        config.board.busyworkProbability = 0
        config.work.attemptNoise = 0
        config.work.selfCheckProbability = 0
        config.conflicts.rebaseHoursPerFile = 0
        config.conflicts.rebaseFailProbability = 0
        config.commits.quickCheckHours = .constant(0)
        var profile = ProfileConfig()
        profile.speed = .constant(1)
        profile.earlyStopPerHour = .constant(0)
        profile.holdInflation = .constant(1)
        profile.forgetReleaseProbability = .constant(0)
        profile.crashWhileHoldingProbability = .constant(0)
        profile.unlockedWriteProbability = .constant(0)
        config.profiles = ["default": profile]
        return config
    }

    /// Throughput of one replication after a warm-up, from the run's cumulative task counts. Runs
    /// last about 30,000 task cycles whatever N, so every case is measured to similar precision.
    private func throughput(agents: Int, seed: UInt64, expected: Double) -> Double {
        let warmUp = (300 / expected).rounded(.up)
        let spec = RunSpec(scenario: "theory", variant: "flat-lock", point: 0, parameters: [], replicate: 0, seed: seed,
                           config: Self.machineRepairman(agents: agents), durationHours: warmUp * 100, sampleEveryHours: warmUp)
        let result = Simulation.run(spec)
        let time = SampleMetric.allCases.firstIndex(of: .timeHours)!
        let done = SampleMetric.allCases.firstIndex(of: .tasksDone)!
        let first = result.samples.first { $0[time] == warmUp }!
        let last = result.samples.last!
        return (last[done]! - first[done]!) / (last[time]! - warmUp)
    }

    @Test("Flat-lock with every effect off matches exact MVA throughput (lock demand 2S per task) for N = 1, 5, 20, 60.",
          arguments: [1, 5, 20, 60])
    func flatLockIsTheMachineRepairman(agents: Int) {
        let mva = MeanValueAnalysis(agents: agents, think: Self.think, service: 2 * Self.operation)
        // Replicate seeds derived as `swarmsim run` derives them for scenarios/theory-machine-repairman.json (seed 1).
        let runs = (0..<30).map {
            throughput(agents: agents, seed: RunSpec.seed(scenarioSeed: 1, replicate: $0), expected: mva.throughput)
        }
        let summary = SampleSummary(runs, confidence: 0.999)
        #expect(summary.covers(mva.throughput), "throughput \(summary.mean) ± \(summary.halfWidth!) vs MVA \(mva.throughput)")
        #expect(summary.halfWidth! < 0.01 * mva.throughput)
    }
}
