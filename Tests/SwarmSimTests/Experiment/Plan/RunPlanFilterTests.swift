import Testing
@testable import SwarmModel
@testable import SwarmExperiment

/// Filters `orderedScenario` (RunPlanTests): two variants, commits.policy x agents.count, two replicates.
@Suite struct RunPlanFilterTests {
    @Test("a filtered plan is a view of the whole: the matching runs, in plan order, each the very spec it is in the whole plan.")
    func viewOfTheWholePlan() throws {
        let whole = try RunPlan(ScenarioFixtures.decode(orderedScenario))
        let filter = RunFilter(variants: ["two"], conditions: [Setting(assignment: "agents.count=2")!], replicate: 2)
        let view = try whole.filtered(by: filter)
        #expect(Array(view) == whole.filter { $0.variant == "two" && $0.config.agents.count == 2 && $0.replicate == 1 })
        #expect(view.count == 2 && view.replicates == 1 && view.groups.count == 2 && view.isFiltered)
        let points = try whole.filtered(by: RunFilter(conditions: [Setting(assignment: "agents.count=3")!]))
        #expect(Array(points) == whole.filter { $0.config.agents.count == 3 } && points.replicates == 2)
        #expect(try whole.filtered(by: RunFilter()).elementsEqual(whole) { $0 == $1 })
    }

    @Test("a filtered plan's folder and resolved document name the filter; the whole plan's stay as they were.")
    func folderAndDocumentNameTheFilter() throws {
        let whole = try RunPlan(ScenarioFixtures.decode(orderedScenario))
        let view = try whole.filtered(by: RunFilter(conditions: [Setting(assignment: "agents.count=2")!], replicate: 2))
        #expect(whole.folderName == "plan")
        #expect(view.folderName == "plan/where.agents.count=2,replicate=2")
        #expect(try RunPlan(ScenarioFixtures.decode(orderedScenario), selecting: ["one"]).filtered(by: RunFilter(replicate: 1)).folderName == "plan/variant=one,replicate=1")
        #expect(whole.resolvedDocument.value(at: ["plan", "filter"]) == nil)
        #expect(view.resolvedDocument.value(at: ["plan", "filter"]) == .object([
            "where": .array([.object(["path": .string("agents.count"), "value": .number(2)])]), "replicate": .number(2),
        ]))
        #expect(view.resolvedDocument.value(at: ["plan", "runs"]) == .number(4))
    }

    @Test("a filter that matches nothing, names a missing parameter or replicate, or an unknown variant is refused.")
    func refusals() throws {
        let whole = try RunPlan(ScenarioFixtures.decode(orderedScenario))
        #expect(throws: RunFilterError.noMatch(["agents.count=7"], values: [.init(path: "commits.policy", values: ["strict", "tolerant"]),
                                                                             .init(path: "agents.count", values: ["1", "2", "3"])])) {
            try whole.filtered(by: RunFilter(conditions: [Setting(assignment: "agents.count=7")!]))
        }
        #expect(throws: RunFilterError.unknownReplicate(3, replicates: 2)) { try whole.filtered(by: RunFilter(replicate: 3)) }
        #expect(throws: RunFilterError.unknownParameter("seed=1", path: "seed", known: ["commits.policy", "agents.count"])) {
            try whole.filtered(by: RunFilter(conditions: [Setting(assignment: "seed=1")!]))
        }
        #expect(throws: UnknownVariantError.self) { try whole.filtered(by: RunFilter(variants: ["three"])) }
    }
}
