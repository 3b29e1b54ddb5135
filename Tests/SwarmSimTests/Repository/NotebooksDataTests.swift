import Foundation
import Testing

/// The curated datasets in notebooks-data/ are the project's determinism fingerprint: regenerating
/// them from the bundled scenarios must give the committed bytes, on any machine and in any build.
/// When a deliberate model change moves them, `notebooks-data/regenerate.sh` rebuilds them.
@Suite struct NotebooksDataTests {
    @Test("Each curated dataset regenerates byte for byte from its scenario.",
          arguments: ["flat-vs-hierarchy", "lock-faults", "commit-policy", "drift-fresh-starts"])
    func datasetRegenerates(name: String) throws {
        let workspace = try Workspace("{}")
        let scenario = RepositoryFiles.root.appendingPathComponent("scenarios/\(name).json").path
        let result = try workspace.run(["run", scenario, "--out", "out", "--db", "store.sqlite", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = RepositoryFiles.root.appendingPathComponent("notebooks-data/\(name)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            let expected = try Data(contentsOf: committed.appendingPathComponent(file))
            #expect(try workspace.data("out/\(file)") == expected,
                    "notebooks-data/\(name)/\(file) no longer matches its scenario: run notebooks-data/regenerate.sh if the change is meant")
        }
    }
}
