import Foundation
import SwarmExperiment

/// The checks `run` and `export` make before writing result files into a folder, both lifted by
/// --force: a folder given with --out that holds another experiment's results
/// (`OtherExperimentError`; a default folder is named by the plan, so it holds this one's), and
/// any folder that is not empty and holds no swarmsim results (`ForeignFolderError`).
enum OutputFolderCheck {
    /// The flag's help, shared by both commands.
    static let forceHelp = "Replace the results of another experiment in the --out folder, or write into a folder that holds files other than swarmsim results."

    /// Throws when `folder` (given as `--out` when `out` is set) must not be written for `plan` unless forced.
    static func check(_ folder: String, givenAsOut out: String?, plan: RunPlan, force: Bool) throws {
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        ResultsCommit.recover(in: directory)  // the folder as its last commit left it
        guard !force else { return }
        if out != nil, let other = OtherExperimentError(folder: folder, directory: directory, plan: plan) { throw other }
        if let foreign = ForeignFolderError(folder: folder, directory: directory) { throw foreign }
    }
}
