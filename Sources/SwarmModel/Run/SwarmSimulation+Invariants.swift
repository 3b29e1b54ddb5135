extension SwarmSimulation {
    /// Every way the run's state breaks an invariant: the world's books (with the tasks the
    /// topology holds), the topology's own state and the event queue's structure.
    func invariantViolations() -> [String] {
        world.invariantViolations(topologyTasks: topology.heldTasks) + topology.invariantViolations(world)
            + world.events.invariantViolations()
    }

    /// Stops the program when an event left the run's state broken: a full check after every event
    /// when built with `-D SWARMSIM_INTERNAL_CHECKS`, nothing otherwise.
    @inline(__always)
    func checkInvariants(after event: WorldEvent) {
        #if SWARMSIM_INTERNAL_CHECKS
        let problems = invariantViolations()
        // fatalError, unlike precondition, prints its message in optimised builds.
        if !problems.isEmpty { fatalError("at \(world.now) h, after \(event): \(problems.joined(separator: "; "))") }
        #endif
    }
}
