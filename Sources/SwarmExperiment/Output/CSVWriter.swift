import Foundation

/// One encoded CSV field. Each constructor applies the output contract (OUTPUTS.md) for its kind
/// of value, so a row cannot hold a field that breaks it.
public struct CSVCell: Sendable, Equatable {
    /// The field as written between commas.
    public let field: String

    private init(field: String) {
        self.field = field
    }

    /// Text, neutralised and quoted. A cell beginning with = + - @ tab or CR would run as a formula
    /// in a spreadsheet (OWASP "CSV injection"), and labels come from user files: such text gets a
    /// leading single quote. Spreadsheets skip leading whitespace and read the fullwidth forms
    /// (＝ ＋ － ＠) as the ASCII ones, so text whose first character after any whitespace is one of
    /// these is quoted too. NUL characters are removed: spreadsheets and many CSV readers end a
    /// field or the file at one. Text containing a comma, quote, CR or LF is quoted (RFC 4180).
    public static func text(_ text: String) -> CSVCell {
        var text = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\0" }))
        let scalars = text.unicodeScalars
        if let first = scalars.first,
           formulaStarts.contains(first) || scalars.first(where: { !$0.properties.isWhitespace }).map(formulaStarts.contains) == true {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return CSVCell(field: text)
    }

    /// The first characters that make a spreadsheet read a cell as a formula: = + - @, their
    /// fullwidth forms, and tab and CR.
    private static let formulaStarts = Set("=+-@\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}\t\r".unicodeScalars)

    /// A number to 15 significant digits, in shortest form, whole numbers without ".0"; empty when
    /// undefined, NaN or infinite, since no spreadsheet reads those the same way. Fifteen digits
    /// are what a spreadsheet keeps, and a number within a relative 10^-12 of a whole number is
    /// written as that whole number: so the noise that long sums of fractions leave goes (input
    /// tokens of 248625000.00000006 read 248625000, a cost of 647.9999999999992 reads 648), and no
    /// measurement of the model is that fine. The run store keeps every double exactly.
    public static func number(_ value: Double?) -> CSVCell {
        guard let value, value.isFinite else { return CSVCell(field: "") }
        let whole = value.rounded()
        let written = whole != 0 && abs(value - whole) <= 1e-12 * abs(whole) ? whole : Double(String(format: "%.15g", value)) ?? value
        return CSVCell(field: formatNumber(written == 0 ? 0 : written))
    }

    /// An integer, exactly (seeds exceed a double's 53 bits).
    public static func integer(_ value: some BinaryInteger) -> CSVCell {
        CSVCell(field: String(value))
    }

    /// `true` or `false`.
    public static func bool(_ value: Bool) -> CSVCell {
        CSVCell(field: value ? "true" : "false")
    }

    /// A parameter value: numbers, strings and booleans as themselves, null as empty, arrays and
    /// objects as compact JSON text with sorted keys.
    public static func json(_ value: JSONValue) -> CSVCell {
        switch value {
        case .null: return number(nil)
        case .bool(let flag): return bool(flag)
        case .number(let number): return self.number(number)
        case .string(let string): return text(string)
        case .array, .object: return text(value.compactText)
        }
    }
}

/// Writes CSV rows per OUTPUTS.md: comma-separated, LF line endings, UTF-8 (the stream's concern).
public enum CSVWriter {
    /// Writes one row of `cells` and its line ending.
    public static func writeRow(_ cells: [CSVCell], to output: inout some TextOutputStream) {
        output.write(cells.map(\.field).joined(separator: ","))
        output.write("\n")
    }

    /// Writes a header row of column names.
    public static func writeHeader(_ names: [String], to output: inout some TextOutputStream) {
        writeRow(names.map(CSVCell.text), to: &output)
    }
}
