import Testing
@testable import SwarmModel

/// optimistic (F3): peers read the board freely and write it with a version check.
@Suite struct OptimisticTests {
    /// `peers` peers on clockwork tasks with constant board operations of `operation` hours, no
    /// busywork, no growth of operations with the board's size, no backoff after a failed write
    /// (unless `backoff`) and (unless `unlockedWrites`) no skipped version checks.
    private static func clockwork(peers: Int, operation: Double, unlockedWrites: Double = 0, backoff: Double = 0) -> ModelConfig {
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
        config.board.retryBackoffHours = backoff
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
        #expect(abs(result[.retryShare]! - 0.05) < 1e-12)
    }

    @Test("After a failed write the peer backs off, waiting (blocked) a random share of its window; failed reads and waits are its retry time.")
    func failedWriteBacksOff() {
        let result = Simulation.run(Self.clockwork(peers: 2, operation: 0.05, backoff: 0.2), seed: 2, durationHours: 0.5,
                                    sampleEveryHours: 0.5)
        // Peer 1's failed read (0.05 h) and its wait, out of 1 agent-hour.
        let wait = result[.blockedShare]!
        #expect(wait > 0 && wait <= 0.2)
        #expect(abs(result[.retryShare]! - (0.05 + wait)) < 1e-12)
        #expect(abs(result[.coordinationShare]! - 0.15) < 1e-12)
    }

    @Test("The backoff window doubles with each failure of one operation, up to its cap.")
    func backoffWindowDoubles() {
        var board = BoardConfig()
        board.retryBackoffHours = 0.05
        board.retryBackoffMaxHours = 0.3
        #expect((1...5).map { OptimisticTopology.backoffWindow(afterFailures: $0, board) } == [0.05, 0.1, 0.2, 0.3, 0.3])
        #expect(OptimisticTopology.backoffWindow(afterFailures: 200, board) == 0.3)
    }

    @Test("Peers that skip the version check overwrite claims and done marks: changes are discarded and finished tasks done twice.")
    func skippedChecksLoseUpdates() {
        func config(skipping probability: Double) -> ModelConfig {
            var config = ModelConfig()
            config.topology.kind = .optimistic
            config.agents.count = 20
            config.profiles["default"]!.unlockedWriteProbability = .constant(probability)
            return config
        }
        var simulation = SwarmSimulation<OptimisticTopology>(config: config(skipping: 0.3), seed: 2, durationHours: 48, sampleEveryHours: 48)
        let result = simulation.runToEnd()
        #expect(result[.unlockedWrites]! > 0)
        #expect(result[.lostUpdates]! > 0)
        #expect(simulation.world.counters.discardedChanges > 0)
        #expect(result[.duplicateTasks]! > 0)
        let careful = Simulation.run(config(skipping: 0), seed: 2, durationHours: 48, sampleEveryHours: 48)
        #expect(result[.throughput]! < careful[.throughput]!)
    }
}
