import Foundation

/// An output folder that is not empty and holds no swarmsim results (a home folder, `/`, a
/// project's source): writing the result files there would mix them with files nobody meant to
/// share a folder with, so it is refused unless forced.
public struct ForeignFolderError: WordedError, Sendable {
    /// The folder, as given.
    public let folder: String
    /// A few of the entries that are not swarmsim's, sorted, to say what the folder holds.
    public let entries: [String]
    /// How many entries are not swarmsim's.
    public let count: Int

    /// Nil when `directory` is missing, empty or holds swarmsim results: a scenario.resolved.json,
    /// or nothing but swarmsim's files (`foreignEntries`). Otherwise the error naming what it holds.
    public init?(folder: String, directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard !names.contains(ResultsWriter.resolvedFile) else { return nil }
        let foreign = ForeignFolderError.foreignEntries(of: names, in: directory, depth: 0)
        guard !foreign.isEmpty else { return nil }
        self.folder = folder
        self.entries = Array(foreign.prefix(3))
        self.count = foreign.count
    }

    /// How deep folders inside a results folder are looked into: a scenario's folder holds the
    /// folders its settings name, and a sweep script's folder a folder of shard stores.
    private static let depthLimit = 2

    /// The entries among `names` (in `directory`) that are not swarmsim's, sorted: anything but the
    /// result files and report.html, hidden files (temporary files, the commit journal, .DS_Store),
    /// run stores (`*.sqlite` with SQLite's -wal, -shm and -journal files), and folders that hold
    /// results or only such entries.
    private static func foreignEntries(of names: [String], in directory: URL, depth: Int) -> [String] {
        let ours = Set(ResultsWriter.files + [ResultsWriter.reportFile])
        let storeSuffixes = [".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal"]
        return names.filter { name in
            if ours.contains(name) || name.hasPrefix(".") || storeSuffixes.contains(where: name.hasSuffix) { return false }
            let entry = directory.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard depth < depthLimit, FileManager.default.fileExists(atPath: entry.path, isDirectory: &isFolder), isFolder.boolValue,
                  let inside = try? FileManager.default.contentsOfDirectory(atPath: entry.path) else { return true }
            return !inside.contains(ResultsWriter.resolvedFile) && !foreignEntries(of: inside, in: entry, depth: depth + 1).isEmpty
        }.sorted()
    }

    public func description(in wording: any Wording) -> String {
        let more = count > entries.count ? " and \(count - entries.count) more" : ""
        return "\(folder) is not empty and holds no swarmsim results (it holds \(entries.joined(separator: ", "))\(more)); "
            + "choose a new or empty output folder, or \(wording.replaceChoice) to write the result files there anyway"
    }
}
