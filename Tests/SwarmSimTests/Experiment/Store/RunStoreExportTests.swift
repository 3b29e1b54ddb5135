import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A folder holding the store demo scenario as scenario.json, removed when the test ends.
private final class ExportWorkspace {
    let folder: URL
    let files = ["aggregate.csv", "runs.csv", "scenario.resolved.json", "timeseries.csv", "usl.csv"]
    /// The command-line options of the runs: a setting, a seed and one variant.
    let options = ["--set", "commits.policy=tolerant", "--seed", "5", "--variant", "pw"]

    init() throws {
        folder = try ScenarioFixtures.temporaryFolder()
        try Data(StoreFixtures.scenarioText.utf8).write(to: url("scenario.json"))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func url(_ path: String) -> URL {
        folder.appendingPathComponent(path)
    }

    /// The plan `swarmsim run scenario.json` makes with `options`, decoded in this process.
    func plan() throws -> RunPlan {
        let settings = [Setting(assignment: "commits.policy=tolerant")!, .seed(5)]
        return try RunPlan(Scenario.load(file: url("scenario.json").path, settings: settings), selecting: ["pw"])
    }

    /// Runs `swarmsim` in the folder.
    func swarmsim(_ arguments: [String]) throws -> BuiltBinary.Output {
        try BuiltBinary.run(arguments, in: folder)
    }

    func contents(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// The five files in `path`, by name.
    func outputs(_ path: String) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try files.map { ($0, try Data(contentsOf: url(path).appendingPathComponent($0))) })
    }
}

@Suite struct RunStoreExportTests {
    @Test("export writes byte for byte the files swarmsim run wrote, from the library and from the CLI.")
    func exportEqualsRun() throws {
        let workspace = try ExportWorkspace()
        let run = try workspace.swarmsim(["run", "scenario.json", "--out", "reference", "--quiet"] + workspace.options)
        #expect(run.status == 0, "\(run.stderr)")
        let store = try RunStore(file: workspace.url("runs.sqlite").path)
        let plan = try workspace.plan()
        try store.register(plan)
        try StoreFixtures.record(plan, into: store)

        try store.export(store.scenario(selecting: nil), to: workspace.url("library"))
        #expect(try workspace.outputs("library") == workspace.outputs("reference"))

        let cli = try workspace.swarmsim(["export", "runs.sqlite"])
        #expect(cli.status == 0, "\(cli.stderr)")
        // The default folder is run's: named by the plan's settings and chosen variant.
        let folder = "results/store-demo/commits.policy=tolerant,seed=5,variant=pw"
        #expect(cli.stderr == "store demo: 4 runs exported to \(folder)\n")
        #expect(try workspace.outputs(folder) == workspace.outputs("reference"))
    }

    @Test("export writes usl.csv byte for byte as swarmsim run wrote it when agents are swept far enough for fits.")
    func exportReproducesTheFits() throws {
        let workspace = try Workspace(ScenarioFixtures.text([
            "name": "usl demo",
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [1, 2, 4, 8]],
        ]))
        let run = try workspace.run(["run", workspace.scenario, "--out", "reference", "--db", "runs.sqlite", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let usl = try workspace.contents("reference/usl.csv").split(separator: "\n")
        #expect(usl.count == 3 && usl[1].hasPrefix("flat,flat-lock,4,") && usl[2].hasPrefix("pw,planner-worker,4,"))

        let store = try RunStore(file: workspace.folder.appendingPathComponent("runs.sqlite").path, access: .readOnly)
        try store.export(store.scenario(selecting: nil), to: workspace.folder.appendingPathComponent("library"))
        let cli = try workspace.run(["export", "runs.sqlite", "--out", "cli"])
        #expect(cli.status == 0, "\(cli.stderr)")
        for file in ResultsWriter.files {
            let reference = try workspace.data("reference/\(file)")
            #expect(try workspace.data("library/\(file)") == reference, "\(file) differs")
            #expect(try workspace.data("cli/\(file)") == reference, "\(file) differs")
        }
    }

    @Test("export fails, writing nothing, when runs of the plan are missing, and says how to finish them.")
    func missingRuns() throws {
        let workspace = try ExportWorkspace()
        let file = workspace.url("runs.sqlite").path
        let store = try RunStore(file: file)
        let plan = try workspace.plan()
        let stored = try store.register(plan)
        try StoreFixtures.record(plan, into: store, positions: [0, 3])
        let missing = "2 of 4 runs of scenario \"store demo\" are missing from \(file); run the scenario (or the missing shards) with "
        #expect {
            try store.export(stored, to: workspace.url("out"))
        } throws: { error in
            "\(error)" == missing + "\(file) as the store"
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.url("out").path))
        let cli = try workspace.swarmsim(["export", file, "--out", "out"])
        #expect(cli.status == 1)
        #expect(cli.stderr == "Error: \(missing)--db \(file)\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.url("out").path))
    }

    @Test("A store of several scenarios, or of one planned twice, exports the one chosen by name or address.")
    func choosingAScenario() throws {
        let workspace = try ExportWorkspace()
        let file = workspace.url("runs.sqlite").path
        let store = try RunStore(file: file)
        let plans = [
            try StoreFixtures.plan(), try StoreFixtures.plan(settings: ["name=other"]),
            try StoreFixtures.plan(settings: ["replications=1"], variants: ["flat"]),
        ]
        for plan in plans {
            try store.register(plan)
            try StoreFixtures.record(plan, into: store)
        }
        let stored = try store.scenarios()
        #expect(stored.map(\.name) == ["other", "store demo", "store demo"])
        #expect(try store.scenario(selecting: "other") == stored[0])

        let flatOnly = try #require(stored.first { $0.variants == ["flat"] })
        #expect(flatOnly.summary.hasSuffix(#" "store demo": replications=1; variants flat; 2 runs"#))
        #expect(try store.scenario(selecting: String(flatOnly.address.prefix(8)).uppercased()) == flatOnly)

        let twice = stored.filter { $0.name == "store demo" }.map(\.summary)
        #expect {
            try store.scenario(selecting: "store demo")
        } throws: { error in
            "\(error)" == "\(file): 2 stored scenarios fit \"store demo\"; choose one with its name or address (a prefix will do):\n"
                + twice.map { "  \($0)" }.joined(separator: "\n")
        }
        #expect {
            try store.scenario(selecting: nil)
        } throws: { error in
            guard case .ambiguousScenario(_, nil, let candidates) = error as? RunStoreError else { return false }
            return candidates == stored.map(\.summary)
        }
        #expect {
            try store.scenario(selecting: "nothing")
        } throws: { error in
            guard case .noSuchScenario(_, "nothing", let known) = error as? RunStoreError else { return false }
            return known == stored.map(\.summary)
        }

        let cli = try workspace.swarmsim(["export", "runs.sqlite", "--scenario", String(flatOnly.address.prefix(12)), "--out", "chosen"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(try workspace.contents("chosen/runs.csv").split(separator: "\n").count == 3)
    }

    @Test("export of a store holding no scenario says how to record one.")
    func emptyStore() throws {
        let workspace = try ExportWorkspace()
        let file = workspace.url("runs.sqlite").path
        #expect {
            try RunStore(file: file).scenario(selecting: nil)
        } throws: { error in
            "\(error)" == "\(file): holds no scenario yet; running a scenario with \(file) as the store records one"
        }
    }
}
