import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// continuous-executor (F5): one lead plans, hands out and merges every task, and degrades.
@Suite struct ContinuousExecutorTests {
    private static func spec(_ kind: TopologyKind = .continuousExecutor, agents: Int, hours: Double, seed: UInt64 = 5,
                             _ change: (inout ModelConfig) -> Void = { _ in }) -> RunSpec {
        var config = ModelConfig()
        config.topology.kind = kind
        config.agents.count = agents
        change(&config)
        return RunSpec(scenario: "t", variant: kind.rawValue, point: 0, parameters: [], replicate: 0, seed: seed,
                       config: config, durationHours: hours, sampleEveryHours: min(4, hours))
    }

    /// Every duration constant, nothing redone or sent back, and no degradation: the lead's focus
    /// never narrows and it never declares the goal done.
    private static func clockwork(_ config: inout ModelConfig, planning: Double, effort: Double, review: Double) {
        config.makeClockwork(planning: planning, effort: effort)
        config.commits.gateDetection = 0
        config.build.slots = 0
        config.topology.reviewHours = .constant(review)
        config.topology.reviewHoursPerConflict = 0
        config.topology.prematureCompletionPerHour = 0
        config.drift.focusTauHours = 1e12
    }

    @Test("Clockwork with one worker (or a lone agent): the lead plans, the worker works, the lead merges, one after another; every agent-hour is where that schedule puts it.",
          arguments: [1, 2])
    func clockworkSchedule(agents: Int) {
        let p = 0.1, e = 1.0, r = 0.3
        let period = p + e + r
        let k = 20
        let end = Double(k) * period + p + e / 2  // in the middle of task k + 1's work
        let result = Simulation.run(Self.spec(agents: agents, hours: end) { Self.clockwork(&$0, planning: p, effort: e, review: r) })
        let n = Double(k)
        #expect(result[.tasksDone] == n)
        #expect(result[.commits] == n)
        let coordinating = n * (p + r) + p
        let working = n * e + e / 2
        let blocked = agents == 1 ? 0 : (n + 1) * p
        let idle = agents == 1 ? 0 : (n * e + e / 2) + n * r
        let agentHours = Double(agents) * end
        #expect(abs(coordinating + working + blocked + idle - agentHours) < 1e-9)
        for (metric, hours) in [(SummaryMetric.coordinationShare, coordinating), (.workShare, working), (.blockedShare, blocked), (.idleShare, idle)] {
            #expect(abs(result[metric]! - hours / agentHours) < 1e-9, "\(metric.rawValue): \(result[metric]!) against \(hours / agentHours)")
        }
        #expect(abs(result[.integratorCapacity]! - 1 / r) < 1e-9)
        #expect(result[.integratorWaitHours] == 0)
        #expect(result[.planners] == 1 && result[.cycles] == 0 && result[.freshStarts] == 0)
    }

    @Test("A saturated lead with no degradation lands one task per planning plus review, whatever the number of workers.",
          arguments: [10, 30])
    func saturatedLead(agents: Int) {
        let p = 0.1, r = 0.3
        // A task takes less than the lead's time to write tasks for all but one worker, so every
        // worker is never busy at once, and the lead (merging first, then writing) is never idle.
        let result = Simulation.run(Self.spec(agents: agents, hours: 200) { config in
            Self.clockwork(&config, planning: p, effort: 0.5, review: r)
            config.topology.span = 10_000
        })
        let landed = result[.tasksDone]!
        // Each landing costs the lead p + r; it first hands every worker a task, then alternates.
        #expect(landed <= 200 / (p + r) && landed > 200 / (p + r) - Double(agents) - 2)
        // The lead coordinates all the time, and nobody else ever does.
        #expect(abs(result[.coordinationShare]! * Double(agents) * 200 - 200) < 1e-6)
        #expect(result[.idleShare]! > 0.5)
    }

    /// Steps a run event by event, checking the lead's bookkeeping after each.
    @Test("The lead never hands out a task beyond its cap for its context age; tasks out are those in hand, waiting or being merged; the cap shrinks to one.",
          arguments: [(40, UInt64(1)), (40, 2), (8, 3)])
    func tasksOutWithinCap(agents: Int, seed: UInt64) {
        var simulation = SwarmSimulation<ContinuousExecutorTopology>(spec: Self.spec(agents: agents, hours: 150, seed: seed) { config in
            config.drift.focusTauHours = 20
            config.topology.planningHours = .constant(0.02)
            config.topology.prematureCompletionPerHour = 0
            config.profiles["default"]!.earlyStopPerHour = .constant(0.1)
        })
        var out = simulation.topology.tasksOut
        var highest = 0
        var handedOutLate = 0
        while let next = simulation.events.nextTime, next < 150 {
            simulation.step()
            let world = simulation.world, topology = simulation.topology
            if topology.tasksOut > out {
                #expect(topology.tasksOut == out + 1)
                #expect(topology.tasksOut <= topology.cap(world), "\(topology.tasksOut) out at age \(world.now), cap \(topology.cap(world))")
                if world.now > 100 { handedOutLate += 1 }
            }
            out = topology.tasksOut
            highest = max(highest, out)
            let inHand = world.agents.indices.filter { $0 > 0 && world.agents[$0].task >= 0 }.count
            let merging = topology.merging == nil ? 0 : 1
            #expect(out == inHand + topology.integratorQueueLength + merging)
            #expect(world.agents[0].task < 0, "the lead never codes beside workers")
        }
        #expect(highest == min(12, agents - 1))
        #expect(ContinuousExecutorTopology.cap(simulation.world.config, misalignment: simulation.world.misalignment, age: 150) == 1)
        #expect(handedOutLate > 5)
    }

