import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

/// Shows how far a sweep has got, on stderr (stdout carries results): on a terminal, one line
/// redrawn in place with a bar, runs done of the total, runs simulated per second, the time left and
/// how many results were reused from a store; elsewhere (a log file, a batch job) the same as a
/// plain line every five seconds. It reads the wall clock for display only: nothing it sees reaches
/// a result.
final class ProgressReporter: RunSink {
    private let total: Int
    private let terminal: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastShown: ContinuousClock.Instant
    private(set) var done = 0
    /// Runs taken from a store rather than simulated.
    private(set) var reused = 0

    /// A display of `total` runs; on a terminal it draws its empty bar at once.
    init(total: Int) {
        self.total = total
        terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        start = clock.now
        lastShown = start
        if terminal { show(at: start) }
    }

    /// Counts `run` and redraws when it is time: ten times a second at most on a terminal, every five
    /// seconds elsewhere.
    func record(_ run: CompletedRun) {
        done += 1
        if run.reused { reused += 1 }
        let now = clock.now
        if now - lastShown >= (terminal ? .milliseconds(100) : .seconds(5)) { show(at: now) }
    }

    /// Ends the display: on a terminal the final state stays, on its own line.
    func finish() {
        guard terminal else { return }
        show(at: clock.now)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func show(at now: ContinuousClock.Instant) {
        lastShown = now
        let elapsed = (now - start) / .seconds(1)
        var parts = ["\(done)/\(total) runs"]
        let simulated = done - reused
        if simulated > 0, elapsed > 0 {
            let rate = Double(simulated) / elapsed
            parts.append(String(format: rate < 100 ? "%.1f runs/s" : "%.0f runs/s", rate))
            if done < total { parts.append("ETA \(ProgressReporter.clockText(Double(total - done) / rate, .up))") }
        }
        if reused > 0 { parts.append("\(reused) reused") }
        let line: String
        if terminal {
            let width = 24
            let filled = total == 0 ? width : width * done / total
            let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line = "\r" + bar + parts.joined(separator: "  ") + "\u{1B}[K"
        } else {
            line = "progress: " + parts.joined(separator: ", ") + ", \(ProgressReporter.clockText(elapsed, .down)) elapsed\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `seconds`, rounded as `rule` says, as m:ss, or h:mm:ss from an hour.
    private static func clockText(_ seconds: Double, _ rule: FloatingPointRoundingRule) -> String {
        let whole = Int(seconds.rounded(rule))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = String(format: "%02d", rest)
        return hours > 0 ? "\(hours):" + String(format: "%02d", minutes) + ":" + tail : "\(minutes):" + tail
    }
}
