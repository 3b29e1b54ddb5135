import Foundation

/// Files of this repository (bundled scenarios, docs), found from this source file's location.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SwarmSimTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// Paths of the bundled scenarios, sorted.
    static var scenarios: [String] {
        let folder = root.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }
}
