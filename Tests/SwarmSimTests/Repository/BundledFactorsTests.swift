import Foundation
import Testing
@testable import SwarmExperiment

/// Every bundled scenario states what it assumes: factors with ranges, each documented (with why)
/// in scenarios/README.md, so check --robustness has something to test in each.
@Suite struct BundledFactorsTests {
    @Test("Every bundled scenario has at least two factors, and scenarios/README.md documents each factor path it uses.",
          arguments: RepositoryFiles.scenarios)
    func factorsDocumented(file: String) throws {
        let scenario = try Scenario.load(file: file)
        #expect(scenario.factors.count >= 2, "\(file) has \(scenario.factors.count) factors")
        let readme = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("scenarios/README.md"), encoding: .utf8)
        for factor in scenario.factors {
            #expect(readme.contains("`\(factor.path)`"), "\(file): factors.\(factor.path) is not documented in scenarios/README.md")
        }
    }
}
