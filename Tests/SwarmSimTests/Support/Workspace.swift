import Foundation

/// A temporary folder holding `scenario.json`, where tests run the built `swarmsim`; removed when
/// the test ends.
final class Workspace {
    let folder: URL
    let scenario = "scenario.json"

    init(_ text: String) throws {
        folder = try ScenarioFixtures.temporaryFolder()
        try Data(text.utf8).write(to: folder.appendingPathComponent(scenario))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `swarmsim` here; `environment` as in `BuiltBinary.start`.
    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> BuiltBinary.Output {
        try BuiltBinary.run(arguments, in: folder, environment: environment)
    }

    func contents(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func data(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// The names in folder `path`, sorted, hidden ones included.
    func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path).sorted()
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }
}
