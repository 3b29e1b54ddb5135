import Foundation
import SwarmModel

/// Writes the files of one run of a scenario into a folder (OUTPUTS.md): runs.csv and
/// timeseries.csv row by row as runs finish, so memory does not grow with the samples; then
/// aggregate.csv, usl.csv (the scaling fits of aggregate.csv, see ResultsWriter+USL.swift) and
/// scenario.resolved.json. All five go to temporary files that `commit` renames together under a
/// journal (`ResultsCommit`), so a failed or interrupted run leaves the folder's earlier results as
/// they were and a killed commit is finished by the next swarmsim to open the folder; a writer
/// given up on is `discard`ed, which removes its temporary files. A report.html in the folder is removed on
/// commit: it described the files just replaced.
public final class ResultsWriter: RunSink {
    /// The names of the five files, as OUTPUTS.md and the data dictionary fix them.
    public static let runsFile = "runs.csv"
    public static let timeseriesFile = "timeseries.csv"
    public static let aggregateFile = "aggregate.csv"
    public static let uslFile = "usl.csv"
    public static let resolvedFile = "scenario.resolved.json"
    /// Every file a committed writer leaves in its folder, in the order they are renamed into place.
    public static let files = [runsFile, timeseriesFile, aggregateFile, uslFile, resolvedFile]
    /// The report `swarmsim report` writes into a results folder by default. It describes the
    /// files beside it, so a commit of new files removes it rather than leave it describing old ones.
    public static let reportFile = "report.html"

    private let plan: RunPlan
    private var runs: AtomicFile
    private var timeseries: AtomicFile

    /// Creates `directory` when missing and opens runs.csv and timeseries.csv with their headers.
    public init(plan: RunPlan, directory: URL) throws {
        self.plan = plan
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ResultsCommit.recover(in: directory)  // before AtomicFile removes a killed commit's temporary files
        runs = try AtomicFile(destination: directory.appendingPathComponent(ResultsWriter.runsFile))
        timeseries = try AtomicFile(destination: directory.appendingPathComponent(ResultsWriter.timeseriesFile))
        CSVWriter.writeHeader(ResultsWriter.runsHeader(plan), to: &runs)
        CSVWriter.writeHeader(ResultsWriter.timeseriesHeader(plan), to: &timeseries)
    }

    /// runs.csv's columns before the parameters: a run's identity.
    public static let runsIdentityColumns = ["run_id", "scenario", "variant", "topology", "replicate", "seed", "agents"]
    /// timeseries.csv's columns before the parameters: the run's identity and size, so that a
    /// time series can be plotted by agents or parameter without joining runs.csv.
    public static let timeseriesIdentityColumns = ["run_id", "variant", "replicate", "agents"]
    /// aggregate.csv's columns before the parameters: a group's identity.
    public static let aggregateIdentityColumns = ["variant", "topology", "agents"]
    /// aggregate.csv's column after the parameters: the replicates aggregated.
    public static let aggregateCountColumn = "n"
    /// aggregate.csv's columns after `n`: mean, sd and 95% interval of each aggregated metric.
    public static let aggregateMetricColumns = SummaryMetric.aggregated.flatMap { metric in
        ["mean", "sd", "ci95_low", "ci95_high"].map { "\(metric.rawValue)_\($0)" }
    }

    /// runs.csv's columns: the run's identity, its parameters, its summary metrics.
    public static func runsHeader(_ plan: RunPlan) -> [String] {
        runsIdentityColumns + plan.scenario.parameterColumns + RunResult.summaryColumns
    }

    /// timeseries.csv's columns: the run's identity and parameters, then the sample metrics.
    public static func timeseriesHeader(_ plan: RunPlan) -> [String] {
        timeseriesIdentityColumns + plan.scenario.parameterColumns + RunResult.sampleColumns
    }

