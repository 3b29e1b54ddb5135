import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias F = ScenarioFixtures

@Suite struct ScenarioDecodingTests {
    @Test("A minimal scenario decodes with the documented defaults.")
    func defaults() throws {
        let scenario = try F.decode(#"{"name": "x"}"#)
        #expect(scenario.seed == 1 && scenario.replications == 10)
        #expect(scenario.durationHours == 168 && scenario.sampleEveryHours == 4)
        #expect(scenario.variants.map(\.label) == ["planner-worker"])
        #expect(scenario.sweep.axes.isEmpty && scenario.expectations.isEmpty)
        #expect(scenario.configuration(variant: 0, point: 0).agents.count == ModelConfig().agents.count)
    }

    @Test("A scenario's resolved model, every default written out, decodes again to the same configuration.")
    func resolvedDefaultsDecodeAgain() throws {
        let scenario = try F.decode(#"{"name": "x"}"#)
        guard case .object(var fields) = scenario.resolvedModel else {
            Issue.record("the resolved model is not an object")
            return
        }
        fields["name"] = .string("x")
        let again = try F.decode(JSONValue.object(fields).compactText)
        #expect(again.configuration(variant: 0, point: 0) == scenario.configuration(variant: 0, point: 0))
    }

    @Test("An unknown top-level key is reported with a did-you-mean.")
    func unknownTopLevelKey() {
        #expect(F.problems(F.text(["replicatons": 3])) == [#"test.json: replicatons: unknown key; did you mean "replications"?"#])
    }

    @Test("An unknown key in a variant is reported at its path in that variant.")
    func unknownKeyInVariant() {
        let text = F.text(["variants": [["label": "a"], ["label": "strict", "commits": ["polcy": "strict"]]]])
        #expect(F.problems(text) == [#"test.json: variants[1].commits.polcy: unknown key; did you mean "policy"?"#])
    }

    @Test("An unknown section in a variant is reported with a did-you-mean.")
    func unknownSectionInVariant() {
        let text = F.text(["variants": [["label": "a", "agnets": ["count": 3]]]])
        #expect(F.problems(text) == [#"test.json: variants[0].agnets: unknown key; did you mean "agents"?"#])
    }

    @Test("A swept path that names no field is reported once, at the sweep key.")
    func unknownSweepPath() {
        let text = F.text(["sweep": ["agents.cout": [1, 2]]])
        #expect(F.problems(text) == [#"test.json: sweep.agents.cout: unknown key; did you mean "count"?"#])
    }

    @Test("A swept path outside the model sections is refused with a did-you-mean.")
    func sweepOutsideModel() {
        let problems = F.problems(F.text(["sweep": ["agnets.count": [1, 2]]]))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("test.json: sweep.agnets.count: can only sweep model parameters") == true)
        #expect(problems.first?.hasSuffix(#"did you mean "agents"?"#) == true)
    }

    @Test("A swept path through a value that has no fields is refused.")
    func sweepThroughScalar() {
        #expect(F.problems(F.text(["sweep": ["agents.count.max": [1, 2]]]))
            == ["test.json: sweep.agents.count.max: is not a parameter: agents.count holds a number, not named fields"])
    }

