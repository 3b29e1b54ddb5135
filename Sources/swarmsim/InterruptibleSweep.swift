import ArgumentParser
import Dispatch
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

/// Lets SIGINT (Ctrl-C) and SIGTERM (a scheduler ending a job) stop a sweep cleanly instead of
/// killing it mid-write. The sweep runs in a task on the main actor, so its sinks see runs from
/// one thread, and the signals cancel that task: the runner starts no more runs, stops those in
/// progress (each checks every few thousand events) and throws `ExperimentInterrupted`, the results writer removes its temporary
/// files, and this throws `SweepInterrupted`, for `ErrorReport` to print how far the sweep got and
/// what to do next and to exit with 128 plus the signal's number (130 for SIGINT, 143 for
/// SIGTERM), as a shell reports a process a signal ended.
enum InterruptibleSweep {
    /// Runs `sweep`; when a signal interrupts it, throws `SweepInterrupted` with `afterwards`.
    static func run(afterwards: String, _ sweep: @escaping @MainActor @Sendable () async throws -> Void) async throws {
        let watch = SignalWatch()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await watch.receive(number) } }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        let task = Task { @MainActor in try await sweep() }
        await watch.cancel(task)
        do {
            try await task.value
        } catch let interrupted as ExperimentInterrupted {
            throw SweepInterrupted(progress: interrupted, signal: await watch.received ?? SIGINT, afterwards: afterwards)
        }
    }
}

/// A sweep a signal stopped: how far it got, the signal, and what to do next.
struct SweepInterrupted: Error {
    let progress: ExperimentInterrupted
    let signal: Int32
    /// What the finished runs mean and what to do next, said after the progress.
    let afterwards: String
}

/// The first signal received, and the task it cancels. A signal may arrive before the task exists;
/// the task is then cancelled as soon as it is handed over.
private actor SignalWatch {
    private(set) var received: Int32?
    private var task: Task<Void, any Error>?

    func receive(_ number: Int32) {
        guard received == nil else { return }
        received = number
        let newline = isatty(STDERR_FILENO) == 1 ? "\n" : ""  // leave a progress bar's line
        FileHandle.standardError.write(Data("\(newline)stopping the runs in progress\n".utf8))
        task?.cancel()
    }

    func cancel(_ task: Task<Void, any Error>) {
        self.task = task
        if received != nil { task.cancel() }
    }
}
