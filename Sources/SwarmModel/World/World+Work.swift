import SwarmKernel

/// Attempting work and landing it: the mechanics every topology shares (docs/ODD.md, section 7).
extension World {
    /// Agent `a` starts an attempt at the task in its hand, from a fresh sync of main.
    ///
    /// The attempt takes effort / speed times noise; it is correct with the agent's IRT probability
    /// and misaligned with the agent's drift probability or when it misreads the task's
    /// specification. The agent may give up before the end (early stop), losing the partial work.
    mutating func beginAttempt(_ a: AgentID) {
        let slot = agents[a].task
        syncBase(a)
        if beginRevert(a) { return }
        let task = backlog[slot]
        let hours = task.effort / agents[a].traits.speed * draw(a, attemptNoise)
        agents[a].attemptHours = hours
        // Wrong direction: the agent's own drift, or a task it misreads (World+Specification).
        agents[a].attemptMisaligned = chance(a, misalignment.probability(age: contextAge(a))) || chance(a, misreadProbability(of: slot, by: a))
        startAttempt(a, hours: hours, difficulty: task.difficulty, activity: .working)
    }

    /// Agent `a` redoes its attempt after its checks or a gate rejected it: a share of the original
    /// attempt's time, with a fresh chance of being right.
    mutating func beginRework(_ a: AgentID) {
        let hours = agents[a].attemptHours * config.work.reworkFraction * draw(a, attemptNoise)
        startAttempt(a, hours: hours, difficulty: backlog[agents[a].task].difficulty, activity: .reworking)
    }

    private mutating func startAttempt(_ a: AgentID, hours: Double, difficulty: Double, activity: Activity) {
        let traits = agents[a].traits
        agents[a].attemptCorrect = chance(a, traits.successProbability(difficulty: difficulty, gain: config.work.competenceGain))
        // A fix is never given up (its author stays on the break it caused).
        if traits.earlyStopPerHour > 0 && !backlog[agents[a].task].isFix {
            let stop = draw(a, Distribution(.exponential(mean: 1 / traits.earlyStopPerHour)))
            if stop < hours {
                schedule(a, .giveUp, after: stop, doing: activity)
                return
            }
        }
        schedule(a, .attempt, after: hours, doing: activity)
    }

    /// An attempt ended. A wrong one caught by the agent's own checks is reworked (returns false);
    /// otherwise the change goes on to land (returns true), wrong or not.
    mutating func attemptEnded(_ a: AgentID) -> Bool {
        if !agents[a].attemptCorrect && chance(a, config.work.selfCheckProbability) {
            beginRework(a)
            return false
        }
        return true
    }

    /// Syncs agent `a` to main as it is now.
    mutating func syncBase(_ a: AgentID) {
        agents[a].baseCommit = codebase.commitCount
    }

    /// Files of `a`'s task changed on main since the agent's base: the conflicts to rebase.
    func conflictingFiles(_ a: AgentID) -> Int {
        codebase.changedSince(agents[a].baseCommit, backlog.files(of: agents[a].task))
    }

    /// Lands agent `a`'s change on main: bumps file versions, may break or fix main, and credits
    /// the task (or counts duplicate work). The agent's hand is empty afterwards, unless its change
    /// broke main under `tolerant`: then it holds the fix and has started on it (it fixes forward
    /// before anything else), and this returns true.
    mutating func land(_ a: AgentID) -> Bool {
        if agents[a].busywork {
            counters.commits += 1
            counters.busyworkCommits += 1
            agents[a].busywork = false
            return false
        }
        let fix = land(task: agents[a].task, correct: agents[a].attemptCorrect, misaligned: agents[a].attemptMisaligned)
        dropTask(a)
        guard let fix else { return false }
        assign(fix, to: a)
        beginAttempt(a)
        return true
    }

