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

    @Test("No planner leads more than its span while the depth limit allows delegating.",
          arguments: [14, 50, 200, 500, 1000, 1885])
    func spanIsRespected(agents: Int) {
        #expect(children(hierarchy(agents)).allSatisfy { $0 <= 12 })
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

    @Test("Depth never exceeds the limit; beyond its capacity the deepest planners lead more than their span.")
    func depthLimit() {
        let h = hierarchy(3000, depth: 2)
        #expect(h.depth == 2)
        #expect(children(h).max()! > 12)
    }
}
