import Foundation
import SwarmExperiment

/// A calibration folder read back for its report: the last generation's particles, each
/// parameter's prior and posterior summary, and the posterior predictive checks (and the
/// holdout's, when there is one). Every cell the report uses is checked, so a folder `calibrate`
/// could not have written is refused with its file, row and column.
public struct CalibrationFolder: Sendable {
    /// The calibrated scenario's name and description (empty when calibrated.json is not given).
    public let name: String
    public let description: String

    public struct Parameter: Sendable {
        public let path: String
        /// True for a prior uniform in the logarithm.
        public let logScale: Bool
        public let low, high, mean, median, ci90Low, ci90High: Double
    }

    public let parameters: [Parameter]
    /// The last generation's particles (one value per parameter) and their weights.
    public let particles: [[Double]]
    public let weights: [Double]
    /// Generations run and simulations made.
    public let generations: Int
    public let simulations: Int

    /// One row of ppc.csv or holdout.csv.
    public struct Check: Sendable {
        public let statistic: String
        public let observed, median, low, high: Double?
        public let fitted: Bool
    }

    /// ppc-series.csv or holdout-series.csv: per hour, the band and each observed run's landings.
    public struct Series: Sendable {
        public let hours: [Double]
        public let median, low, high: [Double?]
        public let observedNames: [String]
        /// Per observed run, its landings at each hour.
        public let observed: [[Double?]]
    }

    public let check: [Check]
    public let series: Series
    public let holdoutCheck: [Check]?
    public let holdoutSeries: Series?

    public init(posterior: CSVTable, calibration: CSVTable, check: CSVTable, series: CSVTable,
                holdoutCheck: CSVTable? = nil, holdoutSeries: CSVTable? = nil, calibratedJSON: Data? = nil) throws(CSVInputError) {
        let summaryColumns = ["parameter", "prior", "prior_low", "prior_high", "posterior_mean", "posterior_median", "ci90_low", "ci90_high",
                              "generations", "simulations"]
        let summary = try CalibrationFolder.positions(summaryColumns, in: calibration)
        var parameters: [Parameter] = []
        for index in calibration.rows.indices {
            func number(_ column: Int) throws(CSVInputError) -> Double {
                try calibration.number(at: index, column: summary[column], .any, emptyAllowed: false)!
            }
            let path = calibration.rows[index][summary[0]]
            let prior = calibration.rows[index][summary[1]]
            guard prior == "uniform" || prior == "log-uniform" else {
                throw .invalidCell(file: calibration.file, row: calibration.rowNumbers[index], column: "prior",
                                   requirement: "uniform or log-uniform", found: CSVInputError.found(prior))
            }
            parameters.append(Parameter(path: path, logScale: prior == "log-uniform", low: try number(2), high: try number(3),
                                        mean: try number(4), median: try number(5), ci90Low: try number(6), ci90High: try number(7)))
            guard parameters.last!.low < parameters.last!.high, !parameters.last!.logScale || parameters.last!.low > 0 else {
                throw .invalidCell(file: calibration.file, row: calibration.rowNumbers[index], column: "prior_high",
                                   requirement: "greater than prior_low (which a log-uniform prior needs above 0)",
                                   found: calibration.rows[index][summary[3]])
            }
        }
        guard let first = calibration.rows.indices.first else { throw .noHeader(file: calibration.file) }
        generations = Int(try calibration.number(at: first, column: summary[8], .integer(1...Int.max), emptyAllowed: false)!)
        simulations = Int(try calibration.number(at: first, column: summary[9], .integer(1...Int.max), emptyAllowed: false)!)
        self.parameters = parameters

        let identity = ["generation", "particle", "tolerance", "weight", "distance"]
        let columns = try CalibrationFolder.positions(identity + parameters.map(\.path), in: posterior)
        var particles: [[Double]] = []
        var weights: [Double] = []
        var last = -1
        for index in posterior.rows.indices {
            let generation = Int(try posterior.number(at: index, column: columns[0], .integer(0...Int.max), emptyAllowed: false)!)
            if generation > last {
                (particles, weights, last) = ([], [], generation)
            } else if generation < last {
                throw .invalidCell(file: posterior.file, row: posterior.rowNumbers[index], column: "generation",
                                   requirement: "at least the previous row's generation (\(last))", found: String(generation))
            }
            weights.append(try posterior.number(at: index, column: columns[3], .nonNegative, emptyAllowed: false)!)
            var particle: [Double] = []
            for column in columns.dropFirst(identity.count) {
                particle.append(try posterior.number(at: index, column: column, .any, emptyAllowed: false)!)
            }
            particles.append(particle)
        }
        guard !particles.isEmpty else { throw .noHeader(file: posterior.file) }
        self.particles = particles
        self.weights = weights
        self.check = try CalibrationFolder.checks(check)
        self.series = try CalibrationFolder.series(series)
        self.holdoutCheck = try holdoutCheck.map { table throws(CSVInputError) in try CalibrationFolder.checks(table) }
        self.holdoutSeries = try holdoutSeries.map { table throws(CSVInputError) in try CalibrationFolder.series(table) }
        let document = calibratedJSON.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        if case .string(let name)? = document?.value(at: ["name"]) { self.name = name } else { name = "" }
        if case .string(let text)? = document?.value(at: ["description"]) { description = text } else { description = "" }
    }

