import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment

/// A scenario load decodes each distinct model once (`ModelDecodings`): what it gives back must be
/// what decoding every variant and point on its own gives, problems included.
@Suite struct ModelDecodingsTests {
    @Test("Variants written alike share their decoding, yet each keeps its label, and its runs their own addresses.")
    func alikeVariantsDecodeAlike() throws {
        let text = ScenarioFixtures.text(["variants": [["label": "a"], ["label": "b"], ["label": "c", "agents": ["count": 3]]],
                                          "sweep": ["agents.count": [1, 2]]])
        let plan = try RunPlan(ScenarioFixtures.decode(text))
        #expect(plan.groups.map(\.variant) == ["a", "a", "b", "b", "c", "c"])
        // The sweep sets agents.count, so c's own count changes nothing: all three decode alike.
        #expect(Set(plan.groups.map(\.model.digest)).count == 2)
        #expect(plan.groups[0].model == plan.groups[2].model && plan.groups[1].model == plan.groups[5].model)
        #expect(Set(plan.map { RunAddress($0) }).count == plan.count)
        // One variant on its own decodes as it does among the others.
        let alone = try RunPlan(ScenarioFixtures.decode(ScenarioFixtures.text(["variants": [["label": "b"]], "sweep": ["agents.count": [1, 2]]])))
        #expect(alone.groups.map(\.model) == [plan.groups[2].model, plan.groups[3].model])
    }

    @Test("The same mistake in two variants is reported in each, where each wrote it.")
    func repeatedProblemsAreEachReported() {
        let text = ScenarioFixtures.text(["variants": [["label": "a", "agents": ["count": -1]], ["label": "b", "agents": ["count": -1]]]])
        let problems = ScenarioFixtures.problems(text)
        #expect(problems.filter { $0.contains("variants[0].agents.count") }.count == 1, "\(problems)")
        #expect(problems.filter { $0.contains("variants[1].agents.count") }.count == 1, "\(problems)")
    }

    @Test("Exact JSON tells 0 from -0, as canonical text does, and ignores the order of an object's fields.")
    func exactJSONComparesBits() {
        #expect(JSONValue.number(0) == JSONValue.number(-0.0))
        #expect(ExactJSON(.number(0)) != ExactJSON(.number(-0.0)))
        #expect(ExactJSON(.array([.number(1), .object(["x": .number(-0.0)])])) != ExactJSON(.array([.number(1), .object(["x": .number(0)])])))
        var forward: [String: JSONValue] = [:]
        var backward: [String: JSONValue] = [:]
        let keys = (0..<50).map { "k\($0)" }
        for key in keys { forward[key] = .string(key) }
        for key in keys.reversed() { backward[key] = .string(key) }
        #expect(ExactJSON(.object(forward)) == ExactJSON(.object(backward)))
        #expect(ExactJSON(.object(forward)).hashValue == ExactJSON(.object(backward)).hashValue)
        #expect(ExactJSON(.object(["a": .null])) != ExactJSON(.object(["b": .null])))
    }
}
