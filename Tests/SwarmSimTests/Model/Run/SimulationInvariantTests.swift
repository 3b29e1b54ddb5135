import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct SimulationInvariantTests {
    private func run(_ kind: TopologyKind, agents: Int, hours: Double = 72, seed: UInt64 = 3,
                     _ change: (inout ModelConfig) -> Void = { _ in }) -> RunResult {
        var config = ModelConfig()
        config.topology.kind = kind
        config.agents.count = agents
        change(&config)
        let spec = RunSpec(scenario: "t", variant: kind.rawValue, point: 0, parameters: [], replicate: 0, seed: seed,
                           config: config, durationHours: hours, sampleEveryHours: 5)
        return Simulation.run(spec)
    }

    static let cases: [(TopologyKind, Int)] = TopologyKind.allCases.flatMap { kind in [1, 2, 7, 40].map { (kind, $0) } }

    @Test("Every agent-hour is accounted to exactly one activity.", arguments: cases)
    func sharesSumToOne(kind: TopologyKind, agents: Int) {
        let r = run(kind, agents: agents)
        let shares: [SummaryMetric] = [.workShare, .lockWaitShare, .idleShare, .reworkShare, .rebaseShare, .coordinationShare, .blockedShare]
        let total = shares.map { r[$0]! }.reduce(0, +)
        // Restarting (after crashes and fresh starts) is the one activity without a column.
        #expect(total <= 1 + 1e-9 && total > 0.95, "\(kind) x \(agents): shares sum to \(total)")
        #expect(r[.tasksDone]! <= r[.commits]!)
        #expect(abs(r[.efficiency]! * Double(agents) - r[.effectiveAgents]!) < 1e-9)
        #expect(r[.events]! > 0)
    }

    @Test("The same spec gives the same result, and a different seed a different one.", arguments: TopologyKind.allCases)
    func deterministicInProcess(kind: TopologyKind) {
        #expect(run(kind, agents: 30) == run(kind, agents: 30))
        #expect(run(kind, agents: 30) != run(kind, agents: 30, seed: 4))
    }

    @Test("Samples cover the run at the sample interval, the last one at its end.")
    func samplesCoverTheRun() {
        let r = run(.plannerWorker, agents: 10, hours: 72)
        let times = r.samples.map { $0[0]! }
        #expect(times == [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 72])
    }

    @Test("Without lock faults there are no leaks, crashes, unlocked writes, lost updates or duplicates.")
    func noFaultsNoFaultCounts() {
        let r = run(.flatLock, agents: 20) { config in
            config.profiles["default"]!.forgetReleaseProbability = .constant(0)
            config.profiles["default"]!.crashWhileHoldingProbability = .constant(0)
            config.profiles["default"]!.unlockedWriteProbability = .constant(0)
        }
        for metric: SummaryMetric in [.lockLeaks, .crashes, .unlockedWrites, .lostUpdates, .duplicateTasks] {
            #expect(r[metric] == 0, "\(metric.rawValue) = \(r[metric]!)")
        }
        let faulty = run(.flatLock, agents: 20) { config in
            config.profiles["default"]!.forgetReleaseProbability = .constant(0.2)
            config.profiles["default"]!.unlockedWriteProbability = .constant(0.2)
        }
        #expect(faulty[.lockLeaks]! > 0 && faulty[.unlockedWrites]! > 0 && faulty[.lostUpdates]! > 0)
    }

    @Test("A finite goal ends the run when its last task lands.")
    func finiteGoalEndsTheRun() {
        let r = run(.plannerWorker, agents: 20, hours: 10_000) { $0.tasks.count = 200 }
        #expect(r[.tasksDone] == 200)
        #expect(r[.simulatedHours]! < 10_000)
    }

    @Test("A judge's cycles reset context ages: fresh starts happen once per agent per cycle.")
    func judgeCycles() {
        let r = run(.plannerWorker, agents: 20, hours: 100) { $0.topology.judge.cycleHours = 24 }
        #expect(r[.cycles] == 4)
        #expect(r[.freshStarts] == Double(4 * 19))
    }

    @Test("strict commits pass one gate at a time: throughput cannot exceed the gate's rate.")
    func strictGateCaps() {
        let r = run(.plannerWorker, agents: 100, hours: 168) { config in
            config.commits.policy = .strict
            config.commits.gateHours = .constant(0.25)
        }
        #expect(r[.commits]! / 168 <= 4 + 1e-9)
    }

    @Test("Shared build slots cap commits at slots / build time, and waiting for them shows as blocked time (F10).")
    func buildSlotsCap() {
        let r = run(.plannerWorker, agents: 60, hours: 168) { config in
            config.build.slots = 1
            config.build.hours = .constant(0.5)
        }
        #expect(r[.commits]! / 168 <= 2 + 1e-9)
        #expect(r[.blockedShare]! > 0.5)
    }
}
