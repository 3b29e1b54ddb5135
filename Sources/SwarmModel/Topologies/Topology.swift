/// A way of organising the swarm (docs/ODD.md, section 7.14): who plays which role, how agents get
/// work, and what happens around landing. The shared mechanics (attempts, rebases, the commit gate,
/// lock faults) live in `World`; a topology makes the decisions at the points below.
///
/// Every hook receives the world `inout`; a hook runs at the current simulated time and may schedule
/// agent steps. Hooks are called from `Simulation` only, one event at a time.
protocol Topology {
    /// Sets up roles for `config.agents.count` agents.
    static func roles(for config: ModelConfig) -> [Role]
    /// Locks the world needs (board lock, file locks).
    static func lockCount(for config: ModelConfig) -> Int

    init(world: inout World)

    /// Agent `a` has nothing in hand: give it something to do (or leave it idle).
    mutating func agentReady(_ a: AgentID, _ world: inout World)
    /// Agent `a`'s `.topology` step ended; its `phase` says which.
    mutating func stepEnded(_ a: AgentID, _ world: inout World)
    /// Agent `a` now holds the lock it was waiting for.
    mutating func lockGranted(_ a: AgentID, _ world: inout World)
    /// Agent `a`'s change passed its build and is ready to land. Return true to take it over
    /// (an integrator does); false lets the agent rebase and land it itself.
    mutating func submit(_ a: AgentID, _ world: inout World) -> Bool
    /// Agent `a`'s change landed (its hand is empty again).
    mutating func landed(_ a: AgentID, _ world: inout World)
    /// Agent `a` gave up on its task, which is still in its hand.
    mutating func abandoned(_ a: AgentID, _ world: inout World)
    /// A timer this topology scheduled fired.
    mutating func timer(_ id: Int32, _ world: inout World)

    /// Planners in the run and depth of their hierarchy (0 for flat topologies).
    var planners: Int { get }
    var depth: Int { get }
    /// Changes waiting for an integrator now (0 without integrators).
    var integratorQueueLength: Int { get }
    /// Agents every change queues to be reviewed and merged by; nil when changes land directly.
    /// The integrator_* metrics describe their queue.
    var reviewers: Int? { get }

    /// Tasks the topology itself holds (changes handed over and not yet merged), one entry per
    /// hold: with the agents' hands they account for every task's `workers`.
    var heldTasks: [Int32] { get }
    /// Every way the topology's own state breaks its invariant, as sentences (empty when it holds).
    func invariantViolations(_ world: World) -> [String]
}

extension Topology {
    mutating func submit(_ a: AgentID, _ world: inout World) -> Bool { false }
    mutating func timer(_ id: Int32, _ world: inout World) {}
    var planners: Int { 0 }
    var depth: Int { 0 }
    var integratorQueueLength: Int { 0 }
    var reviewers: Int? { nil }
    var heldTasks: [Int32] { [] }
    func invariantViolations(_ world: World) -> [String] { [] }
}
