import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The kernel against exact queueing theory. Each check runs independent replications (one seed
/// each, fixed), builds a Student-t confidence interval from them and asks the interval to cover
/// the theoretical value. Confidence is 99.9% per check: about a dozen checks, so a correct kernel
/// fails one with probability near 1% for some seed, while a wrong one misses by many half-widths.
/// Each check also requires the interval to be narrow, so it cannot pass by being vague.
@Suite struct QueueingTheoryTests {
    static let confidence = 0.999
    static let replications = 20

    /// One replication of the machine-repairman system: (throughput, mean lock wait).
    private func closedRun(agents: Int, think: Double, hold: Double, seed: UInt64) -> (Double, Double) {
        var system = ClosedLockSystem(
            agents: agents, work: .init(.exponential(mean: think)), hold: .init(.exponential(mean: hold)), seed: seed)
        // Roughly 60,000 lock releases after a warm-up of a few hundred cycles.
        let mva = MeanValueAnalysis(agents: agents, think: think, service: hold)
        let horizon = 60_000 / mva.throughput
        system.run(until: 300 / mva.throughput)
        system.resetStatistics()
        system.run(until: system.events.now + horizon)
        return (system.throughput, system.meanLockWait)
    }

    @Test("The closed lock system's throughput and lock wait match exact MVA for N = 1, 5, 20, 100.",
          arguments: [1, 5, 20, 100])
    func machineRepairmanMatchesMVA(agents: Int) {
        let think = 1.0
        let hold = 0.1
        let mva = MeanValueAnalysis(agents: agents, think: think, service: hold)
        let runs = (0..<Self.replications).map { closedRun(agents: agents, think: think, hold: hold, seed: UInt64(1000 + $0)) }
        let throughput = SampleSummary(runs.map(\.0), confidence: Self.confidence)
        let wait = SampleSummary(runs.map(\.1), confidence: Self.confidence)
        #expect(throughput.covers(mva.throughput), "throughput \(throughput.mean) ± \(throughput.halfWidth!) vs MVA \(mva.throughput)")
        #expect(throughput.halfWidth! < 0.01 * mva.throughput)
        if agents == 1 {
            #expect(wait.mean == 0, "a lone agent never waits")
        } else {
            #expect(wait.covers(mva.lockWait), "lock wait \(wait.mean) ± \(wait.halfWidth!) vs MVA \(mva.lockWait)")
            #expect(wait.halfWidth! < 0.03 * mva.lockWait)
        }
    }

    @Test("MVA's own recursion reproduces the textbook limits: N/(Z+S) for one agent, 1/S at saturation.")
    func mvaLimits() {
        let one = MeanValueAnalysis(agents: 1, think: 1, service: 0.1)
        #expect(abs(one.throughput - 1 / 1.1) < 1e-12 && one.lockWait == 0)
        let many = MeanValueAnalysis(agents: 500, think: 1, service: 0.1)
        #expect(abs(many.throughput - 10) < 1e-9)
        // Little's law on the lock: Q = X R by construction; and the think stage holds X Z agents.
        #expect(abs(many.queueLength + many.throughput * 1 - 500) < 1e-6)
    }

    /// One replication of the M/M/c queue: (mean wait, time-average number in system, Little's L from lambda and W).
    private func openRun(lambda: Double, mu: Double, servers: Int, seed: UInt64) -> (wait: Double, l: Double, littleL: Double) {
        var system = OpenQueueSystem(arrivalRate: lambda, serviceRate: mu, servers: servers, seed: seed)
        system.run(until: 2_000 / lambda)
        system.resetStatistics()
        system.run(until: system.events.now + 100_000 / lambda)
        return (system.meanWait, system.meanInSystem, system.arrivalRate * system.meanTimeInSystem)
    }

    @Test("M/M/1 and M/M/3 mean waits and mean numbers in system match the closed forms (Erlang C).",
          arguments: [(0.7, 1.0, 1), (2.4, 1.0, 3)])
    func openQueueMatchesErlangC(lambda: Double, mu: Double, servers: Int) {
        let theory = ErlangC(arrivalRate: lambda, serviceRate: mu, servers: servers)
        let runs = (0..<Self.replications).map { openRun(lambda: lambda, mu: mu, servers: servers, seed: UInt64(2000 + $0)) }
        let wait = SampleSummary(runs.map(\.wait), confidence: Self.confidence)
        let inSystem = SampleSummary(runs.map(\.l), confidence: Self.confidence)
        #expect(wait.covers(theory.meanWait), "wait \(wait.mean) ± \(wait.halfWidth!) vs \(theory.meanWait)")
        #expect(wait.halfWidth! < 0.05 * theory.meanWait)
        #expect(inSystem.covers(theory.meanInSystem), "L \(inSystem.mean) ± \(inSystem.halfWidth!) vs \(theory.meanInSystem)")
    }

    @Test("Little's law: the time-average number in system equals measured arrival rate times mean time in system.")
    func littlesLawHoldsOnTheSimulatedClock() {
        for seed in 0..<5 {
            let run = openRun(lambda: 2.4, mu: 1.0, servers: 3, seed: UInt64(3000 + seed))
            // Only customers straddling the window's ends separate the two; over ~100,000 customers that is < 0.5%.
            #expect(abs(run.l - run.littleL) / run.l < 0.005, "L \(run.l) vs lambda W \(run.littleL)")
        }
    }

    @Test("Erlang C reduces to the M/M/1 formulas for one server.")
    func erlangCForOneServer() {
        let queue = ErlangC(arrivalRate: 0.7, serviceRate: 1, servers: 1)
        #expect(abs(queue.waitProbability - 0.7) < 1e-12)
        #expect(abs(queue.meanWait - 0.7 / 0.3) < 1e-12)
        #expect(abs(queue.meanInSystem - 0.7 / 0.3) < 1e-12)
    }
}
