/// The road from a finished attempt to main (docs/ODD.md, section 3.2): shared build slots, the
/// topology's say (an integrator takes the change over), rebasing conflicts, then the commit policy:
/// `tolerant` lands after a quick check; `strict` passes one gate at a time on a green main.
extension SwarmSimulation {
    /// Agent `a`'s attempt is done and its own checks passed it (rightly or not).
    mutating func changeReady(_ a: AgentID) {
        guard world.buildSlots != nil else {
            handOver(a)
            return
        }
        if world.buildSlots!.request(a) {
            startBuild(a)
        } else {
            world.setActivity(a, .waitingForBuild)
        }
    }

    mutating func startBuild(_ a: AgentID) {
        world.schedule(a, .build, after: world.draw(a, world.config.build.hours), doing: .building)
    }

    /// The change is built: the topology may take it over; otherwise the agent lands it itself.
    mutating func handOver(_ a: AgentID) {
        if topology.submit(a, &world) { return }
        switch world.config.commits.policy {
        case .tolerant:
            rebaseOr(a, then: .quickCheck)
        case .strict:
            if world.gate.request(a) {
                rebaseOr(a, then: .gate)
            } else {
                // On a red main, agents in line pile on the break (F8) rather than wait.
                world.setActivity(a, world.main.isRed ? .reworking : .waitingForGate)
            }
        }
    }

    /// Rebases `a`'s change if files it touches changed since its base, else goes on to `next`.
    private mutating func rebaseOr(_ a: AgentID, then next: AgentStep) {
        let conflicts = world.conflictingFiles(a)
        if conflicts > 0 {
            world.counters.conflicts += conflicts
            world.agents[a].rebaseFiles = conflicts
            world.schedule(a, .rebase, after: Double(conflicts) * world.config.conflicts.rebaseHoursPerFile, doing: .rebasing)
        } else {
            startCommitStep(a, next)
        }
    }

    private mutating func startCommitStep(_ a: AgentID, _ step: AgentStep) {
        let commits = world.config.commits
        if step == .gate {
            world.schedule(a, .gate, after: world.draw(a, commits.gateHours), doing: .inGate)
        } else {
            world.schedule(a, .quickCheck, after: world.draw(a, commits.quickCheckHours), doing: .checking)
        }
    }

    /// A rebase ended: each conflicting file's rebase may fail, forcing the attempt to be redone.
    mutating func rebaseEnded(_ a: AgentID) {
        let conflicts = world.agents[a].rebaseFiles
        var failed = false
        for _ in 0..<conflicts where world.chance(a, world.config.conflicts.rebaseFailProbability) {
            failed = true
        }
        let strict = world.config.commits.policy == .strict
        if failed {
            if strict { releaseGate() }
            world.beginAttempt(a)
            return
        }
        world.syncBase(a)
        startCommitStep(a, strict ? .gate : .quickCheck)
    }

    /// strict: the gate finished with `a`'s change. A broken change it catches goes back for rework;
    /// anything else lands, and a broken landing keeps the gate shut until main is repaired.
    mutating func gateEnded(_ a: AgentID) {
        if !world.agents[a].attemptCorrect && world.chance(a, world.config.commits.gateDetection) {
            releaseGate()
            world.beginRework(a)
            return
        }
        _ = world.land(a)  // strict: no fix tasks, so the hand is empty
        if world.main.isRed {
            for waiting in world.gate.line { world.setActivity(waiting, .reworking) }
        } else {
            releaseGate()
        }
        topology.landed(a, &world)
    }

    /// Opens the gate to the next agent in line, if any.
    mutating func releaseGate() {
        if let next = world.gate.release() {
            rebaseOr(next, then: .gate)
        }
    }
}