    @Test("Each swept value is decoded where the model would read it, and refused at its index.")
    func badSweptValues() {
        let text = F.text(["sweep": ["agents.count": [2, 0], "tasks.difficulty": [["beta": ["a": 0, "b": 1]], ["normal": ["mean": 0.5]]]]])
        #expect(Set(F.problems(text)) == [
            "test.json: sweep.agents.count[1]: must be a whole number, at least 1 and at most 1000000 (found 0)",
            "test.json: sweep.tasks.difficulty[0].beta.a: must be between 0.001 and 1e15 (found 0)",
            "test.json: sweep.tasks.difficulty[1].normal.sd: is required",
        ])
    }

    @Test("A wrong type is reported with what was found.")
    func wrongType() {
        #expect(F.problems(F.text(["duration_hours": "long"])) == [#"test.json: duration_hours: must be a number (found "long")"#])
    }

    @Test("A probability outside [0, 1] is refused.")
    func probabilityOutOfRange() {
        #expect(F.problems(F.text(["codebase": ["cross_area_probability": 1.5]]))
            == ["test.json: codebase.cross_area_probability: must be a probability between 0 and 1 (found 1.5)"])
    }

    @Test("Zero agents are refused.")
    func zeroAgents() {
        #expect(F.problems(F.text(["agents": ["count": 0]]))
            == ["test.json: agents.count: must be a whole number, at least 1 and at most 1000000 (found 0)"])
    }

    @Test("Every problem of the base, the variants, the sweep, the settings and the expectations is reported at once, without repeats.")
    func allProblemsAtOnce() {
        let text = F.text([
            "nmae": "x",
            "agents": ["count": 0],
            "variants": [["label": "a", "commits": ["polcy": "strict"]], ["label": "a"], ["topology": ["kind": "flat-locks"]]],
            "sweep": ["agents.cout": [1, 2], "board.hours_per_entry": [-1, 0.1]],
            "expect": [["metric": "efective_agents", "at_least": 1]],
        ])
        let problems = F.problems(text, settings: ["locks.lease_hour=2"])
        #expect(problems == [
            "test.json: agents.count: must be a whole number, at least 1 and at most 1000000 (found 0)",
            #"test.json: nmae: unknown key; did you mean "name"?"#,
            #"test.json: variants[1].label: repeats the label of variants[0] (found "a")"#,
            "test.json: variants[2].label: is required",
            #"test.json: variants[0].commits.polcy: unknown key; did you mean "policy"?"#,
            #"test.json: variants[2].topology.kind: must be one of flat-lock, optimistic, planner-worker, integrator, planner-executor, continuous-executor; did you mean "flat-lock"? (found "flat-locks")"#,
            #"test.json: sweep.agents.cout: unknown key; did you mean "count"?"#,
            #"test.json: setting locks.lease_hour: unknown key; did you mean "lease_hours"?"#,
            "test.json: sweep.board.hours_per_entry[0]: must be between 0 and 1000000 (found -1)",
            #"test.json: expect[0].metric: unknown metric; did you mean "effective_agents"? (found "efective_agents")"#,
        ])
    }

    @Test("Invalid JSON is refused with the decoder's message and where it failed.")
    func invalidJSON() {
        let problems = F.problems("{\"name\": \"x\",\n  \"agents\": {\"count\": x}}")
        #expect(problems == ["test.json: not valid JSON: The given data was not valid JSON. Invalid value around line 2, column 23."])
    }

    @Test("A missing name, an empty name and a sampling interval longer than the run are refused.")
    func topLevelRules() {
        var fields = F.baseFields
        fields["name"] = nil
        let noName = String(decoding: try! JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        #expect(F.problems(noName) == ["test.json: name: is required"])
        #expect(F.problems(F.text(["name": ""])) == ["test.json: name: must not be empty"])
        #expect(F.problems(F.text(["sample_every_hours": 10])) == ["test.json: sample_every_hours: must be at most duration_hours (8) (found 10)"])
    }

    @Test("Sizes that cannot fit in memory are refused before anything is decoded per point.")
    func sizeLimits() {
        #expect(F.problems(F.text(["codebase": ["areas": 100_000, "files_per_area": 1000]]))
            == ["test.json: codebase: areas x files_per_area must be at most 50 million files, to fit in memory (found 100000 x 1000)"])
        #expect(F.problems(F.text(["replications": 2_000_000]))
            == ["test.json: replications: must be a whole number, at least 1 and at most 1000000 (found 2000000)"])
        let huge = F.text(["replications": 1_000_000, "sweep": ["agents.count": Array(1...11)]])
        #expect(F.problems(huge) == [
            "test.json: replications: the plan must have at most 10 million runs; split the scenario or use fewer replications (found 1 variants x 11 sweep points x 1000000 replicates)",
        ])
    }

    @Test("Scenario names become safe folder names.")
    func folderNames() {
        #expect(Scenario.folderName(for: "flat lock/20 agents") == "flat-lock-20-agents")
        #expect(Scenario.folderName(for: "../../etc") == "---..-etc")
        #expect(Scenario.folderName(for: ".hidden") == "-hidden")
        #expect(Scenario.folderName(for: "Café_v1.2") == "Caf-_v1.2")
        #expect(Scenario.folderName(for: "") == "scenario")
        #expect(Scenario.folderName(for: String(repeating: "a", count: 300)).count == 100)
    }
}
