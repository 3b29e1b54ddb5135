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
    /// or nothing but result files, hidden files (temporary files, .DS_Store) and folders of
    /// results (the folders a sweep's settings name). Otherwise the error naming what it holds.
    public init?(folder: String, directory: URL) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path), !names.isEmpty,
              !names.contains(ResultsWriter.resolvedFile) else { return nil }
        let ours = Set(ResultsWriter.files + [ResultsWriter.reportFile])
        let foreign = names.filter { name in
            guard !ours.contains(name), !name.hasPrefix(".") else { return false }
            var isFolder: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return true }
            return !manager.fileExists(atPath: directory.appendingPathComponent(name).appendingPathComponent(ResultsWriter.resolvedFile).path)
        }.sorted()
        guard !foreign.isEmpty else { return nil }
        self.folder = folder
        self.entries = Array(foreign.prefix(3))
        self.count = foreign.count
    }

    public func description(in wording: any Wording) -> String {
        let more = count > entries.count ? " and \(count - entries.count) more" : ""
        return "\(folder) is not empty and holds no swarmsim results (it holds \(entries.joined(separator: ", "))\(more)); "
            + "choose a new or empty output folder, or \(wording.replaceChoice) to write the result files there anyway"
    }
}
