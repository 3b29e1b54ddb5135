import Foundation
import SwarmExperiment

/// The folder `swarmsim observe` writes and `swarmsim calibrate` reads: the hourly landing series of
/// each observed run (`observed.csv`, columns as in timeseries.csv) and one row of statistics per run
/// (`observed-summary.csv`).
public struct ObservedFolder: Sendable {
    public static let seriesFile = "observed.csv"
    public static let summaryFile = "observed-summary.csv"
    static let seriesColumns = ["run_id", "time_hours", "tasks_done", "throughput_tasks_per_hour"]
    static let summaryIdentity = ["run_id", "first_commit_utc", "last_commit_utc"]

    /// One observed run as the folder holds it.
    public struct Run: Sendable, Equatable {
        public let id: Int
        public let statistics: LandingStatistics
        /// Landings in hour 0, 1, ... of the run.
        public let hourlyLandings: [Double]
    }

    public let runs: [Run]

    /// Writes both files for `runs` into `directory` (created when missing), both or neither.
    public static func write(_ runs: [ActivityRun], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let series = try AtomicFile(destination: directory.appendingPathComponent(seriesFile))
        let summary = try AtomicFile(destination: directory.appendingPathComponent(summaryFile))
        var seriesText = ""
        CSVWriter.writeHeader(seriesColumns, to: &seriesText)
        var summaryText = ""
        CSVWriter.writeHeader(summaryIdentity + LandingStatistic.allCases.map(\.rawValue), to: &summaryText)
        for run in runs {
            var done = 0
            for (hour, commits) in run.hourlyCommits.enumerated() {
                done += commits
                CSVWriter.writeRow([.integer(run.id), .integer(hour + 1), .integer(done), .integer(commits)], to: &seriesText)
            }
            let identity: [CSVCell] = [.integer(run.id), .text(CommitLog.utcText(run.start)), .text(CommitLog.utcText(run.end))]
            CSVWriter.writeRow(identity + run.statistics.values.map(CSVCell.number), to: &summaryText)
        }
        series.write(seriesText)
        summary.write(summaryText)
        try series.commit()
        try summary.commit()
    }

    /// The runs of a folder's two tables, checked cell by cell; `minimumHours` keeps only the runs
    /// at least that long. Refuses a table without runs (or none that long).
    public init(series: CSVTable, summary: CSVTable, minimumHours: Int = 1) throws {
        let idColumn = try ObservedFolder.require("run_id", in: summary)
        var statistics: [Int: LandingStatistics] = [:]
        var order: [Int] = []
        for index in summary.rows.indices {
            let id = Int(try summary.number(at: index, column: idColumn, .integer(1...Int.max), emptyAllowed: false)!)
            var values: [Double?] = []
            for statistic in LandingStatistic.allCases {
                let column = try ObservedFolder.require(statistic.rawValue, in: summary)
                // Every run has a length (a calibration times its runs by it); other statistics may be undefined.
                let hours = statistic == .hours
                values.append(try summary.number(at: index, column: column, hours ? .integer(1...1_000_000) : .nonNegative, emptyAllowed: !hours))
            }
            if statistics[id] == nil { order.append(id) }
            statistics[id] = LandingStatistics(values: values)
        }
        let seriesID = try ObservedFolder.require("run_id", in: series)
        let landings = try ObservedFolder.require("throughput_tasks_per_hour", in: series)
        var hourly: [Int: [Double]] = [:]
        for index in series.rows.indices {
            let id = Int(try series.number(at: index, column: seriesID, .integer(1...Int.max), emptyAllowed: false)!)
            hourly[id, default: []].append(try series.number(at: index, column: landings, .nonNegative, emptyAllowed: false)!)
        }
        let kept = order.filter { (statistics[$0]?[.hours] ?? 0) >= Double(minimumHours) }
        guard !kept.isEmpty else {
            throw CalibrationError.noObservedRuns(file: summary.file, minimumHours: minimumHours, runs: order.count)
        }
        runs = kept.map { Run(id: $0, statistics: statistics[$0]!, hourlyLandings: hourly[$0] ?? []) }
    }

    private static func require(_ column: String, in table: CSVTable) throws(CSVInputError) -> Int {
        guard let position = try table.position(of: column) else {
            throw .missingColumn(file: table.file, column: column, suggestion: nil, similar: [])
        }
        return position
    }

    /// The calibration target: each statistic's median over the runs that define it (nil where
    /// none does).
    public var target: LandingStatistics {
        LandingStatistics(values: LandingStatistic.allCases.map { statistic in
            LandingStatistics.quantile(runs.compactMap { $0.statistics[statistic] }.sorted(), 0.5)
        })
    }
}