    private static func positions(_ names: [String], in table: CSVTable) throws(CSVInputError) -> [Int] {
        var positions: [Int] = []
        for name in names {
            guard let position = try table.position(of: name) else {
                throw .missingColumn(file: table.file, column: name, suggestion: nil, similar: [])
            }
            positions.append(position)
        }
        return positions
    }

    private static func checks(_ table: CSVTable) throws(CSVInputError) -> [Check] {
        let columns = try positions(["statistic", "observed", "simulated_median", "simulated_p05", "simulated_p95", "fitted"], in: table)
        return try table.rows.indices.map { index throws(CSVInputError) in
            func number(_ column: Int) throws(CSVInputError) -> Double? {
                try table.number(at: index, column: columns[column], .any, emptyAllowed: true)
            }
            let fitted = table.rows[index][columns[5]]
            guard fitted == "true" || fitted == "false" else {
                throw .invalidCell(file: table.file, row: table.rowNumbers[index], column: "fitted", requirement: "true or false",
                                   found: CSVInputError.found(fitted))
            }
            return Check(statistic: table.rows[index][columns[0]], observed: try number(1), median: try number(2), low: try number(3),
                         high: try number(4), fitted: fitted == "true")
        }
    }

    private static func series(_ table: CSVTable) throws(CSVInputError) -> Series {
        let band = try positions(["time_hours", "simulated_median", "simulated_p05", "simulated_p95"], in: table)
        let observedColumns = table.header.indices.filter { table.header[$0].hasPrefix("observed_run_") }
        var hours: [Double] = []
        var median: [Double?] = [], low: [Double?] = [], high: [Double?] = []
        var observed = Array(repeating: [Double?](), count: observedColumns.count)
        for index in table.rows.indices {
            hours.append(try table.number(at: index, column: band[0], .positive, emptyAllowed: false)!)
            median.append(try table.number(at: index, column: band[1], .nonNegative, emptyAllowed: true))
            low.append(try table.number(at: index, column: band[2], .nonNegative, emptyAllowed: true))
            high.append(try table.number(at: index, column: band[3], .nonNegative, emptyAllowed: true))
            for (run, column) in observedColumns.enumerated() {
                observed[run].append(try table.number(at: index, column: column, .nonNegative, emptyAllowed: true))
            }
        }
        return Series(hours: hours, median: median, low: low, high: high,
                      observedNames: observedColumns.map { table.header[$0] }, observed: observed)
    }
}
