import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias F = ScenarioFixtures

/// Sweeps as a shell script narrows and extends them: a setting of a swept path replaces that
/// axis, ranges expand to values, and paired (`zip`) axes vary together.
@Suite struct SweepSettingTests {
    private func values(_ scenario: Scenario, _ path: String) -> [JSONValue] {
        scenario.sweep.axes.first { $0.path == path }?.values ?? []
    }

    @Test("A setting of a swept path replaces the axis: one value runs that value only, an array keeps a sweep, and the column stays one column.")
    func settingReplacesAxis() throws {
        let text = F.text(["sweep": ["agents.count": [1, 2, 5], "build.slots": [1, 2]]])
        let one = try F.decode(text, settings: ["agents.count=3"])
        #expect(values(one, "agents.count") == [.number(3)])
        #expect(one.sweep.pointCount == 2)
        #expect(one.parameterNames == ["agents.count", "build.slots"])
        #expect((0..<2).map { one.configuration(variant: 0, point: $0).agents.count } == [3, 3])
        let two = try F.decode(text, settings: ["agents.count=[7,9]"])
        #expect(values(two, "agents.count") == [.number(7), .number(9)])
        #expect((0..<4).map { two.configuration(variant: 0, point: $0).agents.count } == [7, 7, 9, 9])
        // sweep.PATH says the same, and adds an axis when the path is not swept.
        #expect(values(try F.decode(text, settings: ["sweep.agents.count=[30]"]), "agents.count") == [.number(30)])
        let added = try F.decode(text, settings: ["sweep.locks.lease_hours=[0.5,2]"])
        #expect(added.sweep.axes.map(\.path) == ["agents.count", "build.slots", "locks.lease_hours"])
        #expect(added.sweep.pointCount == 12)
        #expect(added.parameterNames == ["agents.count", "build.slots", "locks.lease_hours"])
    }

