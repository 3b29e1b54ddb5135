/// The peer topologies (flat-lock, optimistic): every agent a peer, choosing its own work from one
/// shared `TaskBoard`. What they share beyond the board itself.
protocol PeerBoardTopology: Topology {
    var board: TaskBoard { get }
}

extension PeerBoardTopology {
    static func roles(for config: ModelConfig) -> [Role] {
        Array(repeating: .peer, count: config.agents.count)
    }

    func invariantViolations(_ world: World) -> [String] {
        board.invariantViolations(world)
    }
}
