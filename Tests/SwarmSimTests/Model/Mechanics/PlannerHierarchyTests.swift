import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct PlannerHierarchyTests {
    private func hierarchy(_ agents: Int, span: Int = 12, depth: Int = 3, recursive: Bool = true, areas: Int = 16) -> PlannerHierarchy {
        var topology = TopologyConfig()
        topology.span = span
        topology.maxDepth = depth
        topology.recursive = recursive
        return PlannerHierarchy(agents: agents, topology: topology, areas: areas)
    }

    /// Children (sub-planners and workers) each planner leads.
    private func children(_ h: PlannerHierarchy) -> [Int] {
        h.planners.indices.map { p in h.planners[p].workers + h.planners.filter { $0.parent == p }.count }
    }

    @Test("Every agent gets exactly one role, planners first, and every worker reports to a planner.",
          arguments: [2, 3, 13, 14, 50, 157, 158, 200, 500, 1000])
    func everyAgentHasARole(agents: Int) {
        let h = hierarchy(agents)
        #expect(h.roles.count == agents)
        #expect(h.planners.count + h.workerPlanner.count == agents)
        #expect(h.roles.prefix(h.planners.count).allSatisfy { $0 == .planner })
        #expect(h.workerPlanner.allSatisfy { h.planners.indices.contains($0) })
    }

    @Test("No planner leads more than its span, at any size: the tree takes the levels it needs.",
          arguments: [10, 14, 50, 100, 200, 500, 1000, 1885, 1886, 10_000])
    func spanIsRespected(agents: Int) {
        let h = hierarchy(agents)
        #expect(children(h).allSatisfy { $0 <= 12 }, "\(agents) agents: a planner leads \(children(h).max()!)")
        #expect(h.workerPlanner.count + h.planners.count == agents)
    }

    @Test("The shape at 10, 100, 1,000 and 10,000 agents: its levels, the fewest planners a span of 12 allows, none over its span.",
          arguments: [(10, 1), (100, 3), (1_000, 3), (10_000, 4)])
    func shapes(agents: Int, depth: Int) {
        let h = hierarchy(agents)
        #expect(h.depth == depth)
        // P planners have P - 1 planner edges and agents - P worker edges, at most 12 each.
        #expect(h.planners.count == (agents - 1 + 11) / 12)
        #expect(children(h).max()! <= 12)
        // Every worker is counted once in its planner's team and in every team above it.
        #expect(h.planners[0].workersBelow == h.workerPlanner.count)
        for (p, planner) in h.planners.enumerated() {
            let below = planner.workers + h.planners.filter { $0.parent == p }.map(\.workersBelow).reduce(0, +)
            #expect(planner.workersBelow == below)
        }
    }

    @Test("Capacity: span s and depth d hold (s^(d+1) - 1) / (s - 1) agents, s^d of them workers; one agent more takes another level.",
          arguments: [(12, 3), (12, 1), (2, 4), (5, 2)])
    func capacity(span: Int, depth: Int) {
        let full = PlannerHierarchy.capacity(span: span, levels: depth)
        var power = 1
        for _ in 0..<depth { power *= span }
        #expect(full == (power * span - 1) / (span - 1))
        let exact = hierarchy(full, span: span, depth: depth)
        #expect(exact.depth == depth)
        #expect(exact.workerPlanner.count == power)
        #expect(children(exact).allSatisfy { $0 == span })
        let over = hierarchy(full + 1, span: span, depth: depth)
        #expect(over.depth == depth + 1)
        #expect(children(over).max()! <= span)
    }

    @Test("Capacity saturates instead of overflowing for wide, deep shapes.")
    func capacitySaturates() {
        #expect(PlannerHierarchy.capacity(span: 10_000, levels: 20) == Int.max)
        var topology = TopologyConfig()
        topology.span = 10_000
        topology.maxDepth = 20
        #expect(PlannerHierarchy(agents: 20_000, topology: topology, areas: 16).depth == 2)
    }

    @Test("The tree uses the fewest planners a span of 12 allows: about one per twelve workers.")
    func plannersAreFew() {
        // A tree of P planners has P - 1 planner edges plus W worker edges, at most 12 per planner:
        // so P >= (agents - 1) / 12.
        for agents in [50, 200, 500, 1000] {
            let planners = hierarchy(agents).planners.count
            let lowerBound = (agents - 1 + 11) / 12
            #expect(planners >= lowerBound && planners <= lowerBound + 2, "\(agents) agents: \(planners) planners, bound \(lowerBound)")
        }
    }

    @Test("Without recursion one planner leads every worker; a single agent plans for itself.")
    func degenerateShapes() {
        let flat = hierarchy(200, recursive: false)
        #expect(flat.planners.count == 1 && flat.planners[0].workers == 199)
        let lone = hierarchy(1)
        #expect(lone.planners.isEmpty && lone.workerPlanner == [-1])
    }

    /// Areas of the planners that lead workers.
    private func leadingAreas(_ h: PlannerHierarchy) -> [Int32] {
        h.planners.filter { $0.workers > 0 }.flatMap(\.areas).sorted()
    }

    @Test("With at least as many areas as teams, teams own disjoint slices that cover every area.")
    func areasAreSliced() {
        #expect(leadingAreas(hierarchy(200, areas: 64)) == (0..<64).map(Int32.init))
    }

    @Test("With fewer areas than teams, teams share areas, and every area still has an owner.")
    func areasAreShared() {
        #expect(Set(leadingAreas(hierarchy(200, areas: 16))) == Set((0..<16).map(Int32.init)))
    }

    @Test("Beyond the configured shape's capacity the tree grows a level instead of overloading a planner.")
    func depthGrows() {
        let h = hierarchy(3000, depth: 2)
        #expect(h.depth == 4)
        #expect(children(h).max()! <= 12)
        #expect(hierarchy(157, depth: 2).depth == 2)
        #expect(hierarchy(158, depth: 2).depth == 3)
    }
}
