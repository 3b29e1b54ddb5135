import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel

/// A run's event budget and stop request (`RunLimits`): they end a runaway or interrupted run and
/// never change a run that ends normally.
@Suite struct RunLimitsTests {
    /// Flat-lock peers polling their lock every 3.6 ms: millions of events per simulated hour.
    private var busyConfig: ModelConfig {
        var config = ModelConfig()
        config.agents.count = 5
        config.topology.kind = .flatLock
        config.locks.acquisition = .polling
        config.locks.pollIntervalHours = 1e-6
        return config
    }

    @Test("A run within generous limits gives the same result as a run without any.")
    func limitsDoNotChangeResults() throws {
        var config = ModelConfig()
        config.agents.count = 20
        let free = Simulation.run(config, seed: 7, durationHours: 48, sampleEveryHours: 6)
        let limited = try Simulation.run(config, seed: 7, durationHours: 48, sampleEveryHours: 6,
                                         within: RunLimits(maxEvents: RunLimits.defaultMaxEvents(agents: 20, hours: 48)))
        #expect(limited == free)
    }

    @Test("A run that spends its budget stops with the events spent, the hour reached and the parameter behind its events.")
    func budgetEndsARunawayRun() {
        #expect(throws: RunStopped.self) {
            try Simulation.run(busyConfig, seed: 1, durationHours: 100, sampleEveryHours: 10, within: RunLimits(maxEvents: 100_000))
        }
        do {
            _ = try Simulation.run(busyConfig, seed: 1, durationHours: 100, sampleEveryHours: 10, within: RunLimits(maxEvents: 100_000))
        } catch {
            guard case .eventBudgetSpent(let events, let hour, let busiest) = error else {
                Issue.record("stopped as \(error)")
                return
            }
            // Checked every 4096 events, so the budget is overrun by less than one interval.
            #expect(events >= 100_000 && events < 100_000 + RunLimits.checkInterval)
            #expect(hour > 0 && hour < 100)
            #expect(busiest == "locks.poll_interval_hours")
        }
    }

    @Test("A stop request ends the run at the next check.")
    func stopRequestInterrupts() {
        #expect(throws: RunStopped.interrupted) {
            try Simulation.run(busyConfig, seed: 1, durationHours: 100, sampleEveryHours: 10,
                               within: RunLimits(maxEvents: Int.max, shouldStop: { true }))
        }
    }

    @Test("The default budget grows with agents and hours, and saturates instead of overflowing.")
    func defaultBudget() {
        #expect(RunLimits.defaultMaxEvents(agents: 10, hours: 100) == 10_000_000 + 10_000 * 10 * 100)
        #expect(RunLimits.defaultMaxEvents(agents: 1_000_000, hours: 1e300) == Int.max)
    }
}
