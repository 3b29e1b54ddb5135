import Testing
@testable import SwarmModel

/// Drift costs work: misaligned work stays in its files until the next agent there reverts it.
@Suite struct DriftRevertTests {
    /// A lone clockwork worker planning its own tasks (0.1 h each, 1 h of effort) in a codebase of
    /// one file, on easy tasks it understands, with every task misaligned or none.
    private static func run(misaligned: Bool, revertFraction: Double) -> RunResult {
        var config = ModelConfig()
        config.topology.judge.enabled = false
        config.agents.count = 1
        config.makeClockwork(planning: 0.1, effort: 1)
        config.commits.quickCheckHours = .constant(0)
        config.codebase.areas = 1
        config.codebase.filesPerArea = 1
        config.tasks.difficulty = .constant(0)
        config.profiles["default"]!.competence = .constant(2)
        config.drift.initialMisalignment = misaligned ? 1 : 0
        config.drift.maxMisalignment = misaligned ? 1 : 0
        config.drift.revertFraction = revertFraction
        return Simulation.run(config, seed: 3, durationHours: 100, sampleEveryHours: 100)
    }

    @Test("Each misaligned task leaves its effort in the file; the next attempt there first reverts it, taking revert_fraction of that effort as rework.")
    func nextAgentReverts() {
        let result = Self.run(misaligned: true, revertFraction: 0.5)
        // The first task lands at 1.1 h; each later one takes 0.1 h planning, 0.5 h reverting and
        // 1 h work: the 62nd lands at 98.7 h, and the 63rd's revert is done by 99.3 h.
        #expect(result[.tasksDone] == 62)
        #expect(abs(result[.reworkShare]! - 62 * 0.5 / 100) < 1e-9)
    }

    @Test("Aligned work, or a revert fraction of 0, costs no reverting: 1.1 h per task.")
    func nothingToRevert() {
        for result in [Self.run(misaligned: false, revertFraction: 0.5), Self.run(misaligned: true, revertFraction: 0)] {
            #expect(result[.tasksDone] == 90)
            #expect(result[.reworkShare] == 0)
        }
    }
}
