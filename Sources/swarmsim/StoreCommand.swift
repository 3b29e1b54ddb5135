import ArgumentParser
import Foundation
import SwarmExperiment

extension SwarmSimCommand {
    /// `swarmsim store verify|repair`: check a run store, and drop what fails the check.
    struct StoreCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "Check a run store, or drop its damaged runs so that they are simulated again.",
            subcommands: [Verify.self, Repair.self]
        )

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check a run store: SQLite's integrity check, then every run's sample count and checksum.",
                discussion: """
                    Reads the store without changing it. Prints one line per problem (the file's own, \
                    each damaged run by address, samples left without their run) and a summary; exits 0 \
                    when the store is sound and 1 otherwise. `swarmsim store repair` drops what fails.
                    """
            )

            @Argument(help: "The run store.")
            var store: String

            func run() throws {
                let found = try RunStore(file: store, access: .readOnly).verify()
                for problem in found.integrityProblems { print("\(store): integrity check: \(problem)") }
                for run in found.damagedRuns { print("\(store): run \(run.address.prefix(12)) is damaged: \(run.reason)") }
                for address in found.orphanedSampleAddresses { print("\(store): samples of \(address.prefix(12)) have no run row") }
                let checksums = found.checksummed ? "" : " (this store predates checksums; swarmsim adds them when it next writes to it)"
                print("\(store): \(counted(found.runs, "run")) checked, \(counted(found.damagedRuns.count, "damaged run")), "
                    + "\(counted(found.orphanedSampleAddresses.count, "orphaned sample set")), "
                    + (found.integrityProblems.isEmpty ? "integrity check ok" : "integrity check failed") + checksums)
                guard found.isSound else { throw ExitCode.failure }
            }
        }

        struct Repair: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Drop a run store's damaged runs and orphaned samples, so that the next sweep simulates those runs again.",
                discussion: """
                    Runs the checks of `swarmsim store verify` and, in one transaction, drops every run \
                    that fails them and every sample left without its run. The scenarios stay, so \
                    running them again (or `swarmsim export`, once they are) works as before. Damage \
                    to the SQLite file itself is reported, not repaired: exit 1.
                    """
            )

            @Argument(help: "The run store.")
            var store: String

            func run() throws {
                let runStore = try RunStore(file: store)
                let repair = try runStore.repair()
                print("\(store): dropped \(counted(repair.droppedRuns, "damaged run")) and the samples of "
                    + "\(counted(repair.droppedOrphans, "missing run")); run their scenarios again to simulate them")
                let problems = try runStore.verify().integrityProblems
                guard problems.isEmpty else {
                    throw CLIError("\(store): SQLite's integrity check still fails (\(problems[0])); the file itself is damaged: "
                        + "keep it aside and start a new store, or recover its rows with `sqlite3 \(store) .recover`")
                }
            }
        }
    }
}
