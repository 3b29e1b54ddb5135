import Foundation

/// Puts a results folder's files in place as one commit, so a reader never finds new files beside
/// old ones. Renaming five files cannot be one step, so the commit is journaled: every file is
/// written out in full under its temporary name first, then a journal (`.swarmsim-commit`, itself
/// renamed into place) lists the renames, the renames are done and the journal is removed. A
/// process killed part-way leaves the journal and the temporary files it names; the next swarmsim
/// that writes or reads the folder (`recover`) finishes the renames before anything else, so the
/// folder holds the complete new set. Until then, only a reader that ignores the journal (a
/// spreadsheet, a notebook) can see the mix; a killed commit is a few renames wide.
public enum ResultsCommit {
    /// The journal's name in the results folder.
    public static let journalName = ".swarmsim-commit"

    /// A test hook: with SWARMSIM_TEST_PAUSE_COMMIT=K in the environment, a commit stops for good
    /// after K renames, for a test to kill it there.
    static let pauseVariable = "SWARMSIM_TEST_PAUSE_COMMIT"

    /// Finishes every file of `files` (all in `directory`), then renames them into place under a
    /// journal. On a write error nothing is renamed and the temporary files are removed.
    static func commit(_ files: [AtomicFile], in directory: URL) throws {
        do {
            for file in files { try file.finish() }
        } catch {
            for file in files { file.discard() }
            throw error
        }
        let journal = files.map { "\($0.temporary.lastPathComponent)\t\($0.destination.lastPathComponent)\n" }.joined()
        let journalFile = try AtomicFile(destination: directory.appendingPathComponent(journalName))
        journalFile.write(journal)
        try journalFile.commit()
        let pause = ProcessInfo.processInfo.environment[pauseVariable].flatMap(Int.init)
        for (index, file) in files.enumerated() {
            if index == pause { while true { sleep(1) } }
            try file.moveIntoPlace()
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent(journalName))
    }

    /// Finishes the commit a killed process left in `directory`, if any: each temporary file the
    /// journal names that is still there is renamed into place, then the journal is removed. A
    /// journal whose renames cannot be done (its files removed by hand) is removed as well.
    public static func recover(in directory: URL) {
        let journal = directory.appendingPathComponent(journalName)
        guard let text = try? String(contentsOf: journal, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let names = line.split(separator: "\t").map(String.init)
            guard names.count == 2, !names.contains(where: { $0.contains("/") }) else { continue }
            let temporary = directory.appendingPathComponent(names[0])
            if FileManager.default.fileExists(atPath: temporary.path) {
                _ = rename(temporary.path, directory.appendingPathComponent(names[1]).path)
            }
        }
        try? FileManager.default.removeItem(at: journal)
    }
}
