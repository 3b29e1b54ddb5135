/// Planning: the mechanics the planner topologies (planner-worker, integrator,
/// planner-executor, continuous-executor) share.
extension World {
    /// Agent `a` writes the next task of `area`, or nil when the goal has none there now. The task
    /// inherits the writer's direction: `direction` when already set, else drawn now from the
    /// writer's misalignment at its context age (and kept in `direction`).
    mutating func writeTask(by a: AgentID, area: Int, direction: inout Bool?) -> Int32? {
        guard let slot = backlog.next(inArea: area, codebase: codebase) else { return nil }
        let misaligned = direction ?? chance(a, misalignment.probability(age: contextAge(a)))
        direction = misaligned
        if misaligned { backlog[slot].misaligned = true }
        specify(slot, by: a)
        return slot
    }

    /// How long agent `a` takes to write one task: `topology.planning_hours` at its speed.
    mutating func planningHours(of a: AgentID) -> Double {
        draw(a, config.topology.planningHours) / agents[a].traits.speed
    }

    /// Whether a batch planner `a` hands down is misaligned, cut from work of direction
    /// `inherited`: a misaligned batch stays so; otherwise `a`'s own misalignment at its context
    /// age may turn it. Each level of the hierarchy is one more chance to go wrong.
    mutating func handDownMisaligned(by a: AgentID, inheriting inherited: Bool) -> Bool {
        inherited || chance(a, misalignment.probability(age: contextAge(a)))
    }

    /// Planner `a` wrote the task in `slot` out of a misaligned batch: the wrong direction reaches
    /// the task unless `a` sees it, with its chance of understanding the task (as a worker sees
    /// through a poor specification). Only the planner writing concrete tasks can hold them
    /// against the goal, and it does not see its own drift, only what came from above.
    mutating func followMisalignedBatch(_ slot: Int32, by a: AgentID) {
        let understanding = agents[a].traits.successProbability(difficulty: backlog[slot].difficulty, gain: config.work.competenceGain)
        if !chance(a, understanding) { backlog[slot].misaligned = true }
    }

    /// Planner `a`, owning `areas`, writes its next task, or nil when its slice of the goal has
    /// none left now. Tunnel vision: the more its focus has narrowed with context age, the likelier
    /// it stays in `currentArea`; otherwise it moves to one of its areas at random. When that area
    /// has nothing left it takes the first of its areas that has.
    mutating func planTask(by a: AgentID, areas: [Int32], currentArea: inout Int, direction: inout Bool?) -> Int32? {
        if !chance(a, misalignment.focus(age: contextAge(a))) {
            currentArea = Int(areas[random[a].nextInt(below: areas.count)])
        }
        var written = writeTask(by: a, area: currentArea, direction: &direction)
        for area in areas where written == nil {
            written = writeTask(by: a, area: Int(area), direction: &direction)
        }
        return written
    }

    /// A lone agent with no planner writes its own next task, in an area drawn at random (nil when
    /// that area has nothing left now).
    mutating func writeOwnTask(by a: AgentID, direction: inout Bool?) -> Int32? {
        writeTask(by: a, area: random[a].nextInt(below: backlog.areas), direction: &direction)
    }
}
