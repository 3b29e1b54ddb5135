import ArgumentParser
import Foundation

/// How `run` and `check` execute a plan: how many runs are simulated at once.
struct ExecutionOptions: ParsableArguments {
    @Option(help: "Runs to simulate at once; the results are the same whatever it is. (default: the number of cores)")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be 1 or more (found \(jobs)), e.g. --jobs 4; leave it out to use every core.")
        }
    }

    /// `--jobs`, or every core of this machine.
    var workers: Int {
        jobs ?? ProcessInfo.processInfo.activeProcessorCount
    }
}
