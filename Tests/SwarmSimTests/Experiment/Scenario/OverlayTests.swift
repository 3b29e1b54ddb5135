import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias F = ScenarioFixtures

private func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

@Suite struct OverlayTests {
    @Test("Objects merge key by key; other values replace what lies beneath.")
    func deepMerge() throws {
        let base = try json(#"{"a": {"b": 1, "c": [1, 2]}, "d": 3}"#)
        let merged = base.merging(try json(#"{"a": {"c": [9], "e": null}, "d": {"x": 1}}"#))
        #expect(merged == (try json(#"{"a": {"b": 1, "c": [9], "e": null}, "d": {"x": 1}}"#)))
    }

    @Test("A distribution of another family replaces a distribution; one of the same family merges.")
    func distributionsStayWhole() throws {
        let beta = try json(#"{"beta": {"a": 2, "b": 5}}"#)
        #expect(beta.merging(try json(#"{"normal": {"mean": 1, "sd": 1}}"#)) == (try json(#"{"normal": {"mean": 1, "sd": 1}}"#)))
        #expect(beta.merging(try json(#"{"beta": {"a": 3}}"#)) == (try json(#"{"beta": {"a": 3, "b": 5}}"#)))
    }

    @Test("Merging at a path creates the objects on the way.")
    func mergeAtPath() throws {
        let merged = JSONValue.object([:]).merging(.number(4), at: ["agents", "count"])
        #expect(merged == (try json(#"{"agents": {"count": 4}}"#)))
        #expect(merged.value(at: ["agents", "count"]) == .number(4) && merged.value(at: ["agents", "x"]) == nil)
    }

    @Test("A variant changes only what it states; the rest comes from the base scenario.")
    func variantOverBase() throws {
        let scenario = try F.decode(F.text([
            "agents": ["count": 7], "commits": ["policy": "strict", "gate_detection": 0.5],
            "variants": [["label": "base"], ["label": "tolerant", "commits": ["policy": "tolerant"]]],
        ]))
        let base = scenario.configuration(variant: 0, point: 0)
        let tolerant = scenario.configuration(variant: 1, point: 0)
        #expect(base.commits.policy == .strict && tolerant.commits.policy == .tolerant)
        #expect(tolerant.commits.gateDetection == 0.5 && tolerant.agents.count == 7)
    }

    @Test("Without variants there is one, labelled by its topology kind.")
    func defaultVariant() throws {
        let scenario = try F.decode(F.text(["topology": ["kind": "optimistic"]]))
        #expect(scenario.variants.map(\.label) == ["optimistic"])
    }

    @Test("A sweep over a variant crosses every variant with every point.")
    func sweepCrossesVariants() throws {
        let scenario = try F.decode(F.text([
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [1, 3]],
        ]))
        #expect(scenario.sweep.pointCount == 2)
        let configs = (0..<2).flatMap { variant in (0..<2).map { scenario.configuration(variant: variant, point: $0) } }
        #expect(configs.map(\.agents.count) == [1, 3, 1, 3])
        #expect(configs.map(\.topology.kind) == [.flatLock, .flatLock, .plannerWorker, .plannerWorker])
    }

    @Test("A swept distribution parameter changes that parameter of the distribution in effect.")
    func sweepDistributionParameter() throws {
        let scenario = try F.decode(F.text(["sweep": ["tasks.difficulty.beta.a": [1, 4]]]))
        #expect(scenario.configuration(variant: 0, point: 1).tasks.difficulty == Distribution(.beta(a: 4, b: 3)))
    }

    @Test("A setting wins over the variants, applies to top-level keys, and parses text that is not JSON as a string.")
    func settings() throws {
        let text = F.text(["variants": [["label": "a", "agents": ["count": 3]]]])
        let scenario = try F.decode(text, settings: ["agents.count=9", "topology.kind=flat-lock", "duration_hours=4", "seed=3"])
        let config = scenario.configuration(variant: 0, point: 0)
        #expect(config.agents.count == 9 && config.topology.kind == .flatLock)
        #expect(scenario.durationHours == 4 && scenario.seed == 3)
        #expect(scenario.parameterNames == ["agents.count", "topology.kind"])
        #expect(scenario.variants[0].resolved.value(at: ["agents", "count"]) == .number(9))
    }

    @Test("A setting on a bad path, a repeated path, around a swept path or the sweep itself is refused, naming the setting.")
    func badSettings() {
        let text = F.text(["sweep": ["agents.count": [1, 2]]])
        #expect(F.problems(text, settings: ["agents.cout=3"]) == [#"test.json: setting agents.cout: unknown key; did you mean "count"?"#])
        #expect(F.problems(text, settings: ["agnets.count=3"]) == [#"test.json: setting agnets.count: unknown key "agnets"; did you mean "agents"?"#])
        #expect(F.problems(text, settings: [#"agents={"count": 3}"#]) == [
            "test.json: setting agents: overlaps sweep.agents.count, which is swept; set agents.count=VALUES to replace its values",
        ])
        #expect(F.problems(text, settings: ["seed=1", "seed=2"]) == ["test.json: setting seed: is given twice; give each path once"])
        #expect(F.problems(text, settings: ["agents.count=3", "sweep.agents.count=[4]"]) == [
            "test.json: setting sweep.agents.count: is given twice; give each path once",
        ])
        #expect(F.problems(text, settings: ["sweep=1"]) == [
            "test.json: setting sweep: cannot be set outside the scenario file; set sweep.PATH=[VALUES] to sweep one path",
        ])
        #expect(F.problems(text, settings: ["duration_hours=-1"]) == ["test.json: setting duration_hours: must be between 1e-06 and 1000000 (found -1)"])
    }

    @Test("A message names a setting as the wording names its origin; the library's own wording spells no flag.")
    func settingOrigins() {
        let text = F.text(["sweep": ["codebase.areas": [1, 100_000]]])
        func lines(_ settings: [Setting], _ wording: any Wording = PlainWording()) -> [String] {
            do {
                _ = try Scenario.decode(Data(text.utf8), file: "test.json", settings: settings)
                return []
            } catch {
                return error.description(in: wording).split(separator: "\n").map(String.init)
            }
        }
        let tooMany = ": must be a whole number, at least 1 and at most 1000000 (found 2000000)"
        #expect(lines([.replications(2_000_000)], TaggingWording()) == ["test.json: <replications replications>" + tooMany])
        #expect(lines([.replications(2_000_000, origin: .adaptiveReplications)], TaggingWording())
            == ["test.json: <adaptiveReplications replications>" + tooMany])
        #expect(lines([.seed(1 << 60)], TaggingWording()).first?.hasPrefix("test.json: <seed seed>: must be") == true)
        #expect(lines([Setting(path: ["seed"], value: .string("x"), origin: .recorded)], TaggingWording()).first?
            .hasPrefix("test.json: <recorded seed>: must be") == true)
        // A problem no single overlay made names every place that made it.
        let combined = lines([Setting(assignment: "codebase.files_per_area=1000")!], TaggingWording())
        #expect(combined == ["test.json: codebase: areas x files_per_area must be at most 50 million files, to fit in memory; "
            + "with <assignment codebase.files_per_area>, sweep.codebase.areas[1] (found 100000 x 1000)"])
        let plain = lines([Setting(assignment: "codebase.files_per_area=1000")!, .seed(1 << 60), .replications(2_000_000)])
        #expect(plain.count == 3 && !plain.contains { $0.contains("--") } && plain.allSatisfy { $0.contains("setting ") })
    }

    @Test("A setting parses PATH=VALUE, reading VALUE as JSON when it can.")
    func settingArgument() {
        #expect(Setting(assignment: "agents.count=5")?.value == .number(5))
        #expect(Setting(assignment: "topology.kind=flat-lock")?.value == .string("flat-lock"))
        #expect(Setting(assignment: #"tasks.effort_hours={"exponential": {"mean": 2}}"#)?.path == ["tasks", "effort_hours"])
        #expect(Setting(assignment: "name=a=b")?.value == .string("a=b"))
        #expect(Setting(assignment: "agents.count") == nil)
        #expect(Setting(assignment: "agents..count=1") == nil)
    }

    @Test("A swept value that clashes with a variant's value is reported at the sweep value that wrote it.")
    func combinationProblems() {
        let text = F.text([
            "variants": [["label": "a", "drift": ["initial_misalignment": 0.2]]],
            "sweep": ["drift.max_misalignment": [0.5, 0.1]],
        ])
        #expect(F.problems(text) == [
            "test.json: sweep.drift.max_misalignment[1]: must be at least initial_misalignment (0.2) (found 0.1)",
        ])
    }
}

/// Names each setting by its origin's case and path, so a test sees which origin a message carried.
private struct TaggingWording: Wording {
    func setting(_ path: String, from origin: Setting.Origin) -> String { "<\(origin) \(path)>" }
    func variantChoice(_ label: String) -> String { "<variant \(label)>" }
    var scenarioChoice: String { "<scenario>" }
    func storeChoice(_ file: String) -> String { "<store \(file)>" }
    func recordingCommand(_ file: String) -> String { "<record \(file)>" }
    var replaceChoice: String { "<replace>" }
    func logScale(_ path: String) -> String { "<log \(path)>" }
    func runCondition(_ assignment: String) -> String { "<where \(assignment)>" }
    func replicateChoice(_ replicate: Int) -> String { "<replicate \(replicate)>" }
}
