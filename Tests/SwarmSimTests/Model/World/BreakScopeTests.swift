import Testing
@testable import SwarmKernel
@testable import SwarmModel

/// A break on main fails the checks it should (`commits.break_scope`), and a waiting change is
/// checked again when the next fix lands in the broken area, not only once the area is green.
@Suite struct BreakScopeTests {
    /// A tolerant world of three peers whose quick checks always fail on a break in their scope.
    private func world(scope: BreakScope) -> World {
        var config = ModelConfig()
        config.codebase.crossAreaProbability = 0
        config.commits.redMainFailureProbability = 1
        config.commits.breakScope = scope
        return World(config: config, seed: 3, roles: [.peer, .peer, .peer], lockCount: 0)
    }

    /// Gives agent `a` the next task of `area`.
    private func give(_ world: inout World, _ a: Int, area: Int) {
        let slot = world.backlog.next(inArea: area, codebase: world.codebase)!
        world.assign(slot, to: AgentID(a))
    }

    @Test("Under area scope a break fails only the checks of changes touching its area; under main scope it fails every check.")
    func scope() {
        for scope in BreakScope.allCases {
            var w = world(scope: scope)
            give(&w, 0, area: 0)
            give(&w, 1, area: 0)
            give(&w, 2, area: 1)
            let fix = w.land(task: w.agents[AgentID(0)].task, correct: false, misaligned: false)
            #expect(fix != nil && w.main.isRed(area: 0) && !w.main.isRed(area: 1))
            let sameArea = w.quickCheckFailsOnRedMain(AgentID(1))
            let otherArea = w.quickCheckFailsOnRedMain(AgentID(2))
            #expect(sameArea, "a change to the broken area fails its check")
            #expect(otherArea == (scope == .main), "\(scope): a change to another area")
        }
    }

    @Test("A change waiting on a broken area is checked again when a fix lands there, though another break keeps the area red.")
    func retriedAtEachFix() {
        var w = world(scope: .area)
        give(&w, 0, area: 0)
        give(&w, 1, area: 0)
        give(&w, 2, area: 0)
        let firstFix = w.land(task: w.agents[AgentID(0)].task, correct: false, misaligned: false)!
        _ = w.land(task: w.agents[AgentID(1)].task, correct: false, misaligned: false)
        let failed = w.quickCheckFailsOnRedMain(AgentID(2))
        #expect(failed)
        #expect(w.fixWaiters[0] == [AgentID(2)])
        w.land(task: firstFix, correct: true, misaligned: false)
        #expect(w.main.isRed(area: 0), "one break is still open")
        #expect(w.fixWaiters[0].isEmpty)
        #expect(w.agents[AgentID(2)].step == .quickCheck, "the waiting change is checked again")
        #expect(w.main.invariantViolations().isEmpty, "\(w.main.invariantViolations())")
    }
}
