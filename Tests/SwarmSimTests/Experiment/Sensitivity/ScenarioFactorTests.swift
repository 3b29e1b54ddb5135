import Foundation
import Testing
@testable import SwarmModel
@testable import SwarmExperiment

private typealias F = ScenarioFixtures

@Suite struct ScenarioFactorTests {
    @Test("Factors decode in the order written, each range mapping the unit interval onto its values.")
    func decodesInOrder() throws {
        let text = """
            {"name": "x", "factors": {"tasks.effort_hours": {"uniform": [0.5, 2]}, "board.hours_per_entry": {"log_uniform": [0.001, 0.1]},
             "agents.count": {"integer": [5, 8]}, "topology.kind": {"choice": ["flat-lock", "optimistic"]}}}
            """
        let factors = try F.decode(text).factors
        #expect(factors.map(\.path) == ["tasks.effort_hours", "board.hours_per_entry", "agents.count", "topology.kind"])
        #expect(factors[0].value(at: 0.5) == .number(1.25))
        guard case .number(let middle) = factors[1].value(at: 0.5) else { Issue.record("not a number"); return }
        #expect(abs(middle - 0.01) < 1e-15)
        #expect([0, 0.24, 0.25, 0.99, 1].map { factors[2].value(at: $0) } == [5, 5, 6, 8, 8].map { JSONValue.number($0) })
        #expect(factors[3].value(at: 0.49) == .string("flat-lock") && factors[3].value(at: 1) == .string("optimistic"))
    }

    @Test("A factor's path and values are checked against the model: did-you-mean, ranges, types, whole numbers, names.")
    func validatedAgainstTheModel() {
        let factors: [String: Any] = [
            "board.hours_per_entri": ["uniform": [1, 2]],
            "agents.count": ["uniform": [5, 40]],
            "topology.kind": ["choice": ["flat-lock", "nope"]],
            "work.attempt_noise": ["uniform": [0, 20]],
            "agentz.count": ["integer": [1, 2]],
        ]
        #expect(Set(F.problems(F.text(["factors": factors]))) == [
            #"test.json: factors.agentz.count: a factor must be a model parameter; did you mean "agents"?"#,
            #"test.json: factors.agents.count.uniform: must be a whole number, at least 1 and at most 1000000 (found 22.5)"#,
            #"test.json: factors.board.hours_per_entri: unknown key; did you mean "hours_per_entry"?"#,
            #"test.json: factors.topology.kind.choice[1]: must be one of flat-lock, optimistic, planner-worker, integrator, planner-executor, continuous-executor (found "nope")"#,
            #"test.json: factors.work.attempt_noise.uniform[1]: must be between 0 and 10 (found 20)"#,
        ])
    }

    @Test("A factor may not also be swept or set, and two factors may not overlap.")
    func overlaps() {
        let text = F.text(["sweep": ["agents.count": [1, 2]], "factors": ["agents.count": ["integer": [1, 3]], "board": ["choice": [[:], ["hours_per_entry": 0]]],
                                                                              "board.hours_per_entry": ["uniform": [0, 1]]]])
        let problems = F.problems(text, settings: ["board.busywork_probability=0.1"])
        #expect(problems.contains("test.json: factors.agents.count: overlaps sweep.agents.count; a swept parameter cannot also be a factor"), "\(problems)")
        #expect(problems.contains("test.json: factors.board.hours_per_entry: overlaps factors.board; vary one or the other"), "\(problems)")
        #expect(problems.contains { $0.hasSuffix("board.busywork_probability: overlaps factors.board; a factor cannot also be set") }, "\(problems)")
    }

    @Test("A factor may not set what a variant sets (it would erase the variant's difference); a parameter beside it is fine.")
    func variantsKeepTheirDifference() {
        let variants: [[String: Any]] = [["label": "a"], ["label": "b", "tasks": ["effort_hours": ["lognormal": ["sd": 2]]]]]
        let clash = F.problems(F.text(["variants": variants, "factors": ["tasks.effort_hours": ["uniform": [1, 2]]]]))
        #expect(clash == ["test.json: factors.tasks.effort_hours: variants[1] sets it; a factor is drawn for every variant and would erase that variant's difference"])
        #expect(F.problems(F.text(["variants": variants, "factors": ["tasks.effort_hours.lognormal.mean": ["uniform": [1, 2]]]])).isEmpty)
    }

    @Test("The schema describes factors; scenario.resolved.json, which reproduces runs, leaves them out (they change no run).")
    func schemaAndResolved() throws {
        let schema = ScenarioSchema.document
        #expect(schema.value(at: ["properties", "factors", "additionalProperties", "properties", "log_uniform"]) != nil)
        let scenario = try F.decode(F.text(["factors": ["tasks.effort_hours": ["uniform": [0.5, 2]]]]))
        #expect(try RunPlan(scenario).resolvedDocument == RunPlan(F.decode(F.text())).resolvedDocument)
    }
}