    @Test("A bad value given to a swept path points at the setting, with the element's index when it gave several.")
    func settingProblemsPointAtTheSetting() {
        let text = F.text(["sweep": ["agents.count": [1, 2]]])
        #expect(F.problems(text, settings: ["agents.count=0"]) == [
            "test.json: setting agents.count: must be a whole number, at least 1 and at most 1000000 (found 0)",
        ])
        #expect(F.problems(text, settings: ["agents.count=[3,0]"]) == [
            "test.json: setting agents.count[1]: must be a whole number, at least 1 and at most 1000000 (found 0)",
        ])
        #expect(F.problems(text, settings: ["agents.count=[3,3]"]) == ["test.json: setting agents.count[1]: repeats an earlier value (found 3)"])
        #expect(F.problems(text, settings: ["sweep.agents.cuont=[3]"]) == [
            #"test.json: setting sweep.agents.cuont: unknown key; did you mean "count"?"#,
        ])
    }

    @Test("Narrowing a sweep sets aside the expectations whose points it removed, and keeps the others.")
    func narrowingSetsAsideExpectations() throws {
        let expect: [[String: Any]] = [
            ["metric": "tasks_done", "where": ["agents.count": 2], "at_least": 0],
            ["metric": "tasks_done", "where": ["agents.count": 1], "at_least": 0],
            ["metric": "tasks_done", "trend": "increasing_in", "path": "agents.count"],
        ]
        let text = F.text(["sweep": ["agents.count": [1, 2]], "expect": expect])
        #expect(try F.decode(text).expectations.count == 3)
        let narrowed = try F.decode(text, settings: ["agents.count=2"])
        #expect(narrowed.expectations.map(\.conditions) == [["agents.count": .number(2)]])
        #expect(narrowed.setAsideExpectations == 2)
        // The written sweep still checks the expectations: a typo is not hidden by a narrowing.
        let typo = F.text(["sweep": ["agents.count": [1, 2]], "expect": [["metric": "tasks_done", "where": ["agents.count": 3], "at_least": 0]]])
        #expect(F.problems(typo, settings: ["agents.count=3"]).count == 1)
    }

    @Test("Ranges: a step from one end towards the other, the end included when a step lands on it; log points spaced evenly on a log scale, whole when the ends are.")
    func ranges() throws {
        func axis(_ range: String) throws -> [Double] {
            let text = F.text(["sweep": ["locks.lease_hours": [1]]])
            return values(try F.decode(text, settings: ["locks.lease_hours=\(range)"]), "locks.lease_hours").compactMap { if case .number(let n) = $0 { n } else { nil } }
        }
        #expect(try axis(#"{"from": 1, "to": 100, "step": 10}"#) == [1, 11, 21, 31, 41, 51, 61, 71, 81, 91])
        #expect(try axis(#"{"from": 0.1, "to": 0.5, "step": 0.1}"#) == [0.1, 0.2, 0.3, 0.4, 0.5])
        #expect(try axis(#"{"from": 2, "to": 1, "step": -0.5}"#) == [2, 1.5, 1])
        #expect(try axis(#"{"from": 1, "to": 1000, "log_points": 4}"#) == [1, 10, 100, 1000])
        #expect(try axis(#"{"from": 1, "to": 1000, "log_points": 7}"#) == [1, 3, 10, 32, 100, 316, 1000])
        #expect(try axis(#"{"from": 0.01, "to": 1, "log_points": 3}"#) == [0.01, 0.1, 1])
        let text = F.text(["sweep": ["agents.count": [1]]])
        #expect(F.problems(text, settings: [#"agents.count={"from": 1, "to": 10, "step": -1}"#]) == [
            "test.json: setting agents.count.step: must be non-zero and lead from 1 towards 10 (found -1)",
        ])
        #expect(F.problems(text, settings: [#"agents.count={"from": 1, "to": 3, "log_points": 5}"#]) == [
            "test.json: setting agents.count.log_points: repeats the whole number 1; ask for fewer points (found 5)",
        ])
        #expect(F.problems(text, settings: [#"agents.count={"from": 1, "to": 3}"#]) == [
            #"test.json: setting agents.count: needs step or log_points: {"from": 1, "to": 100, "step": 10} or {"from": 1, "to": 1000, "log_points": 7}"#,
        ])
        // A range in the file reads as in a setting.
        let file = try F.decode(F.text(["sweep": ["agents.count": ["from": 1, "to": 5, "step": 2]]]))
        #expect(values(file, "agents.count") == [.number(1), .number(3), .number(5)])
    }

    @Test("Paired axes vary together: one dimension of the grid, each axis's i-th value at the same points, crossed with the others.")
    func zippedAxes() throws {
        let text = #"{"name": "z", "replications": 1, "duration_hours": 8, "sample_every_hours": 4, "sweep": {"# +
            #""commits.policy": ["strict", "tolerant"], "zip": {"agents.count": [2, 4, 8], "build.slots": [1, 2, 4]}}}"#
        let scenario = try F.decode(text)
        #expect(scenario.sweep.axes.map(\.path) == ["commits.policy", "agents.count", "build.slots"])
        #expect(scenario.sweep.pointCount == 6)
        let pairs = (0..<6).map { point in
            let config = scenario.configuration(variant: 0, point: point)
            return "\(config.commits.policy.rawValue) \(config.agents.count) \(config.build.slots)"
        }
        #expect(pairs == ["strict 2 1", "strict 4 2", "strict 8 4", "tolerant 2 1", "tolerant 4 2", "tolerant 8 4"])
        for point in 0..<6 {
            #expect(scenario.sweep.point(at: scenario.sweep.coordinates(of: point)) == point)
        }
        // Setting both paired paths keeps the pairing; setting one to another count is refused.
        let narrowed = try F.decode(text, settings: ["agents.count=[3,5]", "build.slots=[1,3]"])
        #expect(narrowed.sweep.pointCount == 4)
        #expect(F.problems(text, settings: ["agents.count=3"]) == [
            "test.json: sweep.zip: paired paths need as many values each: agents.count has 1, build.slots has 3; with setting agents.count",
        ])
        let uneven = #"{"name": "z", "sweep": {"zip": {"agents.count": [2, 4], "build.slots": [1]}}}"#
        #expect(F.problems(uneven) == ["test.json: sweep.zip: paired paths need as many values each: agents.count has 2, build.slots has 1"])
        #expect(F.problems(#"{"name": "z", "sweep": {"zip": {"agents.count": [2], "agents": [1]}}}"#) == [
            "test.json: sweep.zip.agents: sweeps the whole section agents; sweep its parameters one by one, e.g. agents.count",
        ])
    }

    @Test("The resolved scenario records the sweep as set, the zip included, and decodes back to the same grid (as the report rebuilds it).")
    func resolvedSweepRoundTrips() throws {
        let text = #"{"name": "z", "replications": 1, "duration_hours": 8, "sample_every_hours": 4, "sweep": {"# +
            #""zip": {"build.slots": [1, 2], "agents.count": [2, 4]}, "commits.policy": ["strict", "tolerant"]}}"#
        let plan = try RunPlan(F.decode(text, settings: ["commits.policy=tolerant"]))
        let document = plan.resolvedDocument
        #expect(document.value(at: ["sweep", "zip", "agents.count"]) == .array([.number(2), .number(4)]))
        #expect(document.value(at: ["sweep", "commits.policy"]) == .array([.string("tolerant")]))
        // The parameter columns: agents.count is the agents column.
        #expect(document.value(at: ["plan", "parameters"]) == .array(["build.slots", "commits.policy"].map(JSONValue.string)))
    }
}
