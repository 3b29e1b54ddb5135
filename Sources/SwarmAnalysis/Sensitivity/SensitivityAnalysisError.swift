import SwarmExperiment

/// Why a design and its outputs cannot be analysed. Each message begins with the file and, where
/// one row is at fault, names it (the header is row 1).
public enum SensitivityAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A cell or column of a table (missing column, text where a number belongs...).
    case table(CSVInputError)
    /// The outputs do not have one row per design row.
    case rowCountsDiffer(design: String, designRows: Int, outputs: String, outputRows: Int)
    /// The design is not a Saltelli design of its factors (rows shuffled, cut, or another method's).
    case notSaltelli(file: String, row: Int?, reason: String)
    /// The design is not Morris trajectories.
    case notMorris(file: String, row: Int?, reason: String)
    /// Every output is the same: there is no variance to apportion.
    case constantOutput(file: String, column: String)
    /// The method samples but has no indices of its own.
    case noIndicesForMethod(SensitivityMethod)

    public var description: String {
        switch self {
        case .table(let error):
            return error.description
        case .rowCountsDiffer(let design, let designRows, let outputs, let outputRows):
            return "\(outputs) has \(outputRows) data rows but \(design) has \(designRows); the outputs must follow the design row for row"
        case .notSaltelli(let file, let row, let reason):
            return "\(file)\(row.map { ": row \($0)" } ?? ""): not a Saltelli design (as swarmsim sensitivity sample --method sobol writes): \(reason)"
        case .notMorris(let file, let row, let reason):
            return "\(file)\(row.map { ": row \($0)" } ?? ""): not Morris trajectories (as swarmsim sensitivity sample --method morris writes): \(reason)"
        case .constantOutput(let file, let column):
            return "\(file): column \"\(column)\" is the same in every row: there is no variance for the factors to explain"
        case .noIndicesForMethod(let method):
            return "\(method.rawValue) designs have no indices of their own; analyse a sobol or morris design"
        }
    }
}
