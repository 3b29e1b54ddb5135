import Foundation
import SwarmExperiment
import SwarmKernel

/// The files `swarmsim run` writes into a results folder, parsed and checked: what a report is made from.
public struct ResultsFolder: Sendable {
    public let runs: CSVTable
    public let timeseries: CSVTable
    public let aggregate: CSVTable
    /// scenario.resolved.json: the scenario as it ran, with its plan and swarmsim version.
    public let resolved: JSONValue
    /// aggregate.csv's scaling curves with their fits, made once the table is checked.
    let curves: [ScalingCurve]

    /// Parses `resolvedJSON` (the bytes of scenario.resolved.json, named `resolvedFile` in
    /// messages) and checks every file against how `swarmsim run` writes it (`checkResolved`,
    /// `ResultsTableLayout`), so that rendering can trust every number it reads: a damaged file is
    /// refused here, by name, rather than drawn wrongly or trapped on later.
    public init(runs: CSVTable, timeseries: CSVTable, aggregate: CSVTable, resolvedJSON: Data,
                resolvedFile: String = ResultsWriter.resolvedFile) throws(ResultsFolderError) {
        do {
            resolved = try JSONDecoder().decode(JSONValue.self, from: resolvedJSON)
        } catch {
            throw .resolvedNotJSON(file: resolvedFile, detail: ScenarioLoadError.syntaxDetail(of: resolvedJSON, decoderError: error))
        }
        let parameters = try ResultsFolder.checkResolved(resolved, file: resolvedFile)
        do throws(CSVInputError) {
            try ResultsTableLayout.runs.check(runs, parameters: parameters)
            // Before 0.4.0 timeseries.csv had neither agents nor parameter columns.
            try ResultsTableLayout.timeseries.check(timeseries, parameters: timeseries.header.contains("agents") ? parameters : [])
            try ResultsTableLayout.aggregate.check(aggregate, parameters: parameters)
            curves = try ScalingCurve.curves(in: aggregate)
        } catch {
            throw .table(error)
        }
        self.runs = runs
        self.timeseries = timeseries
        self.aggregate = aggregate
    }

    /// The value at `key` of the resolved document; nil when missing.
    func resolvedField(_ key: String) -> JSONValue? {
        guard case .object(let fields) = resolved else { return nil }
        return fields[key]
    }

    /// A string field of the resolved document; empty when missing.
    func resolvedText(_ key: String) -> String {
        if case .string(let text)? = resolvedField(key) { return text }
        return ""
    }

    /// The parameters other than the agent count that vary: aggregate.csv's columns between
    /// `agents` and `n` with more than one value. Each combination of their values is a separate
    /// curve against agents; a parameter fixed by `--set` would only lengthen every label.
    var otherParameters: [String] {
        guard let first = aggregate.column("agents"), let last = aggregate.column("n"), first < last else { return [] }
        return aggregate.header[(first + 1)..<last].filter { name in
            name != "agents.count" && Set(aggregate.rows.map { aggregate.text($0, name) }).count > 1
        }
    }

    /// The series `row` of `table` (runs.csv or aggregate.csv) belongs to: its variant, with the
    /// other swept parameters' values by short name when there are any, e.g. `flat-lock (lease_hours=2)`.
    func series(of row: [String], in table: CSVTable) -> String {
        let variant = table.text(row, "variant")
        let parameters = otherParameters.map { "\(shortName($0))=\(table.text(row, $0))" }.joined(separator: ", ")
        return parameters.isEmpty ? variant : "\(variant) (\(parameters))"
    }

    /// The last part of a swept parameter's path (`lease_hours`), or the whole path when another
    /// swept parameter ends the same way: labels short enough to leave a chart its width.
    func shortName(_ path: String) -> String {
        let last = { (path: String) in path.split(separator: ".").last.map(String.init) ?? path }
        return otherParameters.filter { last($0) == last(path) }.count > 1 ? path : last(path)
    }

    /// `series` at `agents` agents, as a bar or a key names it; the agents are left out when every
    /// run has the same number, where they would only lengthen every label.
    func label(_ series: String, agents: Double) -> String {
        Set(runs.rows.map { runs.text($0, "agents") }).count > 1 ? "\(series), \(readableNumber(agents)) agents" : series
    }

    /// The values of `parameters` in `row` of `table`, as `path=value` joined by commas (empty
    /// without parameters): what a series or a panel of charts shows beyond its variant.
    func values(of parameters: some Collection<String>, in row: [String], of table: CSVTable) -> String {
        parameters.map { "\($0)=\(table.text(row, $0))" }.joined(separator: ", ")
    }

    /// aggregate.csv's rows grouped into series (`ScalingCurve`, which usl.csv is written from
    /// too), in order of first appearance, each by increasing agent count with its fit (rows
    /// without a number of agents are left out).
    var aggregateSeries: [AggregateSeries] {
        curves.map { curve in
            AggregateSeries(label: series(of: aggregate.rows[curve.rows[0]], in: aggregate),
                            variant: aggregate.text(aggregate.rows[curve.rows[0]], "variant"),
                            panel: values(of: otherParameters, in: aggregate.rows[curve.rows[0]], of: aggregate),
                            points: zip(curve.rows, curve.agents).map { AggregatePoint(agents: $1, row: aggregate.rows[$0], table: aggregate) },
                            fit: curve.fit)
        }
    }

    /// runs.csv's rows by series (in order of first appearance), then by increasing agent count.
    var runsBySeries: [(label: String, byAgents: [(agents: Double, rows: [[String]])])] {
        var order: [String] = []
        var groups: [String: [Double: [[String]]]] = [:]
        for row in runs.rows {
            guard let agents = runs.number(row, "agents") else { continue }
            let label = series(of: row, in: runs)
            if groups[label] == nil { order.append(label) }
            groups[label, default: [:]][agents, default: []].append(row)
        }
        return order.map { label in
            (label, groups[label]!.sorted { $0.key < $1.key }.map { (agents: $0.key, rows: $0.value) })
        }
    }

    /// True when some series has results at several agent counts: a scaling curve to draw.
    var sweepsAgents: Bool {
        aggregateSeries.contains { Set($0.points.map(\.agents)).count > 1 }
    }
}

/// One curve of the report: a variant at fixed values of the other swept parameters.
struct AggregateSeries {
    let label: String
    let variant: String
    /// The other swept parameters' values (`ResultsFolder.values`): the panel its charts draw it in.
    let panel: String
    /// By increasing agent count.
    let points: [AggregatePoint]
    /// The Universal Scalability Law fitted to the throughput means; nil with fewer than 3 agent counts.
    let fit: UniversalScalabilityLaw.Fit?
}

/// One row of aggregate.csv: a series at one agent count.
struct AggregatePoint {
    let agents: Double
    let row: [String]
    let table: CSVTable

    /// The mean and 95% interval of `metric` (any may be undefined, e.g. with one replicate).
    func estimate(_ metric: String) -> (mean: Double?, low: Double?, high: Double?) {
        (table.number(row, metric + "_mean"), table.number(row, metric + "_ci95_low"), table.number(row, metric + "_ci95_high"))
    }
}
