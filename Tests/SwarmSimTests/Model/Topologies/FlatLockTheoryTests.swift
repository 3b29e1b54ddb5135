import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The model's degenerate case against exact theory: flat-lock with every fault, risk, failure,
/// drift and build effect off, exponential task effort (mean Z) and exponential board operations
/// (mean S), is the closed machine-repairman system with two lock visits per task cycle (claim,
/// then mark done), so MVA with lock demand 2S gives its throughput exactly. Replications, 99.9%
/// Student-t intervals and narrowness requirements as in QueueingTheoryTests.
@Suite struct FlatLockTheoryTests {
    static let think = 2.0
    static let operation = 0.05

    /// flat-lock reduced to the machine-repairman system, exactly as scenarios/theory-machine-repairman.json
    /// sets it up (the case README.md shows how to vary with `--set`).
    static func machineRepairman(agents: Int) throws -> ModelConfig {
        let file = RepositoryFiles.root.appendingPathComponent("scenarios/theory-machine-repairman.json").path
        let plan = try RunPlan(try Scenario.load(file: file))
        let config = try #require(plan.groups.first { $0.config.agents.count == agents }?.config)
        #expect(config.tasks.effortHours == Distribution(.exponential(mean: think)))
        #expect(config.board.operationHours == Distribution(.exponential(mean: operation)))
        return config
    }

    /// Throughput of one replication after a warm-up, from the run's cumulative task counts. Runs
    /// last about 30,000 task cycles whatever N, so every case is measured to similar precision.
    private func throughput(config: ModelConfig, seed: UInt64, expected: Double) -> Double {
        let warmUp = (300 / expected).rounded(.up)
        let spec = RunSpec(scenario: "theory", variant: "flat-lock", point: 0, parameters: [], replicate: 0, seed: seed,
                           config: config, durationHours: warmUp * 100, sampleEveryHours: warmUp)
        let result = Simulation.run(spec)
        let time = SampleMetric.allCases.firstIndex(of: .timeHours)!
        let done = SampleMetric.allCases.firstIndex(of: .tasksDone)!
        let first = result.samples.first { $0[time] == warmUp }!
        let last = result.samples.last!
        return (last[done]! - first[done]!) / (last[time]! - warmUp)
    }

    @Test("Flat-lock with every effect off matches exact MVA throughput (lock demand 2S per task) for N = 1, 5, 20, 60.",
          arguments: [1, 5, 20, 60])
    func flatLockIsTheMachineRepairman(agents: Int) throws {
        let config = try Self.machineRepairman(agents: agents)
        let mva = MeanValueAnalysis(agents: agents, think: Self.think, service: 2 * Self.operation)
        // Replicate seeds derived as `swarmsim run` derives them for scenarios/theory-machine-repairman.json (seed 1).
        let runs = (0..<30).map {
            throughput(config: config, seed: RunSpec.seed(scenarioSeed: 1, replicate: $0), expected: mva.throughput)
        }
        let summary = SampleSummary(runs, confidence: 0.999)
        #expect(summary.covers(mva.throughput), "throughput \(summary.mean) ± \(summary.halfWidth!) vs MVA \(mva.throughput)")
        #expect(summary.halfWidth! < 0.01 * mva.throughput)
    }
}
