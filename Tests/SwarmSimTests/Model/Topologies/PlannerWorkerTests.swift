import Testing
@testable import SwarmModel

/// planner-worker (F6): planners write tasks for the workers they lead; workers land their own work.
@Suite struct PlannerWorkerTests {
    /// One planner (no recursion, no judge) and `workers` workers on clockwork tasks that land at
    /// once: no conflicts cost time, no check waits, nothing is redone.
    private static func clockwork(workers: Int, planning: Double, effort: Double) -> ModelConfig {
        var config = ModelConfig()
        config.topology.kind = .plannerWorker
        config.topology.recursive = false
        config.topology.judge.enabled = false
        config.agents.count = workers == 0 ? 1 : workers + 1
        config.makeClockwork(planning: planning, effort: effort)
        config.commits.quickCheckHours = .constant(0)
        config.conflicts.rebaseHoursPerFile = 0
        config.conflicts.rebaseFailProbability = 0
        return config
    }

    private static func tasksDone(_ config: ModelConfig, hours: Double) -> Double {
        Simulation.run(config, seed: 5, durationHours: hours, sampleEveryHours: hours)[.tasksDone]!
    }

    @Test("Workers a planner keeps up with each take planning plus effort per task: two workers land 90 tasks each in 100 h (1.1 h cycles).")
    func plannerKeepsUp() {
        // Worker k's n-th landing is at 0.1 k + 1.1 n: both land 90 by hour 100.
        #expect(Self.tasksDone(Self.clockwork(workers: 2, planning: 0.1, effort: 1), hours: 100) == 180)
    }

    @Test("One planner caps the swarm at its writing rate: fifty workers get 1 / planning time tasks per hour.")
    func plannerCaps() {
        let done = Self.tasksDone(Self.clockwork(workers: 50, planning: 0.1, effort: 1), hours: 99.95)
        // The planner writes without pause from time 0: task n is written at 0.1 n and lands 1 h
        // later, so 989 have landed by hour 99.95 (ten per hour, less the first hour's wait).
        #expect(done == 989)
    }

    @Test("A lone worker plans its own tasks: one cycle of planning plus effort per task.")
    func loneWorkerPlansForItself() {
        #expect(Self.tasksDone(Self.clockwork(workers: 0, planning: 0.1, effort: 1), hours: 100) == 90)
    }

    @Test("A judge's fresh start costs every agent its restart time once per cycle: fewer tasks than without a judge.")
    func judgedFreshStartsCostRestarts() {
        var judged = Self.clockwork(workers: 2, planning: 0.1, effort: 1)
        judged.agents.count += 1
        judged.topology.judge.enabled = true
        judged.topology.judge.cycleHours = 10
        judged.topology.judge.restartHours = 0.5
        let result = Simulation.run(judged, seed: 5, durationHours: 100, sampleEveryHours: 100)
        #expect(result[.cycles] == 9)
        #expect(result[.freshStarts] == 27)
        #expect(result[.tasksDone]! < 180)
    }
}
