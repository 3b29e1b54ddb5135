import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// planner-executor (F4): synchronous plan -> execute -> judge waves.
@Suite struct PlannerExecutorTests {
    private static func spec(_ kind: TopologyKind = .plannerExecutor, agents: Int, hours: Double, seed: UInt64 = 5,
                             sampleEvery: Double = 4, _ change: (inout ModelConfig) -> Void = { _ in }) -> RunSpec {
        var config = ModelConfig()
        config.topology.kind = kind
        config.agents.count = agents
        change(&config)
        return RunSpec(scenario: "t", variant: kind.rawValue, point: 0, parameters: [], replicate: 0, seed: seed,
                       config: config, durationHours: hours, sampleEveryHours: min(sampleEvery, hours))
    }

    /// Every duration constant and nothing that redoes work: an executor's task takes `effort`
    /// hours of work and the quick check, whatever happens.
    private static func clockwork(_ config: inout ModelConfig, planning: Double, effort: Double, judgeHours: Double) {
        config.makeClockwork(planning: planning, effort: effort)
        config.conflicts.rebaseHoursPerFile = 0
        config.conflicts.rebaseFailProbability = 0
        config.commits.quickCheckHours = .constant(0.01)
        config.topology.judge.restartHours = judgeHours
        config.topology.judge.cycleHours = 1_000
    }

    @Test("Clockwork waves: a wave of n executors takes n plannings, one task and the judge; every agent-hour is where the schedule puts it.",
          arguments: [1, 3, 10])
    func clockworkWaves(executors n: Int) {
        let p = 0.1, effort = 1.0, q = 0.01, j = 0.25
        let wave = Double(n) * p + effort + q + j
        let waves = 5
        // Stop while wave 6 is being planned: m of its tasks are written and nobody has landed.
        let m = n / 2
        let r = (Double(m) + 0.5) * p
        let end = Double(waves) * wave + r
        let result = Simulation.run(Self.spec(agents: n + 2, hours: end) {
            Self.clockwork(&$0, planning: p, effort: effort, judgeHours: j)
        })
        let w = Double(waves), executors = Double(n), written = Double(m)
        #expect(result[.tasksDone] == w * executors)
        #expect(result[.cycles] == w)
        #expect(result[.freshStarts] == 0)
        // Executor k (1...n) waits k plannings for its task, works, checks, then idles until the
        // last one is done and the judge has finished.
        let triangle = executors * (executors + 1) / 2
        let blocked = w * p * triangle + p * written * (written + 1) / 2 + (executors - written) * r
        let working = w * executors * effort + written * r - p * written * (written + 1) / 2
        let coordinating = w * (executors * q + executors * p + j) + r  // executors' checks, the planner, the judge
        let idle = w * (p * executors * (executors - 1) / 2 + executors * j) + w * (effort + q + j) + w * (wave - j) + r
        let agentHours = (executors + 2) * end
        #expect(abs(blocked + working + coordinating + idle - agentHours) < 1e-9)
        for (metric, hours) in [(SummaryMetric.blockedShare, blocked), (.workShare, working), (.coordinationShare, coordinating), (.idleShare, idle)] {
            #expect(abs(result[metric]! - hours / agentHours) < 1e-9, "\(metric.rawValue): \(result[metric]!) against \(hours / agentHours)")
        }
    }

    @Test("With one executor and no judge, planner-executor is planner-worker step for step (and a lone agent too).",
          arguments: [(1, UInt64(1)), (2, 1), (2, 2), (2, 3), (1, 4)])
    func oneExecutorIsPlannerWorker(agents: Int, seed: UInt64) {
        func both(_ change: @escaping (inout ModelConfig) -> Void) -> (RunResult, RunResult) {
            (Simulation.run(Self.spec(.plannerExecutor, agents: agents, hours: 300, seed: seed, change)),
             Simulation.run(Self.spec(.plannerWorker, agents: agents, hours: 300, seed: seed, change)))
        }
        // Without early stops no task ever goes back, and the runs are identical.
        let (executor, worker) = both { config in
            config.profiles["default"]!.earlyStopPerHour = .constant(0)
            config.build.slots = 1
            config.drift.initialMisalignment = 0.2
        }
        #expect(executor == worker)
        #expect(executor[.tasksDone]! > 50)
        // A task given up and planned again takes the new wave's direction in planner-executor but
        // keeps a wrong one in planner-worker: only the split of value between aligned and
        // misaligned differs, never the total or anything else. (Without reverts: with them, a
        // different split also changes the reverting later agents do.)
        let (stopping, reference) = both { config in
            config.profiles["default"]!.earlyStopPerHour = .constant(0.3)
            config.drift.initialMisalignment = 0.2
            config.drift.revertFraction = 0
        }
        #expect(stopping[.earlyStops]! > 10)
        #expect(stopping.samples.map { $0.prefix(3) } == reference.samples.map { $0.prefix(3) })
        let valueSplit: Set<SummaryMetric> = [.effectiveAgents, .efficiency, .drift, .intentDebtHours, .costPerEffectiveAgentHourUSD]
        for metric in SummaryMetric.allCases where !valueSplit.contains(metric) {
            #expect(stopping[metric] == reference[metric], "\(metric.rawValue)")
        }
        let hours = stopping[.simulatedHours]!
        let value = { (r: RunResult) in r[.effectiveAgents]! * hours + r[.intentDebtHours]! }
        #expect(abs(value(stopping) - value(reference)) < 1e-6)
    }

