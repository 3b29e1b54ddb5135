/// Judged fresh starts (F9): the mechanics the judged planner topologies (planner-worker,
/// integrator, planner-executor) share.
extension World {
    /// A judged fresh start (F9): every agent but `judge` starts a new context now and owes the
    /// restart time, which it pays at its next free moment (`restartIfPending`).
    mutating func freshStart(except judge: AgentID) {
        for agent in agents.indices.agents where agent != judge {
            agents[agent].contextStart = now
            agents[agent].restartPending = true
            counters.freshStarts += 1
        }
    }

    /// Agent `a`, free now, pays a restart it owes from a fresh start, if any. Returns whether it does.
    mutating func restartIfPending(_ a: AgentID) -> Bool {
        guard agents[a].restartPending else { return false }
        schedule(a, .restart, after: config.topology.judge.restartHours, doing: .restarting)
        return true
    }
}
