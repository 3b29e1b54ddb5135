import SwarmKernel

/// One run of the coordination model under topology `T`: the kernel's event loop over a `World`,
/// dispatching each event either to the shared mechanics or to the topology's hooks.
///
/// Generic over the topology so that every hook call is statically dispatched: no existentials
/// or closures in the inner loop.
struct SwarmSimulation<T: Topology>: DiscreteEventSimulation {
    var world: World
    var topology: T
    let duration: Double
    let sampleEvery: Double
    var sampler: RunSampler

    var events: EventQueue<WorldEvent> {
        get { world.events }
        _modify { yield &world.events }
    }

    /// The run of `config` from `seed`; with `tracing`, one that keeps its trace (`world.trace`).
    init(config: ModelConfig, seed: UInt64, durationHours: Double, sampleEveryHours: Double, tracing: Bool = false) {
        let roles = T.roles(for: config)
        world = World(config: config, seed: seed, roles: roles, lockCount: T.lockCount(for: config))
        if tracing { world.trace = RunTrace(roles: roles) }
        topology = T(world: &world)
        duration = durationHours
        sampleEvery = sampleEveryHours
        sampler = RunSampler(agentCount: world.agents.count)
        if sampleEvery < duration {
            world.events.schedule(.sample, at: sampleEvery)
        }
        // The shared tracks start at 0 and take what the agents' first moves did at time 0.
        if tracing { world.recordSharedLevels() }
        for agent in world.agents.indices.agents {
            topology.agentReady(agent, &world)
        }
        if tracing { world.recordSharedLevels() }
    }

    /// Runs to the end (the duration, or a finished goal) and returns the measurements.
    mutating func runToEnd() -> RunResult {
        do {
            return try runToEnd(within: .unlimited)
        } catch {
            preconditionFailure("a run without limits cannot stop early")
        }
    }

    /// Runs to the end as `runToEnd()` does, checking `limits` every `RunLimits.checkInterval`
    /// events: a run that spends its event budget or is asked to stop throws instead.
    mutating func runToEnd(within limits: RunLimits) throws(RunStopped) -> RunResult {
        var processed = 0
        while !world.finished, let next = events.nextTime, next < duration {
            step()
            processed &+= 1
            guard processed % RunLimits.checkInterval == 0 else { continue }
            if limits.shouldStop() { throw .interrupted }
            if processed >= limits.maxEvents {
                throw .eventBudgetSpent(events: processed, reachedHour: world.now, busiest: busiestParameter())
            }
        }
        let end = world.finished ? world.now : duration
        if !world.finished { world.events.advanceClock(to: duration) }
        for agent in world.agents.indices.agents {
            world.setActivity(agent, world.agents[agent].activity)
        }
        sampler.record(&world, topology: topology, at: end)
        world.trace?.end = end
        return sampler.result(world: world, topology: topology, end: end)
    }

    /// Runs one more check interval, tallying the parameter that sets the delay of each event, and
    /// returns the one behind most of them: the likely cause of a runaway run.
    private mutating func busiestParameter() -> String {
        var tally: [String: Int] = [:]
        for _ in 0..<RunLimits.checkInterval {
            guard let event = events.popNext() else { break }
            tally[Self.parameter(setting: event, in: world), default: 0] += 1
            handle(event)
        }
        return tally.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "duration_hours"
    }

    /// The scenario parameter whose values set when `event` was due.
    private static func parameter(setting event: WorldEvent, in world: World) -> String {
        switch event {
        case .agentStep(let a, _):
            switch world.agents[a].step {
            case .none, .attempt: return "tasks.effort_hours"
            case .giveUp: return "profiles.*.early_stop_per_hour"
            case .rebase: return "conflicts.rebase_hours_per_file"
            case .build: return "build.hours"
            case .gate: return "commits.gate_hours"
            case .quickCheck: return "commits.quick_check_hours"
            case .busywork: return "board.busywork_hours"
            case .revert: return "drift.revert_fraction"
            case .topology: return "board.operation_hours, topology.planning_hours or topology.review_hours"
            case .pollLock: return "locks.poll_interval_hours"
            case .restart: return "locks.restart_hours"
            }
        case .leaseExpired: return "locks.lease_hours"
        case .mainRepaired: return "commits.repair_hours"
        case .sample: return "sample_every_hours"
        case .topologyTimer: return "topology.judge.cycle_hours"
        }
    }

    mutating func handle(_ event: WorldEvent) {
        dispatch(event)
        if world.trace != nil { world.recordSharedLevels() }
        checkInvariants(after: event)
    }

    /// Hands `event` to the shared mechanics or to the topology.
    private mutating func dispatch(_ event: WorldEvent) {
        switch event {
        case .agentStep(let a, let generation):
            guard world.agents[a].generation == generation else { return }
            let step = world.agents[a].step
            world.agents[a].step = .none
            handleStep(step, of: a)
        case .leaseExpired(let lock, let generation):
            let (_, next) = world.locks.expire(lock, generation: generation)
            if let next {
                world.agents[next].awaitedLock = -1
                topology.lockGranted(next, &world)
            }
        case .mainRepaired:
            world.main.repairAll(at: world.now)
            // Those piling on the break go back to waiting for the gate, which the break kept shut;
            // a break merged around the gate (by an integrator or a lead) holds no gate to open.
            for waiting in world.gate.line { world.setActivity(waiting, .waitingForGate) }
            if world.gate.inUse > 0 { releaseGate() }
        case .sample:
            sampler.record(&world, topology: topology, at: world.now)
            if world.now + sampleEvery < duration {
                world.events.schedule(.sample, after: sampleEvery)
            }
        case .topologyTimer(let id):
            topology.timer(id, &world)
        }
    }

    private mutating func handleStep(_ step: AgentStep, of a: AgentID) {
        switch step {
        case .attempt:
            if world.attemptEnded(a) { changeReady(a) }
        case .giveUp:
            world.counters.earlyStops += 1
            topology.abandoned(a, &world)
        case .build:
            if let next = world.buildSlots?.release() {
                startBuild(next)
            }
            handOver(a)
        case .revert:
            world.beginAttempt(a)
        case .rebase:
            rebaseEnded(a)
        case .gate:
            gateEnded(a)
        case .quickCheck:
            // On a red main the check may fail for the break; a broken landing's author fixes it
            // forward before its topology hears it landed.
            if world.quickCheckFailsOnRedMain(a) || world.land(a) { break }
            topology.landed(a, &world)
        case .busywork:
            _ = world.land(a)
            topology.landed(a, &world)
        case .topology:
            topology.stepEnded(a, &world)
        case .pollLock:
            if world.retryLock(a) { topology.lockGranted(a, &world) }
        case .restart:
            world.agents[a].contextStart = world.now
            world.agents[a].restartPending = false
            topology.agentReady(a, &world)
        case .none:
            break
        }
    }
}
