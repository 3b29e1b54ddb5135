import ArgumentParser
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

@main
struct SwarmSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swarmsim",
        abstract: "A deterministic discrete-event simulator of swarms of autonomous coding agents.",
        version: SwarmSimVersion.current,
        subcommands: [Run.self, Validate.self, Describe.self, Check.self, Export.self, Trace.self, Merge.self, Fit.self, Report.self, Observe.self, Calibrate.self,
                      Schema.self, Bench.self, Sample.self, Sensitivity.self, StoreCommand.self]
    )

    /// argument-parser's `main`, with every command's error passed through `ErrorReport` first.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: ErrorReport.exitError(for: error))
        }
    }
}
