import SwarmKernel

/// Why a CSV file given to swarmsim (a results folder's tables for `report`, any table for `fit`)
/// cannot be used. Every message begins with the file; a cell's names its row (the header is row
/// 1, as a spreadsheet numbers rows), its column, what the column allows and what was found, in
/// the form a scenario's problems take, so the user can go straight to the cell.
public enum CSVInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read, or its text cannot be split into fields (a stray quote).
    case unreadable(file: String, reason: String)
    /// The file has no header row.
    case noHeader(file: String)
    /// The header names `column` more than once, so reading it by name is ambiguous.
    case duplicateColumn(file: String, column: String)
    /// A column that was asked for is missing; `suggestion` is a close spelling, `similar` the
    /// columns whose names begin with the one asked for.
    case missingColumn(file: String, column: String, suggestion: String?, similar: [String])
    /// Header column `position` (1-based) is not where the writer of the file puts `column`:
    /// the header was reordered or renamed. `expected` says what belongs there.
    case misplacedColumn(file: String, position: Int, column: String, expected: String)
    /// A row has a different number of fields from the header: cut short, or with a stray comma.
    case wrongFieldCount(file: String, row: Int, found: Int, expected: Int)
    /// Row `row` has the same `key` (the values that tell rows apart) as row `firstRow`.
    case repeatedRow(file: String, row: Int, firstRow: Int, key: String)
    /// A cell does not hold what its column allows; `requirement` completes "must be".
    case invalidCell(file: String, row: Int, column: String, requirement: String, found: String)
    /// No Universal Scalability Law can be fitted to the points of `curve`, read from `rows`.
    case unfittable(file: String, curve: String, rows: [Int], reason: UniversalScalabilityLaw.FitError)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read as CSV: \(reason)"
        case .noHeader(let file):
            return "\(file): empty; a CSV file needs a header row"
        case .duplicateColumn(let file, let column):
            return "\(file): the header names column \"\(column)\" more than once"
        case .missingColumn(let file, let column, let suggestion, let similar):
            let hint = suggestion.map { "; did you mean \"\($0)\"?" }
                ?? (similar.isEmpty ? "" : " (columns beginning so: \(similar.prefix(6).joined(separator: ", "))\(similar.count > 6 ? ", ..." : ""))")
            return "\(file) has no column \"\(column)\"\(hint)"
        case .misplacedColumn(let file, let position, let column, let expected):
            return "\(file): header column \(position) is \"\(column)\"; expected \(expected) (was the header reordered or renamed?)"
        case .wrongFieldCount(let file, let row, let found, let expected):
            return "\(file): row \(row) has \(found) field\(found == 1 ? "" : "s"); the header has \(expected)"
        case .repeatedRow(let file, let row, let firstRow, let key):
            return "\(file): row \(row) repeats row \(firstRow) (\(key)); each row must be a different one"
        case .invalidCell(let file, let row, let column, let requirement, let found):
            return "\(file): row \(row), column \"\(column)\": must be \(requirement) (found \(found))"
        case .unfittable(let file, let curve, let rows, let reason):
            let listed = rows.prefix(8).map(String.init).joined(separator: ", ") + (rows.count > 8 ? ", ..." : "")
            return "\(file): \(curve) (row\(rows.count == 1 ? "" : "s") \(listed)): cannot fit the Universal Scalability Law: \(reason)"
        }
    }

    /// How a cell's content is quoted in a message: the text in quotes (shortened when long), or
    /// "an empty cell".
    package static func found(_ cell: String) -> String {
        guard !cell.isEmpty else { return "an empty cell" }
        let shown = cell.count > 40 ? cell.prefix(40) + "..." : Substring(cell)
        return "\"\(shown)\""
    }
}
