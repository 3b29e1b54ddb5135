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

private let outputFiles = ["aggregate.csv", "runs.csv", "scenario.resolved.json", "timeseries.csv", "usl.csv"]

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

@Suite struct AutoReplicationCommandTests {
    @Test("--replications auto picks the same count whatever the jobs, and aggregate.csv reports it.")
    func autoIsDeterministic() throws {
        let scenario = ScenarioFixtures.text([
            "name": "auto", "replications": 4, "duration_hours": 48,
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [5, 20]],
        ])
        let workspace = try Workspace(scenario)
        let one = try workspace.run(["run", workspace.scenario, "--replications", "auto", "--ci-width", "0.05", "--jobs", "1", "--out", "one", "--db", "one.sqlite"])
        let two = try workspace.run(["run", workspace.scenario, "--replications", "auto", "--ci-width", "0.05", "--jobs", "2", "--out", "two", "--db", "two.sqlite"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        let line = one.stderr.split(separator: "\n").first { $0.hasPrefix("replications auto: ") }
        let count = try #require(line.flatMap { Int($0.dropFirst("replications auto: ".count).prefix { $0 != " " }) })
        #expect(count % 4 == 0 && count > 4)
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(try workspace.data("one/\(file)") == workspace.data("two/\(file)"), "\(file) differs")
        }
        let aggregate = try workspace.contents("one/aggregate.csv").split(separator: "\n")
        let n = aggregate[0].split(separator: ",").firstIndex(of: "n")!
        #expect(aggregate.dropFirst().allSatisfy { $0.split(separator: ",")[n] == Substring(String(count)) })
    }

    @Test("--replications auto without --ci-width, or with a shard, is refused with what to do.")
    func autoNeedsWidth() throws {
        let workspace = try Workspace(ScenarioFixtures.text(["name": "auto"]))
        let noWidth = try workspace.run(["run", workspace.scenario, "--replications", "auto"])
        #expect(noWidth.status != 0 && noWidth.stderr.hasPrefix("Error: --replications auto needs --ci-width"))
        let sharded = try workspace.run(["run", workspace.scenario, "--replications", "auto", "--ci-width", "0.1", "--shard", "1/2"])
        #expect(sharded.status != 0 && sharded.stderr.hasPrefix("Error: --replications auto decides the count from all results"))
        let elsewhere = try workspace.run(["validate", workspace.scenario, "--replications", "auto"])
        #expect(elsewhere.status != 0 && elsewhere.stderr.hasPrefix("Error: --replications auto is for swarmsim run"))
    }
}
