/// A CSV file already split into a header and rows of fields, as the CLI's CSV reader gives it.
/// The report takes parsed rows rather than files so that the library needs no CSV parser and
/// tests can hand it tables directly.
public struct CSVTable: Sendable {
    /// The file the table was read from, as messages name it; empty for a table built in memory.
    public let file: String
    public let header: [String]
    public let rows: [[String]]
    /// The row number of each of `rows` in the file, counting the header as row 1 (as a
    /// spreadsheet numbers them), so a message can point at the row a user sees.
    public let rowNumbers: [Int]

    /// A table built in memory (or from a writer's rows): rows numbered from 2, as written.
    public init(header: [String], rows: [[String]], file: String = "") {
        self.file = file
        self.header = header
        self.rows = rows
        rowNumbers = rows.indices.map { $0 + 2 }
    }

    /// The table of `file` from its records as a CSV parser splits them, the header first.
    /// Blank lines (a record of one empty field) are skipped, keeping the later rows' numbers.
    /// Refuses a file without a header and a row whose number of fields differs from the header's:
    /// from a row cut short, or one with a stray comma, no reader can tell which cell is which.
    public init(file: String, records: [[String]]) throws(CSVInputError) {
        guard let header = records.first, !header.isEmpty, header != [""] else { throw .noHeader(file: file) }
        var rows: [[String]] = []
        var numbers: [Int] = []
        for (offset, record) in records.enumerated().dropFirst() where record != [""] {
            guard record.count == header.count else {
                throw .wrongFieldCount(file: file, row: offset + 1, found: record.count, expected: header.count)
            }
            rows.append(record)
            numbers.append(offset + 1)
        }
        self.file = file
        self.header = header
        self.rows = rows
        rowNumbers = numbers
    }

    /// The position of column `name`; nil when the file lacks it (an older or foreign file).
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The number in `row` under column `name`; nil when the column is missing or the cell empty
    /// (undefined). Lenient: for tables whose cells have been checked (`number(at:column:_:emptyAllowed:)`).
    package func number(_ row: [String], _ name: String) -> Double? {
        column(name).flatMap { $0 < row.count ? Double(row[$0]) : nil }
    }

    /// The text in `row` under column `name`; empty when the column is missing.
    package func text(_ row: [String], _ name: String) -> String {
        column(name).map { $0 < row.count ? row[$0] : "" } ?? ""
    }
}
