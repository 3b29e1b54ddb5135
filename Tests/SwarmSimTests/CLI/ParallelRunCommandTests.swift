import Foundation
import Testing

/// Two topologies over swarms of 1, 10 and 60 agents: runs of very different cost, so parallel runs
/// finish out of plan order.
private let mixedScenario = ScenarioFixtures.text([
    "name": "mixed",
    "replications": 5,
    "duration_hours": 48,
    "sample_every_hours": 8,
    "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
    "sweep": ["agents.count": [1, 10, 60]],
    "expect": [["metric": "tasks_done", "variant": "pw", "at_least": 1]],
])

private let outputFiles = ["aggregate.csv", "runs.csv", "scenario.resolved.json", "timeseries.csv"]

@Suite struct ParallelRunCommandTests {
    @Test("run writes byte-identical files and prints the same table with --jobs 1 and --jobs 4.")
    func jobsDoNotChangeRunOutputs() throws {
        let workspace = try Workspace(mixedScenario)
        let one = try workspace.run(["run", workspace.scenario, "--jobs", "1", "--out", "one"])
        let four = try workspace.run(["run", workspace.scenario, "--jobs", "4", "--out", "four"])
        #expect(one.status == 0 && four.status == 0, "\(one.stderr)\(four.stderr)")
        #expect(try workspace.entries("one") == outputFiles && workspace.entries("four") == outputFiles)
        for file in outputFiles {
            let a = try workspace.data("one/\(file)")
            let b = try workspace.data("four/\(file)")
            #expect(!a.isEmpty && a == b, "\(file) differs")
        }
        #expect(!one.stdout.isEmpty && one.stdout == four.stdout)
    }

    @Test("check prints the same with --jobs 1 and --jobs 4.")
    func jobsDoNotChangeCheckOutputs() throws {
        let workspace = try Workspace(mixedScenario)
        let one = try workspace.run(["check", workspace.scenario, "--jobs", "1"])
        let four = try workspace.run(["check", workspace.scenario, "--jobs", "4", "--quiet"])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout.hasSuffix("3 of 3 checks passed\n") && one.stdout == four.stdout)
    }

    @Test("--jobs below 1 is refused with what to type instead.")
    func jobsMustBePositive() throws {
        let workspace = try Workspace(mixedScenario)
        for command in ["run", "check"] {
            let result = try workspace.run([command, workspace.scenario, "--jobs", "0"])
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("Error: --jobs must be 1 or more (found 0), e.g. --jobs 4; leave it out to use every core.\n"))
        }
    }
}
