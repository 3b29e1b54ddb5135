import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias F = ScenarioFixtures

/// Two variants and a two-axis sweep written in a fixed key order (commits.policy first), so the
/// test can tell which axis varies slowest.
let orderedScenario = """
    {"name": "plan", "replications": 2, "duration_hours": 8, "sample_every_hours": 4,
     "variants": [{"label": "one"}, {"label": "two", "topology": {"kind": "flat-lock"}}],
     "sweep": {"commits.policy": ["strict", "tolerant"], "agents.count": [1, 2, 3]}}
    """

@Suite struct RunPlanTests {
    @Test("Runs are ordered by variant, then sweep point with the first swept key slowest, then replicate.")
    func order() throws {
        let plan = try RunPlan(F.decode(orderedScenario))
        #expect(plan.count == 2 * 6 * 2)
        #expect(plan.scenario.parameterNames == ["commits.policy", "agents.count"])
        let rows = plan.map { spec in
            "\(spec.variant) \(spec.parameters.map(\.value.plainText).joined(separator: " ")) r\(spec.replicate)"
        }
        #expect(Array(rows.prefix(8)) == [
            "one strict 1 r0", "one strict 1 r1", "one strict 2 r0", "one strict 2 r1",
            "one strict 3 r0", "one strict 3 r1", "one tolerant 1 r0", "one tolerant 1 r1",
        ])
        #expect(rows[12] == "two strict 1 r0")
        #expect(plan[12].config.topology.kind == .flatLock && plan[12].config.agents.count == 1)
    }

    @Test("Every variant and sweep point of a replicate shares its seed; replicates differ.")
    func seedsAreCommonRandomNumbers() throws {
        let plan = try RunPlan(F.decode(orderedScenario))
        let firstReplicate = Set(plan.filter { $0.replicate == 0 }.map(\.seed))
        let secondReplicate = Set(plan.filter { $0.replicate == 1 }.map(\.seed))
        #expect(firstReplicate.count == 1 && secondReplicate.count == 1 && firstReplicate != secondReplicate)
        #expect(plan[0].seed == RunSpec.seed(scenarioSeed: 1, replicate: 0))
    }

    @Test("A replicate's seed does not depend on how many replicates are asked for.")
    func seedIndependentOfReplicationCount() throws {
        let two = try RunPlan(F.decode(orderedScenario))
        let five = try RunPlan(F.decode(orderedScenario, settings: ["replications=5"]))
        #expect(five.replicates == 5)
        #expect(two[1].seed == five[1].seed)
        #expect(five[4].seed == RunSpec.seed(scenarioSeed: 1, replicate: 4))
    }

    @Test("Selecting variants keeps plan order; an unknown label is refused with a did-you-mean.")
    func selectingVariants() throws {
        let scenario = try F.decode(orderedScenario)
        let plan = try RunPlan(scenario, selecting: ["two"])
        #expect(Set(plan.map(\.variant)) == ["two"] && plan.count == 12)
        #expect(throws: UnknownVariantError.self) { try RunPlan(scenario, selecting: ["tow"]) }
        do {
            _ = try RunPlan(scenario, selecting: ["tow"])
        } catch {
            #expect(error.description == #"variant "tow": no such variant; did you mean "two"? (variants: one, two)"#)
        }
    }

    @Test("An unknown variant is a typed error: each unknown label with its suggestion, and the labels there are.")
    func unknownVariantError() throws {
        let scenario = try F.decode(orderedScenario)
        #expect {
            try RunPlan(scenario, selecting: ["one", "tow", "zzz"])
        } throws: { error in
            error as? UnknownVariantError == UnknownVariantError(
                unknown: [.init(label: "tow", suggestion: "two"), .init(label: "zzz", suggestion: nil)], known: ["one", "two"])
        }
    }

    @Test("Parameters list the swept values, then the model settings, for every run.")
    func parameters() throws {
        let plan = try RunPlan(F.decode(orderedScenario, settings: ["locks.lease_hours=2", "seed=4"]))
        #expect(plan.scenario.parameterNames == ["commits.policy", "agents.count", "locks.lease_hours"])
        #expect(plan[3].parameters == [
            .init(path: "commits.policy", value: .string("strict")), .init(path: "agents.count", value: .number(2)),
            .init(path: "locks.lease_hours", value: .number(2)),
        ])
        #expect(plan[3].config.locks.leaseHours == 2 && plan[0].seed == RunSpec.seed(scenarioSeed: 4, replicate: 0))
    }

    @Test("The resolved document records every default, the variants, the sweep, the plan and the version.")
    func resolvedDocument() throws {
        let plan = try RunPlan(F.decode(orderedScenario))
        let document = plan.resolvedDocument
        #expect(document.value(at: ["swarmsim_version"]) == .string(SwarmSimVersion.build))
        #expect(document.value(at: ["locks", "lease_hours"]) == .number(LocksConfig().leaseHours))
        #expect(document.value(at: ["plan", "runs"]) == .number(24))
        #expect(document.value(at: ["plan", "sweep_order"]) == .array([.string("commits.policy"), .string("agents.count")]))
        guard case .array(let variants) = document.value(at: ["variants"]) else {
            Issue.record("variants is not an array")
            return
        }
        #expect(variants.map { $0.value(at: ["topology", "kind"]) } == [.string("planner-worker"), .string("flat-lock")])
        #expect(document.prettyText == plan.resolvedDocument.prettyText)
    }
}
