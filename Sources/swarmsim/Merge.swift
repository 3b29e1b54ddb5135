import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the scenarios and runs of run stores into one store.",
            discussion: """
                Copies every scenario and run of each STORE that the target lacks, one store per \
                transaction, and leaves the sources unchanged. Runs are content-addressed, so a run \
                held by several stores is kept once and merging again changes nothing: merge the \
                stores of a sweep's shards, then export the whole sweep.
                """
        )

        @Argument(help: "The run stores to copy from.")
        var stores: [String]

        @Option(help: "The run store to copy into (created when missing).")
        var into: String

        func run() throws {
            for source in stores {
                _ = try RunStore(file: source, access: .readOnly)  // every source is a store before the target is touched
            }
            let target = try RunStore(file: into)
            for source in stores {
                let added = try target.merge(from: source)
                let line = "\(source): \(counted(added.runs, "run")) and \(counted(added.scenarios, "scenario")) added to \(into)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
    }
}