    /// Lands a change for the task in `slot`: bumps its files, may break main (or repair it), and
    /// credits the task's value, aligned or not, unless it had landed before (duplicate work).
    /// Returns the fix written for a break it caused under `tolerant`, which nobody holds yet.
    @discardableResult
    mutating func land(task slot: Int32, correct: Bool, misaligned attemptMisaligned: Bool) -> Int32? {
        counters.commits += 1
        let task = backlog[slot]
        codebase.commit(backlog.files(of: slot))
        var fix: Int32?
        if !correct {
            counters.brokenCommits += 1
            fix = breakMain(landing: slot)
        } else if task.isFix && !task.done {
            repairBreak(in: Int(task.area))
        }
        guard backlog.markDone(slot) else {
            counters.duplicateTasks += 1
            return fix
        }
        guard !task.isFix else { return fix }
        counters.tasksDone += 1
        if task.hard { counters.hardTasksDone += 1 }
        let misaligned = task.misaligned || attemptMisaligned
        if misaligned {
            counters.misalignedValue += task.effort
            codebase.recordMisaligned(effort: task.effort, in: backlog.files(of: slot))
        } else {
            counters.alignedValue += task.effort
        }
        misalignment.recordLanding(value: task.effort, misaligned: misaligned, at: now)
        if let goal = config.tasks.count, counters.tasksDone >= goal { finished = true }
        return fix
    }

    /// Agent `a` lets go of its task.
    mutating func dropTask(_ a: AgentID) {
        let slot = agents[a].task
        guard slot >= 0 else { return }
        agents[a].task = -1
        releaseTask(slot)
    }

    /// One holder lets go of the task in `slot`; its storage is freed once it is done and nothing
    /// refers to it any more.
    mutating func releaseTask(_ slot: Int32) {
        backlog[slot].workers -= 1
        if backlog[slot].done && backlog[slot].workers == 0 && !backlog[slot].onBoard {
            backlog.retire(slot)
        }
    }

    /// Gives agent `a` the task in `slot`.
    mutating func assign(_ slot: Int32, to a: AgentID) {
        agents[a].task = slot
        backlog[slot].workers += 1
    }

    /// The change for the task in `slot` landed broken. Under `strict`, main turns red and the gate
    /// stays shut until a repair (started here) finishes. Under `tolerant`, main turns red and a fix
    /// is written for the break and returned; a broken fix repairs nothing and gets a fix of its own
    /// (one fix out per open break), and a broken landing of a fix already landed needs none.
    private mutating func breakMain(landing slot: Int32) -> Int32? {
        switch config.commits.policy {
        case .strict:
            let wasRed = main.isRed
            main.breakMain(area: Int(backlog[slot].area), at: now)
            if !wasRed { events.schedule(.mainRepaired, after: config.commits.repairHours.sample(&worldRandom)) }
            return nil
        case .tolerant:
            if backlog[slot].isFix && backlog[slot].done { return nil }
            if !backlog[slot].isFix { main.breakMain(area: Int(backlog[slot].area), at: now) }
            return backlog.addFix(for: slot, effortFraction: config.commits.fixEffortFraction)
        }
    }

    /// tolerant: a fix landed correct: its break in `area` is repaired, and every change that
    /// failed its check for a break there is checked again (it may fail again for another break
    /// still open in the area). Waiting for the next fix, not for a green area, keeps a wait near one
    /// fix's length however many breaks overlap in a large swarm.
    private mutating func repairBreak(in area: Int) {
        main.fixOne(area: area, at: now)
        for a in fixWaiters[area] {
            schedule(a, .quickCheck, after: draw(a, config.commits.quickCheckHours), doing: .checking)
        }
        fixWaiters[area].removeAll(keepingCapacity: true)
    }

    /// tolerant: agent `a`'s quick check ran while a break is open in the scope it checks
    /// (`commits.break_scope`); it fails for the break with `commits.red_main_failure_probability` (never for a fix, which is checked
    /// against its break), and the agent then waits, blocked, for the next fix to land there.
    /// Returns whether it failed.
    mutating func quickCheckFailsOnRedMain(_ a: AgentID) -> Bool {
        let slot = agents[a].task
        guard main.isRed, !backlog[slot].isFix, let area = brokenArea(touchedBy: slot),
              chance(a, config.commits.redMainFailureProbability) else { return false }
        fixWaiters[area].append(a)
        setActivity(a, .blocked)
        return true
    }

    /// The area of a break that fails the task's check: under `commits.break_scope` area, the first
    /// area a break holds among those of the task's files, in their order; under main, the first
    /// area a break holds.
    private func brokenArea(touchedBy slot: Int32) -> Int? {
        if config.commits.breakScope == .main {
            return (0..<codebase.areas).first(where: main.isRed(area:))
        }
        for file in backlog.files(of: slot) {
            let area = codebase.area(of: file)
            if main.isRed(area: area) { return area }
        }
        return nil
    }
}
