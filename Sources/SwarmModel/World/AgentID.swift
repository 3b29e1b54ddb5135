/// An agent's number in its run: its position in the world's per-agent arrays (`World.agents`,
/// the behaviour streams, a topology's per-agent state), which it subscripts directly.
///
/// Four bytes, so that events and queues of agents stay small.
struct AgentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    let rawValue: Int32

    init(_ index: Int) {
        rawValue = Int32(index)
    }

    /// The agent's position in per-agent arrays.
    var index: Int { Int(rawValue) }

    var description: String { "agent \(rawValue)" }

    static func < (lhs: AgentID, rhs: AgentID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

extension Array {
    /// The element of agent `agent` in a per-agent array.
    subscript(_ agent: AgentID) -> Element {
        get { self[agent.index] }
        _modify { yield &self[agent.index] }
    }
}

extension Range<Int> {
    /// The agents numbered by this range.
    var agents: LazyMapSequence<Range<Int>, AgentID> {
        lazy.map(AgentID.init)
    }
}
