import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Observe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a swarm's commit log into runs and write their hourly landings and summary statistics.",
            discussion: """
                LOG.csv has one row per commit, oldest first, with at least the columns committed_utc \
                (2026-01-10T10:42:17Z) and files_changed (README: "Calibrating to your own swarm's git \
                history" gives the git log command that writes it). A quiet gap of more than --gap-hours \
                between two consecutive commits ends a run; runs of fewer than --min-commits commits are \
                dropped. Hours are counted from each run's first commit. Writes observed.csv (per run and \
                hour: time_hours at the hour's end, tasks_done so far, throughput_tasks_per_hour = commits \
                in the hour) and observed-summary.csv (per run: hours, commits, peak, peak hour, median, 90th \
                percentile, peak/median, hour 24/peak, files per commit median and 90th percentile), both \
                or neither. swarmsim calibrate computes the same statistics for simulated runs.
                Example: swarmsim observe notebooks-data/observed/formula.csv --out results/observed/formula
                """
        )

        @Argument(help: "The commit log (CSV).")
        var log: String

        @Option(help: "Output folder. (default: results/observed/<log file name without .csv>/)")
        var out: String?

        @Option(name: .customLong("gap-hours"), help: "A quiet gap longer than this many hours between two commits ends a run.")
        var gapHours = RunSplitRule.defaultGapHours

        @Option(name: .customLong("min-commits"), help: "Runs with fewer commits than this are dropped.")
        var minCommits = RunSplitRule.defaultMinimumCommits

        func validate() throws {
            if !(gapHours > 0 && gapHours.isFinite) {
                throw ValidationError("--gap-hours must be a number of hours greater than 0 (found \(gapHours)), e.g. --gap-hours 1.")
            }
            if minCommits < 1 { throw ValidationError("--min-commits must be 1 or more (found \(minCommits)).") }
        }

        func run() throws {
            let commits: [ObservedCommit]
            do {
                commits = try CommitLog.commits(in: CSVTable.read(URL(fileURLWithPath: log), name: log))
            } catch {
                throw CLIError(error.description)
            }
            let (runs, dropped) = RunSplitRule(gapHours: gapHours, minimumCommits: minCommits).split(commits)
            let name = ((log as NSString).lastPathComponent as NSString).deletingPathExtension
            let folder = out ?? "results/observed/\(Scenario.folderName(for: name))"
            try ObservedFolder.write(runs, to: URL(fileURLWithPath: folder, isDirectory: true))
            var table = ""
            CSVWriter.writeHeader(["run_id", "first_commit_utc", "hours", "commits", "peak_per_hour", "median_per_hour"], to: &table)
            for run in runs {
                let statistics = run.statistics
                CSVWriter.writeRow([.integer(run.id), .text(CommitLog.utcText(run.start))]
                                   + [LandingStatistic.hours, .commits, .peak, .median].map { .number(statistics[$0]) }, to: &table)
            }
            print(table, terminator: "")
            FileHandle.standardError.write(Data(
                "\(commits.count) commits: \(runs.count) runs written to \(folder) (\(dropped) stretches of fewer than \(minCommits) commits dropped)\n".utf8))
        }
    }
}
