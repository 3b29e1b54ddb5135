import DequeModule

/// A shared resource with `capacity` units taken first come, first served: build/test slots, the
/// strict commit gate, integrators. Agents that find none free wait in line.
struct ResourcePool {
    let capacity: Int
    private(set) var inUse = 0
    private(set) var line = Deque<AgentID>()

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Takes a unit for `agent` if one is free; otherwise puts the agent in line.
    mutating func request(_ agent: AgentID) -> Bool {
        if inUse < capacity && line.isEmpty {
            inUse += 1
            return true
        }
        line.append(agent)
        return false
    }

    /// Returns a unit; the first agent in line gets it and is returned so the caller resumes it.
    mutating func release() -> AgentID? {
        if let next = line.popFirst() { return next }
        inUse -= 1
        return nil
    }
}