    @Test("After the lead declares the goal done it hands nothing out; what was out is merged, then everyone idles.",
          arguments: [UInt64(1), 2, 3])
    func nothingAfterPrematureCompletion(seed: UInt64) {
        let hours = 300.0
        var simulation = SwarmSimulation<ContinuousExecutorTopology>(spec: Self.spec(agents: 20, hours: hours, seed: seed) {
            $0.topology.prematureCompletionPerHour = 0.3
        })
        let declared = simulation.topology.completionTime
        #expect(declared > 0 && declared < 100)
        var atDeclaration: (commits: Int, out: Int)?
        var out = 0
        while let next = simulation.events.nextTime, next < hours {
            simulation.step()
            let topology = simulation.topology, world = simulation.world
            #expect(topology.declaredDone == (world.now >= declared))
            if topology.declaredDone {
                #expect(topology.tasksOut <= out, "a task handed out at \(world.now), after the goal was declared done at \(declared)")
                if atDeclaration == nil { atDeclaration = (world.counters.commits, out) }
                #expect(world.counters.commits - atDeclaration!.commits <= atDeclaration!.out)
            }
            out = topology.tasksOut
        }
        #expect(simulation.topology.tasksOut == 0)
        let result = simulation.runToEnd()
        #expect(result[.idleShare]! > (hours - declared - 30) / hours)
        // The last sample intervals land nothing.
        #expect(result.samples.suffix(5).allSatisfy { $0[2] == 0 })
    }

    @Test("The declaration time inverts the integrated hazard h m(a) / mmax; it is exactly E / h when m is constant, and never without a hazard.")
    func completionTimeInvertsTheHazard() {
        var config = ModelConfig()
        config.topology.prematureCompletionPerHour = 0.02
        let misalignment = Misalignment(config.drift)
        for e in [0.01, 0.5, 1, 3] {
            let t = ContinuousExecutorTopology.completionTime(config, exponential: e, misalignment: misalignment)
            #expect(abs(0.02 / config.drift.maxMisalignment * misalignment.accumulated(age: t) - e) < 1e-6 * e)
        }
        var constant = config
        constant.drift.initialMisalignment = 0.3
        let flat = Misalignment(constant.drift)
        #expect(abs(ContinuousExecutorTopology.completionTime(constant, exponential: 2, misalignment: flat) - 100) < 1e-6)
        config.topology.prematureCompletionPerHour = 0
        #expect(ContinuousExecutorTopology.completionTime(config, exponential: 1, misalignment: misalignment) == .infinity)
        config.topology.prematureCompletionPerHour = 0.02
        config.drift.maxMisalignment = 0
        config.drift.initialMisalignment = 0
        #expect(ContinuousExecutorTopology.completionTime(config, exponential: 1, misalignment: Misalignment(config.drift)) == .infinity)
    }

    @Test("Deterministic: the same spec gives the same run, and the declaration changes nothing before it happens.")
    func deterministic() {
        let a = Simulation.run(Self.spec(agents: 25, hours: 168, seed: 9))
        #expect(a == Simulation.run(Self.spec(agents: 25, hours: 168, seed: 9)))
        #expect(a != Simulation.run(Self.spec(agents: 25, hours: 168, seed: 10)))
        // Without the hazard, the run is the same up to the moment the lead would have declared.
        let declared = SwarmSimulation<ContinuousExecutorTopology>(spec: Self.spec(agents: 25, hours: 168, seed: 9)).topology.completionTime
        let never = Simulation.run(Self.spec(agents: 25, hours: 168, seed: 9) { $0.topology.prematureCompletionPerHour = 0 })
        let before = { (r: RunResult) in r.samples.filter { $0[0]! + 4 <= declared } }
        #expect(!before(a).isEmpty && before(a) == before(never))
    }

    @Test("F5: the lead holding every role lands far less than planner-worker, and leaves most agents idle.")
    func degrades() {
        let lead = Simulation.run(Self.spec(agents: 30, hours: 168))
        let planners = Simulation.run(Self.spec(.plannerWorker, agents: 30, hours: 168))
        #expect(lead[.throughput]! < 0.25 * planners[.throughput]!)
        #expect(lead[.idleShare]! > 0.8 && planners[.idleShare]! < 0.2)
    }
}
