/// Specifying work (planners matter): whoever turns goal work into a task specifies it, as fully as
/// its prompts allow and as far as it understands the task itself; a worker who cannot find the
/// intent in the specification must infer it, and may get it wrong. So a better planner model (or
/// prompt) shows as less misdirected work, and a strong worker makes up for a weak specification.
///
/// Who specifies: the planner (or lead, or lone worker) who writes the task; on a peers' board, the
/// peer who claims it, since it writes up its own work.
extension World {
    /// Agent `a` writes up the task in `slot`: its specification quality is the agent's q times its
    /// chance of understanding a task of that difficulty (its IRT success probability).
    mutating func specify(_ slot: Int32, by a: AgentID) {
        let traits = agents[a].traits
        let understanding = traits.successProbability(difficulty: backlog[slot].difficulty, gain: config.work.competenceGain)
        backlog[slot].specification = traits.specificationQuality * understanding
    }

    /// The chance that agent `a` misreads the task in `slot` and works in a wrong direction: the
    /// specification leaves 1 - s of the intent unsaid, and the agent fails to infer it with its
    /// own chance of not understanding the task.
    func misreadProbability(of slot: Int32, by a: AgentID) -> Double {
        let understanding = agents[a].traits.successProbability(difficulty: backlog[slot].difficulty, gain: config.work.competenceGain)
        return (1 - backlog[slot].specification) * (1 - understanding)
    }
}
