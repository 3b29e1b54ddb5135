import ArgumentParser
import Foundation
import SwarmExperiment

/// The one place where the error that ends a command becomes what the user reads and the exit
/// status. Commands throw library errors as they are, typed; here they are worded with the CLI's
/// flags (`CommandLineWording`):
///
/// - a scenario's problems (`ScenarioLoadError`) print as the file's own lines,
///   `FILE: path: message`, so editors can jump to them; exit 1;
/// - an interrupted sweep (`SweepInterrupted`) says how far it got; exit 128 + the signal;
/// - the other library errors that name what the user gave (`WordedError`: `RunStoreError`,
///   `UnknownVariantError`, `ConfigError`) print as `Error: <message>` in those words; exit 1;
/// - anything else passes through to argument-parser, which prints it as it always has: its own
///   errors (usage, validation, help, `ExitCode`) as such, the CLI's `CLIError` and errors whose
///   message names no input (`ResultsWriteError`) as `Error: <description>`; exit 1.
enum ErrorReport {
    /// What `SwarmSimCommand.main` hands to argument-parser's `exit(withError:)` for `error`, after
    /// printing here what argument-parser should not prefix with "Error: ".
    static func exitError(for error: any Error) -> any Error {
        let wording = CommandLineWording()
        switch error {
        case let error as ScenarioLoadError:
            printToStandardError(error.description(in: wording))
            return ExitCode.failure
        case let interrupted as SweepInterrupted:
            printToStandardError("\(interrupted.progress); \(interrupted.afterwards)")
            return ExitCode(128 + interrupted.signal)
        case let error as any WordedError:
            return CLIError(error.description(in: wording))
        default:
            return error
        }
    }

    private static func printToStandardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
