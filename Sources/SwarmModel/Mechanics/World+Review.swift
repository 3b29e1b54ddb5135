/// Reviewing and merging handed-over changes: the mechanics integrator and continuous-executor share.
extension World {
    /// Agent `a` starts reviewing `change`: longer the more files it touches changed on main since
    /// the change's base (`topology.review_hours` plus `review_hours_per_conflict` per file).
    mutating func beginReview(_ change: HandedOverChange, by a: AgentID) {
        let conflicts = codebase.changedSince(change.baseCommit, backlog.files(of: change.task))
        counters.conflicts += conflicts
        counters.integratorWaitTotal += now - change.submittedAt
        // At the reviewer's speed, as any work.
        let hours = (draw(a, config.topology.reviewHours) + Double(conflicts) * config.topology.reviewHoursPerConflict) / agents[a].traits.speed
        counters.reviewHours += hours
        schedule(a, .topology, after: hours, doing: .reviewing)
    }

    /// Agent `a` has reviewed `change`: a broken change it catches (`commits.gate_detection`) goes
    /// back to the backlog, anything else is merged. Returns whether the change landed.
    @discardableResult
    mutating func endReview(_ change: HandedOverChange, by a: AgentID) -> Bool {
        counters.reviews += 1
        let landed: Bool
        if !change.correct && chance(a, config.commits.gateDetection) {
            backlog.giveBack(change.task)
            landed = false
        } else {
            // A break merged by a reviewer has no author at hand: its fix goes first in line.
            if let fix = land(task: change.task, correct: change.correct, misaligned: change.misaligned) {
                backlog.queueFirst(fix)
            }
            landed = true
        }
        releaseTask(change.task)
        return landed
    }
}
