/// The shape of a planner/worker tree (F6): a root planner owns every area; while it would lead
/// more than `span` workers it delegates to sub-planners that each fully own a slice of its areas,
/// using as few planners as the span allows (about one per `span` workers). Without recursion one
/// planner leads everyone.
///
/// Capacity: a shape of span s and depth d leads at most s^d workers with (s^d - 1) / (s - 1)
/// planners. The tree goes down to `max_depth` levels, and deeper when the swarm outgrows that
/// shape: it takes the fewest levels that hold every agent, so no planner ever leads more than its
/// span (the overflow does not land on one planner).
///
/// Agents are numbered planners first (depth-first), then each planner's workers in planner order,
/// so the same configuration always gives the same agent the same role.
struct PlannerHierarchy {
    struct Planner {
        var parent: Int
        var depth: Int
        var areas: [Int32]
        /// Workers this planner leads directly.
        var workers: Int
        /// Workers below it, directly or through its sub-planners: the size of a batch of work it
        /// is handed (one task per worker).
        var workersBelow = 0
    }

    private(set) var planners: [Planner] = []
    /// The planner (index into `planners`) each worker reports to, in worker order.
    private(set) var workerPlanner: [Int] = []
    /// The levels the tree may use: `max_depth`, or more when the agents need them.
    let levels: Int

    /// The hierarchy for `agents` agents; a single agent is a worker that plans for itself.
    init(agents: Int, topology: TopologyConfig, areas: Int) {
        levels = topology.recursive ? Self.levels(for: agents, topology) : 1
        guard agents >= 2 else {
            if agents == 1 { workerPlanner = [-1] }
            return
        }
        build(budget: agents, parent: -1, depth: 1, areas: (0..<areas).map(Int32.init), topology)
        for (index, planner) in planners.enumerated() {
            workerPlanner.append(contentsOf: repeatElement(index, count: planner.workers))
        }
        // Sub-planners come after their parent (depth-first), so one backward pass sums the teams.
        for index in planners.indices.reversed() {
            planners[index].workersBelow += planners[index].workers
            let parent = planners[index].parent
            if parent >= 0 { planners[parent].workersBelow += planners[index].workersBelow }
        }
    }

    /// Levels of planners (0 when there are none).
    var depth: Int { planners.map(\.depth).max() ?? 0 }

    /// Roles in agent order: planners, then workers.
    var roles: [Role] {
        Array(repeating: Role.planner, count: planners.count) + Array(repeating: Role.worker, count: workerPlanner.count)
    }

    /// The most agents (planners and workers) a tree of span `span` and `levels` levels holds:
    /// (s^(d+1) - 1) / (s - 1), saturating at `Int.max`.
    static func capacity(span: Int, levels: Int) -> Int {
        var total = 1
        for _ in 0..<levels {
            let (product, overflow) = total.multipliedReportingOverflow(by: span)
            guard !overflow, product < Int.max - 1 else { return Int.max }
            total = product + 1
        }
        return total
    }

    /// `max_depth`, or the fewest levels whose capacity holds `agents` when that shape cannot.
    static func levels(for agents: Int, _ topology: TopologyConfig) -> Int {
        var levels = max(topology.maxDepth, 1)
        while capacity(span: topology.span, levels: levels) < agents { levels += 1 }
        return levels
    }

    private mutating func build(budget: Int, parent: Int, depth: Int, areas: [Int32], _ topology: TopologyConfig) {
        let index = planners.count
        planners.append(Planner(parent: parent, depth: depth, areas: areas, workers: 0))
        let span = topology.span
        var remaining = budget - 1
        if remaining <= span || !topology.recursive || depth >= levels {
            planners[index].workers = remaining
            return
        }
        // Each of the planner's `span` slots takes a sub-planner's team as large as needed (up to the
        // most a team below this depth can hold), leaving one agent per later slot; what is left
        // when it fits the free slots becomes the planner's direct workers.
        let capacity = Self.capacity(span: span, levels: levels - depth)
        var teams: [Int] = []
        var slots = span
        while remaining > slots && slots > 0 {
            let size = slots == 1 ? remaining : min(capacity, remaining - (slots - 1))
            teams.append(size)
            remaining -= size
            slots -= 1
        }
        planners[index].workers = remaining
        // Areas are split between the teams and the planner's own workers in proportion to size.
        let parts = teams + (remaining > 0 ? [remaining] : [])
        let slices = Self.proportionalSlices(areas, sizes: parts)
        for (team, size) in teams.enumerated() {
            build(budget: size, parent: index, depth: depth + 1, areas: slices[team], topology)
        }
        if remaining > 0 {
            planners[index].areas = slices[parts.count - 1]
        }
    }

    /// `areas` cut into contiguous slices in proportion to `sizes`, each at least one area (shared
    /// round-robin when there are more parts than areas).
    private static func proportionalSlices(_ areas: [Int32], sizes: [Int]) -> [[Int32]] {
        guard areas.count >= sizes.count else {
            return sizes.indices.map { [areas[$0 % areas.count]] }
        }
        let total = sizes.reduce(0, +)
        var slices: [[Int32]] = []
        var start = 0
        var cumulative = 0
        for (part, size) in sizes.enumerated() {
            cumulative += size
            let partsLeft = sizes.count - part - 1
            let proportional = Int((Double(areas.count) * Double(cumulative) / Double(total)).rounded())
            let end = min(max(proportional, start + 1), areas.count - partsLeft)
            slices.append(Array(areas[start..<end]))
            start = end
        }
        return slices
    }
}
