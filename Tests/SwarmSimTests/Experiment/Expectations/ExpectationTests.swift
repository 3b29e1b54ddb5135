import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias F = ScenarioFixtures

/// A scenario with two variants swept over agents.count, and `expect` as given.
private func scenario(expect: [[String: Any]]) -> String {
    F.text([
        "replications": 3,
        "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "strict", "commits": ["policy": "strict"]]],
        "sweep": ["agents.count": [1, 2, 4]],
        "expect": expect,
    ])
}

/// A run result whose summary holds `values` and nothing else.
private func result(_ values: [SummaryMetric: Double]) -> RunResult {
    RunResult(summary: SummaryMetric.allCases.map { values[$0] }, samples: [])
}

/// Checks the scenario's expectations against made-up results: `value(variant, agents, replicate)`
/// gives each run's throughput and `capacity` its integrator capacity.
private func outcomes(expect: [[String: Any]], value: (String, Int, Int) -> Double) throws -> [ExpectationOutcome] {
    let plan = try RunPlan(F.decode(scenario(expect: expect)))
    let table = ReplicateTable(plan: plan, metrics: ExpectationCheck.metrics(for: plan.scenario.expectations))
    for (offset, spec) in plan.enumerated() {
        let throughput = value(spec.variant, spec.config.agents.count, spec.replicate)
        table.record(CompletedRun(id: offset + 1, spec: spec, result: result([.throughput: throughput, .integratorCapacity: 2])))
    }
    return ExpectationCheck.evaluate(plan, table: table)
}

@Suite struct ExpectationTests {
    @Test("Every field of an expectation is checked against the scenario, with did-you-means.")
    func decodingProblems() {
        let text = scenario(expect: [
            ["metric": "throughput_task_per_hour", "variant": "flatt", "where": ["agents.count": 3, "agents.cout": 1], "at_least": 1],
            ["metric": "tasks_done", "between": [3, 1]],
            ["metric": "tasks_done"],
            ["metric": "tasks_done", "trend": "decreasing", "at_least": 1],
            ["metric": "tasks_done", "at_least": 1, "versus": ["variant": "flat"], "relative_to": "commits"],
        ])
        #expect(F.problems(text) == [
            #"test.json: expect[0].metric: unknown metric; did you mean "throughput_tasks_per_hour"? (found "throughput_task_per_hour")"#,
            #"test.json: expect[0].variant: unknown variant; did you mean "flat"? (found "flatt")"#,
            #"test.json: expect[0].where.agents.count: must be one of the swept values 1, 2, 4 (found 3)"#,
            #"test.json: expect[0].where.agents.cout: is not a swept path; did you mean "agents.count"?"#,
            "test.json: expect[1].between: must be [low, high] with low <= high (found [3, 1])",
            "test.json: expect[2]: needs a bound (at_least, at_most or between) or a trend",
            #"test.json: expect[3].trend: unknown trend; did you mean "decreasing_in"? (found "decreasing")"#,
            "test.json: expect[3].at_least: a trend takes no bounds; remove it or the trend",
            "test.json: expect[3].path: is required with trend: the swept path the trend runs along",
            "test.json: expect[4].versus: give relative_to or versus, not both",
        ])
    }

    @Test("Bounds are checked on the mean at every selected variant and point.")
    func bounds() throws {
        let results = try outcomes(expect: [["metric": "throughput_tasks_per_hour", "variant": "flat", "between": [1, 3]]]) { _, agents, _ in
            Double(agents)
        }
        #expect(results.map(\.place) == ["flat, agents.count=1", "flat, agents.count=2", "flat, agents.count=4"])
        #expect(results.map(\.passed) == [true, true, false])
        #expect(results[1].detail == "throughput_tasks_per_hour = 2 (95% CI 2 to 2); expected between 1 and 3")
    }

    @Test("relative_to divides by another metric's mean at the same point.")
    func relativeTo() throws {
        let results = try outcomes(expect: [[
            "metric": "throughput_tasks_per_hour", "relative_to": "integrator_capacity_tasks_per_hour",
            "variant": "strict", "where": ["agents.count": 4], "at_most": 1,
        ]]) { _, agents, _ in Double(agents) }
        #expect(results.count == 1 && !results[0].passed)
        #expect(results[0].detail.hasPrefix("throughput_tasks_per_hour / integrator_capacity_tasks_per_hour = 2 "))
    }

    @Test("versus divides by another variant's mean, at the same point or the one `where` moves to.")
    func versus() throws {
        let results = try outcomes(expect: [[
            "metric": "throughput_tasks_per_hour", "variant": "flat", "where": ["agents.count": 4],
            "versus": ["variant": "strict", "where": ["agents.count": 1]], "at_least": 3,
        ]]) { variant, agents, replicate in Double(agents) * (variant == "flat" ? 1 : 0.5) + Double(replicate) * 0.01 }
        #expect(results.count == 1 && results[0].passed)
        #expect(results[0].detail.hasPrefix("throughput_tasks_per_hour relative to strict, agents.count=1 = 7.8"))
    }

    @Test("A trend passes only when the ends differ by more than both interval half-widths.")
    func trend() throws {
        let expect: [[String: Any]] = [["metric": "throughput_tasks_per_hour", "trend": "decreasing_in", "path": "agents.count"]]
        let clear = try outcomes(expect: expect) { _, agents, replicate in 10 / Double(agents) + Double(replicate) * 0.1 }
        #expect(clear.map(\.place) == ["flat", "strict"] && clear.allSatisfy(\.passed))
        let noisy = try outcomes(expect: expect) { _, agents, replicate in 10 / Double(agents) + Double(replicate) * 5 }
        #expect(noisy.allSatisfy { !$0.passed })
    }

    @Test("The ratio of means has a delta-method interval over replicate pairs.")
    func ratioEstimate() throws {
        let exact = try #require(Estimate.ratio([2, 4, 6], [1, 2, 3]))
        #expect(exact.value == 2 && exact.halfWidth == 0)
        let noisy = try #require(Estimate.ratio([2, 5, 6], [1, 2, 3]))
        #expect(abs(noisy.value - 13.0 / 6.0) < 1e-12)
        let z = [2.0, 5, 6].enumerated().map { ($1 - noisy.value * Double($0 + 1)) / 2 }
        #expect(abs(noisy.halfWidth! - SampleSummary(z).halfWidth!) < 1e-12)
        #expect(Estimate.ratio([1, 2], [0, 0]) == nil)
        #expect(Estimate.ratio([.nan], [1]) == nil)
    }
}
