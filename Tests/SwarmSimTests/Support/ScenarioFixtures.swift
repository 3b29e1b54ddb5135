import Foundation
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Small scenarios written as JSON text, and helpers that decode them the way `swarmsim` does.
enum ScenarioFixtures {
    /// Keys every test scenario starts from: short, cheap runs.
    static var baseFields: [String: Any] {
        [
            "name": "tiny",
            "replications": 2,
            "duration_hours": 8,
            "sample_every_hours": 4,
            "agents": ["count": 2],
        ]
    }

    /// A scenario: `baseFields` with `fields` laid over them (top-level keys replaced).
    static func text(_ fields: [String: Any] = [:]) -> String {
        let merged = baseFields.merging(fields) { $1 }
        let data = try! JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// `text` decoded with `settings` (each `PATH=VALUE`, as after `--set`).
    static func decode(_ text: String, settings: [String] = []) throws(ScenarioLoadError) -> Scenario {
        try Scenario.decode(Data(text.utf8), file: "test.json", settings: settings.map { Setting(assignment: $0)! })
    }

    /// The problem lines decoding `text` reports (empty when it decodes).
    static func problems(_ text: String, settings: [String] = []) -> [String] {
        do {
            _ = try decode(text, settings: settings)
            return []
        } catch {
            return error.description.split(separator: "\n").map(String.init)
        }
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swarmsim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