    /// aggregate.csv's columns: the group's identity and parameters, n, and mean, sd and 95%
    /// interval of each aggregated metric.
    public static func aggregateHeader(_ plan: RunPlan) -> [String] {
        aggregateIdentityColumns + plan.scenario.parameterColumns + [aggregateCountColumn] + aggregateMetricColumns
    }

    /// runs.csv's row of `run`, in three parts: its identity (`runsIdentityColumns`), the
    /// values of its parameter columns by dotted path, and its summary metrics.
    public static func runsRow(_ run: CompletedRun) -> (identity: [CSVCell], parameters: [(path: String, cell: CSVCell)], metrics: [CSVCell]) {
        let spec = run.spec
        return ([.integer(run.id), .text(spec.scenario), .text(spec.variant), .text(spec.config.topology.kind.rawValue),
                 .integer(spec.replicate + 1), .integer(spec.seed), .integer(spec.config.agents.count)],
                spec.parameters.filter(\.isColumn).map { ($0.path, CSVCell.json($0.value)) }, run.result.summary.map(CSVCell.number))
    }

    /// Appends the run's row to runs.csv and its samples to timeseries.csv: the lines its job
    /// formatted (`Rows`), or formatted here for a run that comes without them.
    public func record(_ run: CompletedRun) {
        let rows = run.prepared.csv ?? Rows(run)
        runs.write(rows.runs)
        timeseries.write(rows.timeseries)
    }

    /// The writer wants each run's CSV lines formatted in its job.
    public var preparation: RunPreparation { .csvRows }

    /// Writes aggregate.csv from `table` (which must keep `SummaryMetric.aggregated`), usl.csv
    /// from aggregate.csv's rows, and scenario.resolved.json, then renames all five files into place.
    public func commit(aggregating table: ReplicateTable) throws {
        let directory = runs.destination.deletingLastPathComponent()
        var aggregate = try AtomicFile(destination: directory.appendingPathComponent(ResultsWriter.aggregateFile))
        var usl = try AtomicFile(destination: directory.appendingPathComponent(ResultsWriter.uslFile))
        let resolved = try AtomicFile(destination: directory.appendingPathComponent(ResultsWriter.resolvedFile))
        let header = ResultsWriter.aggregateHeader(plan)
        let rows = plan.groups.indices.map { aggregateRow(group: $0, table: table) }
        CSVWriter.writeHeader(header, to: &aggregate)
        for row in rows {
            CSVWriter.writeRow(row, to: &aggregate)
        }
        try ResultsWriter.writeUSL(aggregateHeader: header, rows: rows, to: &usl)
        resolved.write(plan.resolvedDocument.prettyText)
        try ResultsCommit.commit([runs, timeseries, aggregate, usl, resolved], in: directory)
        let report = directory.appendingPathComponent(ResultsWriter.reportFile)
        if FileManager.default.fileExists(atPath: report.path) {
            try FileManager.default.removeItem(at: report)
        }
    }

    /// aggregate.csv's row of group `index` of the plan: its identity and parameters, n, and the
    /// mean, sd and 95% interval of each aggregated metric in `table`.
    private func aggregateRow(group index: Int, table: ReplicateTable) -> [CSVCell] {
        let group = plan.groups[index]
        var cells: [CSVCell] = [.text(group.variant), .text(group.config.topology.kind.rawValue), .integer(group.config.agents.count)]
        cells += group.parameters.filter(\.isColumn).map { .json($0.value) }
        cells.append(.integer(plan.replicates))
        for metric in SummaryMetric.aggregated {
            let summary = table.summary(of: metric, inGroup: index)
            let halfWidth = summary?.halfWidth
            cells += [
                .number(summary?.mean), .number(summary?.standardDeviation),
                .number(halfWidth.map { summary!.mean - $0 }), .number(halfWidth.map { summary!.mean + $0 }),
            ]
        }
        return cells
    }

    /// Removes the temporary files of a run given up on, leaving the folder as it was.
    public func discard() {
        runs.discard()
        timeseries.discard()
    }
}
