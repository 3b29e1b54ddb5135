/// Drift costs work: misaligned work that landed stays in its files until someone finds and reverts
/// it, and finding it is on whoever works there next (docs/MODEL-REFERENCE.md, `drift`).
extension World {
    /// Agent `a`, about to attempt the task in its hand, looks through the task's files for
    /// misaligned work: it finds each file's with its chance of understanding the task, and reverts
    /// what it finds first (`drift.revert_fraction` x the effort, at its speed, as rework). Returns
    /// whether a revert started; the attempt begins when it ends.
    mutating func beginRevert(_ a: AgentID) -> Bool {
        guard config.drift.revertFraction > 0 else { return false }
        let slot = agents[a].task
        var found = 0.0
        var understanding: Double?
        for file in backlog.files(of: slot) where codebase.misalignedEffort[Int(file)] > 0 {
            let chance = understanding ?? agents[a].traits.successProbability(difficulty: backlog[slot].difficulty, gain: config.work.competenceGain)
            understanding = chance
            if self.chance(a, chance) { found += codebase.revertMisaligned(in: file) }
        }
        guard found > 0 else { return false }
        schedule(a, .revert, after: config.drift.revertFraction * found / agents[a].traits.speed, doing: .reworking)
        return true
    }
}
