import Testing
@testable import SwarmModel

/// optimistic (F3): peers read the board freely and write it with a version check.
@Suite struct OptimisticTests {
    /// `peers` peers on clockwork tasks with constant board operations of `operation` hours, no
    /// busywork, no growth of operations with the board's size, and (unless `unlockedWrites`) no
    /// skipped version checks.
    private static func clockwork(peers: Int, operation: Double, unlockedWrites: Double = 0) -> ModelConfig {
        var config = ModelConfig()
        config.topology.kind = .optimistic
        config.agents.count = peers
        config.makeClockwork(planning: 0, effort: 1)
        config.board.operationHours = .constant(operation)
        config.board.hoursPerEntry = 0
        config.board.busyworkProbability = 0
        config.commits.quickCheckHours = .constant(0)
        config.conflicts.rebaseHoursPerFile = 0
        config.conflicts.rebaseFailProbability = 0
        config.profiles["default"]!.unlockedWriteProbability = .constant(unlockedWrites)
        return config
    }

    @Test("A lone peer never fails a version check: a claim, the work and a done mark per task, and no lock wait.")
    func lonePeer() {
        let result = Simulation.run(Self.clockwork(peers: 1, operation: 0.05), seed: 2, durationHours: 100, sampleEveryHours: 100)
        // Task n lands at 0.05 + 1.1 (n - 1) h: 90 by hour 100.
        #expect(result[.tasksDone] == 90)
        #expect(result[.lockWaitShare] == 0)
        #expect(result[.lostUpdates] == 0 && result[.unlockedWrites] == 0)
    }

    @Test("Two peers who read the board at once: the second write fails its version check and that peer reads again.")
    func secondWriterRereads() {
        let result = Simulation.run(Self.clockwork(peers: 2, operation: 0.05), seed: 2, durationHours: 0.5, sampleEveryHours: 0.5)
        // Peer 0 reads 0-0.05 and claims; peer 1's claim at 0.05 fails, it reads again until 0.10.
        #expect(abs(result[.coordinationShare]! - 0.15) < 1e-12)
        #expect(abs(result[.workShare]! - 0.85) < 1e-12)
    }

    @Test("A peer that skips the version check overwrites another's claim: the task is listed again and done twice.")
    func skippedChecksDuplicateWork() {
        let result = Simulation.run(Self.clockwork(peers: 10, operation: 0.05, unlockedWrites: 1), seed: 2, durationHours: 48,
                                    sampleEveryHours: 48)
        #expect(result[.unlockedWrites]! > 0)
        #expect(result[.lostUpdates]! > 0)
        #expect(result[.duplicateTasks]! > 0)
    }
}
