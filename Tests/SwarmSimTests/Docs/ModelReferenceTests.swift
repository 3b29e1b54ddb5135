import Foundation
import Testing
@testable import SwarmSim

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
}
