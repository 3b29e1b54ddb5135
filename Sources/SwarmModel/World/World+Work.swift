import SwarmKernel

/// Attempting work and landing it: the mechanics every topology shares (MODEL.md, "Agents" and
/// "Landing work").
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
        if traits.earlyStopPerHour > 0 {
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
    /// the task (or counts duplicate work). The agent's hand is empty afterwards.
    mutating func land(_ a: AgentID) {
        if agents[a].busywork {
            counters.commits += 1
            counters.busyworkCommits += 1
            agents[a].busywork = false
            return
        }
        land(task: agents[a].task, correct: agents[a].attemptCorrect, misaligned: agents[a].attemptMisaligned)
        dropTask(a)
    }

    /// Lands a change for the task in `slot`: bumps its files, may break main (or fix it forward),
    /// and credits the task's value, aligned or not, unless it had landed before (duplicate work).
    mutating func land(task slot: Int32, correct: Bool, misaligned attemptMisaligned: Bool) {
        counters.commits += 1
        let task = backlog[slot]
        codebase.commit(backlog.files(of: slot))
        main.commitLanded(fixProbability: config.commits.fixForwardProbability, at: now, &worldRandom)
        if !correct {
            counters.brokenCommits += 1
            breakMain()
        }
        guard backlog.markDone(slot) else {
            counters.duplicateTasks += 1
            return
        }
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

    /// A broken change landed: main turns red. Under `strict`, the gate stays closed until a repair
    /// (started here) finishes.
    private mutating func breakMain() {
        let wasRed = main.isRed
        main.breakMain(at: now)
        if config.commits.policy == .strict && !wasRed {
            events.schedule(.mainRepaired, after: config.commits.repairHours.sample(&worldRandom))
        }
    }
}
