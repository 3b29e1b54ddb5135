/// A CSV file already split into a header and rows of fields, as the CLI's CSV reader gives it.
/// The report takes parsed rows rather than files so that the library needs no CSV parser and
/// tests can hand it tables directly.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The position of column `name`; nil when the file lacks it (an older or foreign file).
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The number in `row` under column `name`; nil when the column is missing or the cell empty (undefined).
    package func number(_ row: [String], _ name: String) -> Double? {
        column(name).flatMap { $0 < row.count ? Double(row[$0]) : nil }
    }

    /// The text in `row` under column `name`; empty when the column is missing.
    package func text(_ row: [String], _ name: String) -> String {
        column(name).map { $0 < row.count ? row[$0] : "" } ?? ""
    }
}
