import Foundation
import GRDB

/// Why a run store could not be opened, read, written, merged or exported. Every message names the
/// file at fault, and none of these failures leaves a store changed. What a message suggests doing
/// (choosing a scenario, recording runs) is named through a `Wording`: the CLI says it with flags.
public enum RunStoreError: LocalizedError, WordedError, Sendable {
    /// The file (or its folder) cannot be opened or created: missing, a folder, no permission.
    case cannotOpen(file: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(file: String)
    /// The file is an SQLite database of something else; it is left alone.
    case notAStore(file: String)
    /// The store's schema is not the one this swarmsim reads: newer (made by a later swarmsim), or
    /// older and opened read-only, so it cannot be upgraded.
    case unsupportedSchema(file: String, found: Int, supported: Int)
    /// The store cannot be written: a read-only file or folder, or a full disk.
    case unwritable(file: String, reason: String)
    /// Another process held the store locked for longer than `RunStore.busyTimeout`.
    case busy(file: String)
    /// Any other failure of SQLite, with its message.
    case database(file: String, reason: String)
    /// `merge` was asked to merge a store into itself.
    case mergeIntoItself(file: String)
    /// A stored scenario no longer decodes (`ScenarioLoadError`) or no longer plans
    /// (`UnknownVariantError`) with this swarmsim.
    case undecodableScenario(file: String, scenario: String, cause: any WordedError)
    /// No stored scenario is named `selection` or has an address beginning so (the store holds none,
    /// when nil); `known` describes those there are.
    case noSuchScenario(file: String, selection: String?, known: [String])
    /// Several stored scenarios fit `selection` (all of them, when nil); `candidates` describes each.
    case ambiguousScenario(file: String, selection: String?, candidates: [String])
    /// `export` found runs of a scenario's plan that the store does not hold.
    case missingRuns(file: String, scenario: String, missing: Int, total: Int)
    /// `export` could not write the result files into `folder`.
    case cannotWriteResults(folder: String, reason: String)
    /// A cell holds what swarmsim never writes there (the file was edited or damaged): its
    /// `table`, the row (`row` says which), the `column`, what is allowed and what was found.
    case damagedRow(file: String, table: String, row: String, column: String, requirement: String, found: String)
    /// A run fails its check (`StoredRun.damaged`) where it cannot be simulated again (export):
    /// `run` is its address, `reason` what is wrong.
    case damagedRun(file: String, run: String, reason: String)

    public func description(in wording: any Wording) -> String {
        switch self {
        case .cannotOpen(let file, let reason):
            return "\(file): cannot open the run store: \(reason)"
        case .notADatabase(let file):
            return "\(file): not a swarmsim run store (not an SQLite database); left unchanged"
        case .notAStore(let file):
            return "\(file): an SQLite database, but not a swarmsim run store; left unchanged"
        case .unsupportedSchema(let file, let found, let supported) where found > supported:
            return "\(file): made by a newer swarmsim (store schema \(found); this swarmsim reads up to \(supported)); upgrade swarmsim"
        case .unsupportedSchema(let file, let found, let supported):
            return "\(file): store schema \(found) is older than this swarmsim's (\(supported)); it is upgraded the next time "
                + "swarmsim writes to it (\(wording.recordingCommand(file)))"
        case .unwritable(let file, let reason):
            return "\(file): cannot write the run store: \(reason)"
        case .busy(let file):
            return "\(file): the run store stayed locked by another process for over \(Int(RunStore.busyTimeout)) seconds; try again"
        case .database(let file, let reason):
            return "\(file): \(reason)"
        case .mergeIntoItself(let file):
            return "\(file): cannot merge a run store into itself"
        case .undecodableScenario(let file, let scenario, let cause):
            return "\(file): stored scenario \"\(scenario)\" no longer loads with this swarmsim:\n\(cause.description(in: wording))"
        case .noSuchScenario(let file, nil, _):
            return "\(file): holds no scenario yet; \(wording.recordingCommand(file)) records one"
        case .noSuchScenario(let file, let selection?, let known):
            return "\(file): no stored scenario is named \"\(selection)\" or has an address beginning so; it holds:\n"
                + known.map { "  \($0)" }.joined(separator: "\n")
        case .ambiguousScenario(let file, let selection, let candidates):
            let which = selection.map { " fit \"\($0)\"" } ?? ""
            return "\(file): \(candidates.count) stored scenarios\(which); choose one with \(wording.scenarioChoice) (a prefix will do):\n"
                + candidates.map { "  \($0)" }.joined(separator: "\n")
        case .missingRuns(let file, let scenario, let missing, let total):
            return "\(missing) of \(total) runs of scenario \"\(scenario)\" are missing from \(file); "
                + "run the scenario (or the missing shards) with \(wording.storeChoice(file))"
        case .cannotWriteResults(let folder, let reason):
            return ResultsWriteError(folder: folder, reason: reason).description
        case .damagedRow(let file, let table, let row, let column, let requirement, let found):
            return "\(file): table \(table), \(row), column \"\(column)\": must be \(requirement) (found \(found)); "
                + "the store was changed outside swarmsim"
        case .damagedRun(let file, let run, let reason):
            return "\(file): run \(run.prefix(12)) is damaged: \(reason); `swarmsim store repair \(file)` drops the damaged runs, "
                + "and running the scenario again simulates them"
        }
    }

    /// `description`, so that `localizedDescription` says what went wrong wherever the error is shown.
    public var errorDescription: String? {
        description
    }

    /// `error`, thrown while using the store in `file`, as a RunStoreError.
    static func wrapping(_ error: any Error, file: String) -> RunStoreError {
        if let error = error as? RunStoreError { return error }
        guard let error = error as? DatabaseError else { return .database(file: file, reason: "\(error)") }
        let reason = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(file: file)
        case .SQLITE_CANTOPEN: return .cannotOpen(file: file, reason: reason)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_FULL: return .unwritable(file: file, reason: reason)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(file: file)
        default: return .database(file: file, reason: reason)
        }
    }
}
