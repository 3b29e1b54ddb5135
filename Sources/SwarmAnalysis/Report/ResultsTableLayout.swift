import SwarmExperiment
import SwarmModel

/// How `swarmsim run` lays out one CSV file of a results folder: identity columns, then (in
/// runs.csv and aggregate.csv) the parameter columns, then the metrics, with what each column's
/// cells hold. The report checks each file it reads against its layout before drawing anything,
/// so a reordered or renamed header, or a cell no run writes (text, `inf`, a run_id of 1e300), is
/// refused with its file, row and column rather than drawn as a wrong number or trapped on.
///
/// Columns may be missing, since a folder written by an older swarmsim lacks later metrics (the
/// report draws what is there), but those present must keep the order swarmsim writes them in.
struct ResultsTableLayout {
    /// A column and what its cells hold: a number `rule` allows (or nothing, when
    /// `emptyAllowed`); any text when `rule` is nil.
    struct Column {
        let name: String
        let rule: NumberRule?
        let emptyAllowed: Bool
    }

    let leading: [Column]
    /// Whether parameter columns (any names swarmsim does not fix) follow `leading`.
    let hasParameters: Bool
    let trailing: [Column]

    static let runs = ResultsTableLayout(leading: ResultsWriter.runsIdentityColumns.map(identity), hasParameters: true,
                                         trailing: RunResult.summaryColumns.map(metric))
    static let timeseries = ResultsTableLayout(leading: ResultsWriter.timeseriesIdentityColumns.map(identity), hasParameters: false,
                                               trailing: RunResult.sampleColumns.map(metric))
    static let aggregate = ResultsTableLayout(leading: ResultsWriter.aggregateIdentityColumns.map(identity), hasParameters: true,
                                              trailing: [identity(ResultsWriter.aggregateCountColumn)]
                                                  + ResultsWriter.aggregateMetricColumns.map(metric))

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
        Column(name: name, rule: .any, emptyAllowed: true)
    }

    /// Checks `table`'s header, then every cell of the columns with a rule. `parameters`, when
    /// scenario.resolved.json lists them, are the parameter columns the header must hold, in order.
    func check(_ table: CSVTable, parameters: [String]?) throws(CSVInputError) {
        let found = try parameterColumns(of: table)
        if hasParameters, let parameters, found.names != parameters {
            let index = zip(found.names, parameters).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(found.names.count, parameters.count)
            let position = found.start + index
            throw .misplacedColumn(
                file: table.file, position: position + 1, column: position < table.header.count ? table.header[position] : "(none)",
                expected: index < parameters.count
                    ? "parameter column \"\(parameters[index])\", as scenario.resolved.json lists the parameters (\(parameters.joined(separator: ", ")))"
                    : "no further parameter column, as scenario.resolved.json lists the parameters (\(parameters.joined(separator: ", ")))")
        }
        for column in leading + trailing {
            guard let rule = column.rule else { continue }
            try table.checkColumn(column.name, rule, emptyAllowed: column.emptyAllowed)
        }
    }

    /// The header's parameter columns (the names this layout does not fix) and where they start,
    /// after checking that the fixed columns present keep their order and that the parameters sit
    /// between the leading and the trailing columns.
    private func parameterColumns(of table: CSVTable) throws(CSVInputError) -> (names: [String], start: Int) {
        let known = leading + trailing
        var names: [String] = []
        var start = table.header.count
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
