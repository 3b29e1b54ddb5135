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

// MARK: The hierarchy: planners above the leaves hand batches down to sub-planners.

extension PlannerWorkerTests {
    /// A binary tree (span 2, configured for one level, so it grows the levels `agents` need) on
    /// clockwork tasks that land at once, with no judge: a full tree of depth d has 2^(d+1) - 1 agents.
    private static func tree(agents: Int, planning: Double = 0.1, effort: Double = 1) -> ModelConfig {
        var config = ModelConfig()
        config.topology.kind = .plannerWorker
        config.topology.span = 2
        config.topology.maxDepth = 1
        config.topology.judge.enabled = false
        config.agents.count = agents
        config.makeClockwork(planning: planning, effort: effort)
        config.commits.quickCheckHours = .constant(0)
        config.conflicts.rebaseHoursPerFile = 0
        config.conflicts.rebaseFailProbability = 0
        return config
    }

    private static func run(_ config: ModelConfig, hours: Double, seed: UInt64 = 5) -> RunResult {
        Simulation.run(config, seed: seed, durationHours: hours, sampleEveryHours: hours)
    }

    @Test("Every level delays the first landing by one planning: with d levels the first task lands at d plannings plus its effort.",
          arguments: [1, 2, 3])
    func firstLandingWaitsForEveryLevel(depth: Int) {
        let p = 0.1, effort = 1.0
        let config = Self.tree(agents: (1 << (depth + 1)) - 1, planning: p, effort: effort)
        // The root hands a batch down (p), each planner below hands part of it on (p each), and the
        // first leaf writes a task (p): d plannings before the first worker starts.
        let first = Double(depth) * p + effort
        #expect(Self.run(config, hours: first - p / 2)[.tasksDone] == 0)
        #expect(Self.run(config, hours: first + p / 2)[.tasksDone] == 1)
        #expect(Self.run(config, hours: first + p / 2)[.hierarchyDepth] == Double(depth))
    }

    @Test("Clockwork hand-down: sub-planners wait, blocked, for their first batch, and so do their workers; every agent-hour is where the schedule puts it.")
    func clockworkHandDown() {
        // Root 0 leads sub-planners 1 and 2; 1 leads workers 3 and 4, 2 leads 5 and 6. Batches hold
        // one task per worker below (2). The root writes batches for 1, 2, 1, 2 (0 to 0.4 h: each
        // sub-planner asks again once half its batch is used); 1 writes tasks for 3 and 4 from
        // 0.1 h, 2 for 5 and 6 from 0.2 h.
        let result = Self.run(Self.tree(agents: 7), hours: 1)
        let blocked = 0.1 + 0.2 + (0.2 + 0.3 + 0.3 + 0.4)  // sub-planners 1 and 2; workers 3 to 6
        let working = 0.8 + 0.7 + 0.7 + 0.6
        let coordinating = 0.4 + 0.2 + 0.2
        let idle = 0.6 + 0.7 + 0.6
        #expect(abs(blocked + working + coordinating + idle - 7) < 1e-12)
        for (metric, hours) in [(SummaryMetric.blockedShare, blocked), (.workShare, working), (.coordinationShare, coordinating), (.idleShare, idle)] {
            #expect(abs(result[metric]! - hours / 7) < 1e-9, "\(metric.rawValue): \(result[metric]!) against \(hours / 7)")
        }
        #expect(result[.tasksDone] == 0)
    }

    @Test("In steady state the batches arrive before they run out: four workers under two sub-planners land 90 tasks each in 100 h.")
    func batchesKeepUp() {
        // Worker k's n-th landing is at o_k + 1.1 n with first task written at o_k = 0.2, 0.3, 0.3,
        // 0.4 h: each lands its 90th before hour 100, and no one waits for a batch after the first.
        #expect(Self.run(Self.tree(agents: 7), hours: 100)[.tasksDone] == 360)
    }

    @Test("Deeper hierarchies lose aligned value: every hand-down may carry its planner's misalignment, and the leaf sees through it only as far as it understands the task.",
          arguments: [1, 2, 3])
    func depthCostsAlignment(depth: Int) {
        let m = 0.1
        var config = Self.tree(agents: (1 << (depth + 1)) - 1)
        config.drift.initialMisalignment = m
        config.drift.maxMisalignment = m
        // Easy tasks: clockwork workers understand every one (nothing is misread), planners half of
        // each (logistic(gain x (0 - 0)) = 1/2), so a leaf catches half the tasks a misaligned batch
        // would misdirect.
        config.tasks.difficulty = .constant(0)
        var planner = config.profiles["default"]!
        planner.competence = .constant(0)
        config.profiles["planner"] = planner
        config.roles.planner = "planner"
        let hours = 5_000.0
        let result = Self.run(config, hours: hours)
        let aligned = result[.effectiveAgents]! * hours
        let misaligned = result[.intentDebtHours]!
        let share = misaligned / (aligned + misaligned)
        // The d - 1 planners above the leaf each turn a batch with m; the leaf (m), the worker (m)
        // and, when the batch is misaligned, the half of tasks the leaf misses misdirect the task.
        let batchMisaligned = 1 - repeatElement(1 - m, count: depth - 1).reduce(1, *)
        let expected = 1 - (1 - m) * (1 - m) * (1 - 0.5 * batchMisaligned)
        #expect(abs(share - expected) < 0.015, "depth \(depth): \(share) misaligned, \(expected) expected")
    }

    @Test("Five thousand agents keep at least half their efficiency: the hierarchy grows a level and no planner takes the overflow.")
    func fiveThousandAgents() {
        var config = ModelConfig()
        config.agents.count = 5_000
        // Defaults, except that quick checks pass on a red main: at this size main is red 99% of
        // the time, and a red main failing half the checks until it is green caps any organisation
        // (commits.red_main_failure_probability; recursive-planners.json shows both, over a week).
        config.commits.redMainFailureProbability = 0
        // Two days (efficiency still rising from the start) keep the invariant-checking CI build quick.
        let result = Simulation.run(config, seed: 1, durationHours: 48, sampleEveryHours: 48)
        #expect(result[.efficiency]! >= 0.5, "efficiency \(result[.efficiency]!)")
        #expect(result[.hierarchyDepth] == 4)
        #expect(result[.blockedShare]! < 0.1)
    }
}
