import SwarmExperiment

/// Why a results folder cannot be reported: a file that `swarmsim run` would not have written.
/// Each message begins with the file at fault.
public enum ResultsFolderError: Error, Sendable, CustomStringConvertible {
    /// runs.csv, timeseries.csv or aggregate.csv: its header, a row or a cell.
    case table(CSVInputError)
    /// scenario.resolved.json is not JSON; `detail` says where parsing failed.
    case resolvedNotJSON(file: String, detail: String)
    /// scenario.resolved.json holds a field the report shows with a value no run writes.
    case resolvedDocument(ConfigError)

    public var description: String {
        switch self {
        case .table(let error):
            return error.description
        case .resolvedNotJSON(let file, let detail):
            return "\(file): not valid JSON: \(detail)"
        case .resolvedDocument(let error):
            return error.description
        }
    }
}