    /// Steps a planner-executor run event by event, checking the wave invariants after each.
    @Test("Waves are strictly sequential: a wave begins with every hand empty, lands or gives up exactly the tasks it wrote, never hands a task out twice, and all its tasks share its direction; contexts reset only between waves.",
          arguments: [(12, false), (12, true), (40, false)])
    func wavesAreSequential(agents: Int, strict: Bool) {
        var simulation = SwarmSimulation<PlannerExecutorTopology>(spec: Self.spec(agents: agents, hours: 200) { config in
            config.profiles["default"]!.earlyStopPerHour = .constant(0.2)
            config.drift.initialMisalignment = 0.4
            config.topology.judge.cycleHours = 12
            config.build.slots = 3
            config.commits.policy = strict ? .strict : .tolerant
            // Every attempt right: no fixes (tolerant writes one per break), so a wave's tasks are
            // exactly the ones its planner wrote.
            config.profiles["default"]!.competence = .constant(2)
            config.work.competenceGain = 60
        })
        let executors = simulation.world.agents.indices.filter { simulation.world.agents[$0].role == .worker }
        let judge = simulation.world.agents.indices.last!
        #expect(executors == Array(1..<(agents - 1)) && simulation.world.agents[0].role == .planner
                && simulation.world.agents[judge].role == .judge)
        var wave = simulation.topology.wave
        var written = 0
        var ended = (commits: 0, earlyStops: 0)
        var idsThisWave: Set<Int> = []
        var heldID = Array(repeating: -1, count: agents)
        var directions: Set<Bool> = []
        var contextStarts = simulation.world.agents.map(\.contextStart)
        var waves = 0
        func handsEmpty(_ world: World) -> Bool { executors.allSatisfy { world.agents[$0].task < 0 } }
        while let next = simulation.events.nextTime, next < 200 {
            simulation.step()
            let world = simulation.world
            let topology = simulation.topology
            if topology.wave != wave {
                #expect(topology.wave == wave + 1)
                #expect(handsEmpty(world), "wave \(topology.wave) began with a task in hand")
                let c = world.counters
                #expect(c.commits - ended.commits + c.earlyStops - ended.earlyStops == written,
                        "wave \(wave) wrote \(written) tasks")
                #expect(written <= executors.count)
                ended = (c.commits, c.earlyStops)
                wave = topology.wave
                idsThisWave = []
                waves += 1
            }
            written = topology.written
            for executor in executors {
                guard world.agents[executor].task >= 0 else {
                    heldID[executor] = -1
                    continue
                }
                let task = world.backlog[world.agents[executor].task]
                #expect(task.misaligned == topology.direction, "wave \(wave): a task against the wave's direction")
                if heldID[executor] != task.id {
                    #expect(heldID[executor] == -1 && !idsThisWave.contains(task.id), "wave \(wave) handed task \(task.id) out twice")
                    idsThisWave.insert(task.id)
                    heldID[executor] = task.id
                }
            }
            #expect(idsThisWave.count == topology.written)
            if let direction = topology.direction { directions.insert(direction) }
            let starts = world.agents.map(\.contextStart)
            if starts != contextStarts {
                // At the judge's fresh start (the wave is over) or when the agents are back (the next one has not begun).
                #expect(handsEmpty(world) && (topology.served == executors.count || topology.written == 0),
                        "a context reset in the middle of wave \(wave)")
                contextStarts = starts
            }
        }
        #expect(waves > 10)
        #expect(directions == [false, true])
        #expect(simulation.world.counters.freshStarts > 0 && simulation.world.counters.earlyStops > 10)
    }

    @Test("Given-up tasks come back in a later wave: a finite goal is finished even when executors give up often.")
    func givenUpTasksComeBack() {
        let result = Simulation.run(Self.spec(agents: 15, hours: 10_000) { config in
            config.tasks.count = 300
            config.tasks.dependencyProbability = 0.5
            config.profiles["default"]!.earlyStopPerHour = .constant(0.3)
        })
        #expect(result[.tasksDone] == 300)
        #expect(result[.earlyStops]! > 50)
        #expect(result[.simulatedHours]! < 10_000)
    }

    @Test("Waves cost what planner-worker does not: idle executors and lower throughput, worse as task times vary more (F4).")
    func wavesCost() {
        func run(_ kind: TopologyKind, sd: Double) -> RunResult {
            Simulation.run(Self.spec(kind, agents: 30, hours: 168) { $0.tasks.effortHours = Distribution(.lognormal(mean: 1.5, sd: sd)) })
        }
        let steady = run(.plannerExecutor, sd: 0.75), varied = run(.plannerExecutor, sd: 2.25)
        let worker = run(.plannerWorker, sd: 0.75)
        #expect(steady[.throughput]! < 0.5 * worker[.throughput]!)
        #expect(steady[.idleShare]! > 0.5 && worker[.idleShare]! < 0.2)
        #expect(varied[.idleShare]! > steady[.idleShare]! && varied[.throughput]! < steady[.throughput]!)
    }
}
