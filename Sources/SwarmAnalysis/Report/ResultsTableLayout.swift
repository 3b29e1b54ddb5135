import SwarmExperiment
import SwarmModel

/// How `swarmsim run` lays out one CSV file of a results folder: identity columns, then (in
/// runs.csv and aggregate.csv) the parameter columns, then the metrics; what each column's cells
/// hold; and which columns tell rows apart. The report checks each file it reads against its
/// layout before drawing anything, so a reordered, renamed or dropped column, a repeated row, or a
/// cell no run writes (text, `inf`, a run_id of 1e300) is refused with its file, row and column
/// rather than drawn as a wrong number or trapped on.
///
/// Every column is required except those an older swarmsim did not write (the 0.2.0 metric
/// cost_per_effective_agent_hour_usd), so the folders of every version the report has known are
/// read. Whether the rows are those of the recorded plan is not checked here: rows that do not
/// match it cost the expectations their verdicts (`expectationOutcomes`), as documented, not the report.
struct ResultsTableLayout: Sendable {
    /// A column and what its cells hold: a number `rule` allows (or nothing, when
    /// `emptyAllowed`); any text when `rule` is nil.
    struct Column: Sendable {
        let name: String
        let rule: NumberRule?
        let emptyAllowed: Bool
        /// False for a column an older swarmsim did not write: the 0.2.0 metric
        /// cost_per_effective_agent_hour_usd, and timeseries.csv's `agents` (before 0.4.0).
        var required = true
    }

    let leading: [Column]
    /// Whether parameter columns (any names swarmsim does not fix) follow `leading`.
    let hasParameters: Bool
    let trailing: [Column]
    /// The columns no two rows share values of; nil means the leading and parameter columns together.
    let key: [String]?

    static let runs = ResultsTableLayout(
        leading: ResultsWriter.runsIdentityColumns.map(identity), hasParameters: true, trailing: RunResult.summaryColumns.map(metric),
        key: ["run_id"])
    /// Before 0.4.0, timeseries.csv had neither `agents` nor parameter columns.
    static let timeseries = ResultsTableLayout(
        leading: ResultsWriter.timeseriesIdentityColumns.map { name in
            var column = identity(name)
            column.required = name != "agents"
            return column
        },
        hasParameters: true, trailing: RunResult.sampleColumns.map(metric), key: ["run_id", SampleMetric.timeHours.rawValue])
    static let aggregate = ResultsTableLayout(
        leading: ResultsWriter.aggregateIdentityColumns.map(identity), hasParameters: true,
        trailing: [identity(ResultsWriter.aggregateCountColumn)] + ResultsWriter.aggregateMetricColumns.map(metric), key: nil)

    /// An identity column: a count within the limits a scenario is held to, never empty; text otherwise.
    private static func identity(_ name: String) -> Column {
        let counts: [String: NumberRule] = [
            "run_id": .integer(1...ScenarioLimits.maxRuns), "replicate": .integer(1...ScenarioLimits.maxReplications),
            "agents": .integer(1...ScenarioLimits.maxAgents), ResultsWriter.aggregateCountColumn: .integer(1...ScenarioLimits.maxReplications),
        ]
        return Column(name: name, rule: counts[name], emptyAllowed: false)
    }

    /// A metric column: a finite number, or empty when undefined (how swarmsim writes NaN and infinity too).
    private static func metric(_ name: String) -> Column {
        Column(name: name, rule: .any, emptyAllowed: true, required: !name.hasPrefix(SummaryMetric.costPerEffectiveAgentHourUSD.rawValue))
    }

    /// Checks `table` against this layout: the header (with the parameter columns `parameters`,
    /// when scenario.resolved.json lists them), then every cell of the columns with a rule, then
    /// that no two rows share a key. A table without columns is taken as not given (a library
    /// caller's partial folder).
    func check(_ table: CSVTable, parameters listed: [String]?) throws(CSVInputError) {
        guard !table.header.isEmpty else { return }
        let parameters = try parameterColumns(of: table)
        if hasParameters, let listed, parameters.names != listed {
            let index = zip(parameters.names, listed).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(parameters.names.count, listed.count)
            let position = parameters.start + index
            throw .misplacedColumn(
                file: table.file, position: position + 1, column: position < table.header.count ? table.header[position] : "(none)",
                expected: (index < listed.count ? "parameter column \"\(listed[index])\"" : "no further parameter column")
                    + ", as scenario.resolved.json lists the parameters (\(listed.joined(separator: ", ")))")
        }
        for column in leading + trailing where column.required && !table.header.contains(column.name) {
            throw .missingColumn(file: table.file, column: column.name, suggestion: nil, similar: [])
        }
        for column in leading + trailing {
            guard let rule = column.rule else { continue }
            try table.checkColumn(column.name, rule, emptyAllowed: column.emptyAllowed)
        }
        try checkKeys(of: table, parameters: parameters.names)
    }

    /// Refuses a row whose key (`key`, or the leading and parameter columns) repeats an earlier row's.
    private func checkKeys(of table: CSVTable, parameters: [String]) throws(CSVInputError) {
        let names = key ?? leading.map(\.name) + parameters
        let positions = names.compactMap(table.column)
        var first: [[String]: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            let values = positions.map { row[$0] }
            if let earlier = first[values] {
                let shown = zip(positions, values).map { "\(table.header[$0])=\($1)" }.joined(separator: ", ")
                throw .repeatedRow(file: table.file, row: table.rowNumbers[index], firstRow: table.rowNumbers[earlier], key: shown)
            }
            first[values] = index
        }
    }

    /// The header's parameter columns (the names this layout does not fix) and where they sit,
    /// after checking that the fixed columns present keep their order and that the parameters sit
    /// between the leading and the trailing columns.
    private func parameterColumns(of table: CSVTable) throws(CSVInputError) -> (names: [String], start: Int) {
        let known = leading + trailing
        var names: [String] = []
        var start = 0
        var previous: (index: Int, position: Int)?
        for (position, name) in table.header.enumerated() {
            if let index = known.firstIndex(where: { $0.name == name }) {
                if let previous, index <= previous.index {
                    throw .misplacedColumn(file: table.file, position: position + 1, column: name,
                                           expected: "a column swarmsim run writes after \"\(known[previous.index].name)\" (column \(previous.position + 1))")
                }
                if index < leading.count, !names.isEmpty {
                    throw .misplacedColumn(file: table.file, position: position + 1, column: name,
                                           expected: "a parameter column or a metric: \"\(name)\" comes before the parameter columns")
                }
                if index < leading.count { start = position + 1 }
                previous = (index, position)
            } else {
                guard hasParameters, (previous?.index ?? -1) < leading.count, !names.contains(name) else {
                    let slot = hasParameters ? "; parameter columns sit between \"\(leading.last!.name)\" and \"\(trailing.first!.name)\"" : ""
                    throw .misplacedColumn(file: table.file, position: position + 1, column: name,
                                           expected: "one of the columns swarmsim run writes\(slot)")
                }
                if names.isEmpty { start = position }
                names.append(name)
            }
        }
        return (names, start)
    }
}
