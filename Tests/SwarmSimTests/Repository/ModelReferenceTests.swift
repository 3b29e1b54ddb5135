import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// docs/MODEL-REFERENCE.md and the data dictionary are written by hand; these tests keep them from
/// falling behind the code.
@Suite struct ModelReferenceTests {
    private let reference = (try? String(contentsOf: RepositoryFiles.root.appendingPathComponent("docs/MODEL-REFERENCE.md"), encoding: .utf8)) ?? ""

    /// Dotted paths of every leaf of a resolved document.
    private func leaves(_ value: JSONValue, _ prefix: String = "") -> [String] {
        guard case .object(let fields) = value, !fields.isEmpty, !Distribution.familyNames.contains(fields.keys.first!) else {
            return [prefix]
        }
        return fields.keys.sorted().flatMap { leaves(fields[$0]!, prefix.isEmpty ? $0 : "\(prefix).\($0)") }
    }

    @Test("Every model parameter, with every default filled in, is documented.")
    func everyParameterIsDocumented() {
        var reader = ObjectReader(.object([:]), at: ConfigPath(), log: ProblemLog())
        _ = ModelConfig.read(&reader)
        let paths = leaves(.object(reader.resolved))
        #expect(paths.count > 60)
        for path in paths {
            // Profile traits are documented once, under `profiles.NAME.`.
            let documented = path.hasPrefix("profiles.default.") ? "`\(path.dropFirst("profiles.default.".count))`" : "`\(path)`"
            #expect(reference.contains(documented), "docs/MODEL-REFERENCE.md does not document \(path)")
        }
    }

    @Test("Every output column is in the data dictionary.")
    func everyColumnIsDocumented() throws {
        let dictionary = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("notebooks-data/README.md"), encoding: .utf8)
        for column in RunResult.summaryColumns + RunResult.sampleColumns {
            #expect(dictionary.contains("`\(column)`"), "notebooks-data/README.md does not document column \(column)")
        }
    }

    @Test("Every column of usl.csv is documented in the data dictionary's usl.csv section.")
    func everyUSLColumnIsDocumented() throws {
        let dictionary = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("notebooks-data/README.md"), encoding: .utf8)
        let heading = "\n## \(ResultsWriter.uslFile) "
        let section = try #require(dictionary.components(separatedBy: heading).dropFirst().first,
                                   "notebooks-data/README.md has no section \(heading.trimmingCharacters(in: .whitespacesAndNewlines))")
            .components(separatedBy: "\n## ")[0]
        // A plan with a parameter column besides agents.count, so the header has every kind of column.
        let plan = try RunPlan(ScenarioFixtures.decode(ScenarioFixtures.text(["sweep": ["agents.count": [1, 2, 3]]]),
                                                       settings: ["commits.policy=tolerant"]))
        let header = ResultsWriter.uslHeader(plan)
        #expect(header.contains("commits.policy") && !header.contains("agents.count"))
        for column in header where column != "commits.policy" {
            #expect(section.contains("`\(column)`"), "notebooks-data/README.md does not document usl.csv column \(column)")
        }
        #expect(section.contains("`agents.count`"), "the usl.csv section does not say which parameter columns it has (all but agents.count)")
    }
}
