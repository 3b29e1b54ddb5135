/// Reading a table's cells as numbers, refusing what a reader would otherwise turn silently into a
/// wrong number: text, `inf` and `nan` (which `Double` parses), values that overflow to infinity
/// (`1e400`), and values outside the column's range, each with the file, row and column.
extension CSVTable {
    /// The position of column `name`; nil when the table lacks it. Refuses a header that names it
    /// twice, where reading by name would pick one of the two at random as far as a user knows.
    public func position(of name: String) throws(CSVInputError) -> Int? {
        let positions = header.indices.filter { header[$0] == name }
        guard positions.count <= 1 else { throw .duplicateColumn(file: file, column: name) }
        return positions.first
    }

    /// The number in row `index` under column `position`: nil for an empty cell when
    /// `emptyAllowed` (an undefined value). Integer rules (`NumberRule.integer`) are checked
    /// exactly: a value is refused unless it is a whole number that `Int` holds and the range allows.
    public func number(at index: Int, column position: Int, _ rule: NumberRule, emptyAllowed: Bool) throws(CSVInputError) -> Double? {
        let row = rows[index]
        let cell = position < row.count ? row[position] : ""
        if cell.isEmpty, emptyAllowed { return nil }
        guard let value = Double(cell), value.isFinite, rule.allows(value) else {
            throw .invalidCell(file: file, row: rowNumbers[index], column: header[position],
                               requirement: rule.requirement + (emptyAllowed ? ", or empty" : ""),
                               found: CSVInputError.found(cell))
        }
        return value
    }

    /// Checks every cell under column `name`, when the table has it, as `number(at:column:_:emptyAllowed:)` reads it.
    public func checkColumn(_ name: String, _ rule: NumberRule, emptyAllowed: Bool) throws(CSVInputError) {
        guard let position = try position(of: name) else { return }
        for index in rows.indices {
            _ = try number(at: index, column: position, rule, emptyAllowed: emptyAllowed)
        }
    }
}
