import Foundation
import Testing

/// A small scenario: two variants, two sweep points, two replicates, eight simulated hours.
private let smallScenario = ScenarioFixtures.text([
    "name": "cli demo/1",
    "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "=pw"]],
    "sweep": ["agents.count": [1, 2]],
    "expect": [["description": "something lands", "metric": "tasks_done", "variant": "flat", "at_least": 0]],
])

extension Workspace {
    /// A workspace holding the small scenario.
    fileprivate convenience init() throws {
        try self.init(smallScenario)
    }
}

private let outputFiles = ["aggregate.csv", "runs.csv", "scenario.resolved.json", "timeseries.csv", "usl.csv"]

@Suite struct ScenarioCommandTests {
    @Test("validate prints the plan's size and exits 0 for a valid scenario.")
    func validateOK() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["validate", workspace.scenario])
        #expect(result.status == 0)
        #expect(result.stdout == "scenario.json: ok (2 variants x 2 sweep points x 2 replicates = 8 runs)\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("A directory given as the scenario is refused in words, with exit status 1 and nothing written.")
    func directoryAsScenario() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        let result = try workspace.run(["run", "scenarios"])
        #expect(result.status == 1)
        #expect(result.stderr == "scenarios: cannot read the scenario: it is a directory; give a scenario file (JSON), such as scenarios/flat-vs-hierarchy.json\n")
        #expect(!workspace.exists("results"))
    }

    @Test("validate prints every problem to stderr as FILE: path: message and exits 1.")
    func validateProblems() throws {
        let workspace = try Workspace(ScenarioFixtures.text(["replicatons": 3, "agents": ["count": 0]]))
        let result = try workspace.run(["validate", workspace.scenario])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            scenario.json: agents.count: must be a whole number, at least 1 and at most 1000000 (found 0)
            scenario.json: replicatons: unknown key; did you mean "replications"?

            """)
    }

    @Test("run writes the five files with their headers under results/<name>/ and prints the table.")
    func runWritesFiles() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["run", workspace.scenario])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.entries("results/cli-demo-1") == outputFiles)
        let runs = try workspace.contents("results/cli-demo-1/runs.csv").split(separator: "\n")
        #expect(runs.count == 9)
        #expect(runs[0].hasPrefix("run_id,scenario,variant,topology,replicate,seed,agents,simulated_hours,tasks_done,"))
        #expect(runs[5].hasPrefix("5,cli demo/1,'=pw,planner-worker,1,"))
        let timeseries = try workspace.contents("results/cli-demo-1/timeseries.csv").split(separator: "\n")
        #expect(timeseries[0].hasPrefix("run_id,variant,replicate,agents,time_hours,"))
        #expect(timeseries.count == 1 + 8 * 2)
        let aggregate = try workspace.contents("results/cli-demo-1/aggregate.csv").split(separator: "\n")
        #expect(aggregate[0].hasPrefix("variant,topology,agents,n,throughput_tasks_per_hour_mean,throughput_tasks_per_hour_sd,"))
        #expect(aggregate.count == 5 && aggregate[1].hasPrefix("flat,flat-lock,1,2,"))
        // Two agent counts are too few for a fit: the header alone.
        #expect(try workspace.contents("results/cli-demo-1/usl.csv")
                 == "variant,topology,points,gamma,gamma_se,sigma,sigma_se,kappa,kappa_se,peak_n,r_squared,rmse\n")
        #expect(try workspace.contents("results/cli-demo-1/scenario.resolved.json").contains(#""swarmsim_version" : "#))
        let table = result.stdout.split(separator: "\n")
        #expect(table.count == 5)
        #expect(table[0].split(separator: " ") == ["variant", "agents", "throughput/h", "effective", "agents", "lock", "wait", "drift"])
        #expect(table[1].hasPrefix("flat          1  ") && table[1].contains(" ± "))
        #expect(result.stderr == "8 runs written to results/cli-demo-1 (simulated and saved in the store results/swarmsim.sqlite)\n")
    }

    @Test("Two processes running one scenario write byte-identical files.")
    func runIsDeterministicAcrossProcesses() throws {
        let workspace = try Workspace()
        let first = try workspace.run(["run", workspace.scenario, "--out", "a", "--quiet"])
        let second = try workspace.run(["run", workspace.scenario, "--out", "b", "--quiet"])
        #expect(first.status == 0 && second.status == 0)
        for file in outputFiles {
            let a = try workspace.data("a/\(file)")
            let b = try workspace.data("b/\(file)")
            #expect(!a.isEmpty && a == b, "\(file) differs")
        }
    }

    @Test("run --quiet prints nothing; --variant runs only the variants named.")
    func quietAndVariant() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["run", workspace.scenario, "--out", "out", "--quiet", "--variant", "flat"])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(try workspace.contents("out/runs.csv").split(separator: "\n").count == 5)
        let unknown = try workspace.run(["run", workspace.scenario, "--variant", "flta"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: --variant flta: no such variant; did you mean \"flat\"? (variants: flat, =pw)\n")
    }

    @Test("A run refused for a bad --set writes nothing and names the --set.")
    func failedRunWritesNothing() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["run", workspace.scenario, "--set", "agents.cout=3", "--out", "out"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "scenario.json: --set agents.cout: unknown key; did you mean \"count\"?\n")
        #expect(!workspace.exists("out"))
    }

    @Test("describe prints what scenario.resolved.json holds.")
    func describeMatchesResolvedFile() throws {
        let workspace = try Workspace()
        let described = try workspace.run(["describe", workspace.scenario, "--set", "locks.lease_hours=1"])
        _ = try workspace.run(["run", workspace.scenario, "--set", "locks.lease_hours=1", "--out", "out", "--quiet"])
        #expect(described.status == 0)
        #expect(described.stdout == (try workspace.contents("out/scenario.resolved.json")))
    }

    @Test("check prints each expectation with PASS or FAIL and exits 1 when one fails.")
    func check() throws {
        let workspace = try Workspace()
        let passing = try workspace.run(["check", workspace.scenario])
        #expect(passing.status == 0)
        #expect(passing.stdout.hasPrefix("PASS  something lands  [flat, agents.count=1]\n      tasks_done = "))
        #expect(passing.stdout.hasSuffix("2 of 2 checks passed\n"))
        let impossible = try Workspace(ScenarioFixtures.text(["expect": [["metric": "tasks_done", "at_least": 1e9]]]))
        let failing = try impossible.run(["check", impossible.scenario])
        #expect(failing.status == 1)
        #expect(failing.stdout.hasPrefix("FAIL  expect[0]  [planner-worker]\n      tasks_done = "))
        #expect(failing.stdout.hasSuffix("; expected at least 1000000000\n0 of 1 checks passed\n"))
    }
}
