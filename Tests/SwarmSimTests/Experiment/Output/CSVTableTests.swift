import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Tables read from users' CSV files: their shape is checked and their numbers read exactly, with
/// messages that point at the cell.
@Suite struct CSVTableTests {
    @Test("A file's records become a table numbered as a spreadsheet numbers rows; blank lines are skipped and keep later rows' numbers.")
    func rowNumbers() throws {
        let table = try CSVTable(file: "t.csv", records: [["a", "b"], ["1", "2"], [""], ["3", "4"]])
        #expect(table.rows == [["1", "2"], ["3", "4"]] && table.rowNumbers == [2, 4] && table.file == "t.csv")
    }

    @Test("A file without a header, or with a row of more or fewer fields than the header, is refused with the row.")
    func shape() {
        #expect(throws: CSVInputError.noHeader(file: "t.csv")) { try CSVTable(file: "t.csv", records: []) }
        #expect(throws: CSVInputError.noHeader(file: "t.csv")) { try CSVTable(file: "t.csv", records: [[""], ["1"]]) }
        #expect(throws: CSVInputError.wrongFieldCount(file: "t.csv", row: 3, found: 1, expected: 2)) {
            try CSVTable(file: "t.csv", records: [["a", "b"], ["1", "2"], ["1"]])
        }
        #expect(throws: CSVInputError.wrongFieldCount(file: "t.csv", row: 2, found: 3, expected: 2)) {
            try CSVTable(file: "t.csv", records: [["a", "b"], ["1", "2", "3"]])
        }
        #expect(CSVInputError.wrongFieldCount(file: "t.csv", row: 3, found: 1, expected: 2).description == "t.csv: row 3 has 1 field; the header has 2")
    }

    @Test("A cell read as a number refuses text, inf, nan, 1e400 and values outside its rule, naming file, row, column, rule and value.")
    func numbers() throws {
        let cells = ["0.5", "", "3", "inf", "-inf", "nan", "1e400", "text", "1e300", "2.5", "0", "99999999999999999999999"]
        let table = try CSVTable(file: "t.csv", records: [["id", "x"]] + cells.map { [$0, $0] })
        let count = NumberRule.integer(1...10)
        for (index, cell) in cells.enumerated() {
            let number = Double(cell)
            let finite = number?.isFinite == true
            if finite || cell.isEmpty {
                #expect(try table.number(at: index, column: 1, .any, emptyAllowed: true) == number, "\(cell)")
            } else {
                #expect(throws: CSVInputError.invalidCell(file: "t.csv", row: index + 2, column: "x", requirement: "a finite number, or empty",
                                                          found: "\"\(cell)\"")) {
                    try table.number(at: index, column: 1, .any, emptyAllowed: true)
                }
            }
            let whole = number.flatMap { Int(exactly: $0) }.map((1...10).contains) ?? false
            if whole {
                #expect(try table.number(at: index, column: 0, count, emptyAllowed: false) == number, "\(cell)")
            } else {
                #expect(throws: CSVInputError.invalidCell(file: "t.csv", row: index + 2, column: "id", requirement: count.requirement,
                                                          found: cell.isEmpty ? "an empty cell" : "\"\(cell)\"")) {
                    try table.number(at: index, column: 0, count, emptyAllowed: false)
                }
            }
        }
        let error = CSVInputError.invalidCell(file: "t.csv", row: 5, column: "x", requirement: "a finite number, or empty", found: "\"inf\"")
        #expect(error.description == "t.csv: row 5, column \"x\": must be a finite number, or empty (found \"inf\")")
    }

    @Test("A column the header names twice cannot be read by name.")
    func duplicateColumn() throws {
        let table = try CSVTable(file: "t.csv", records: [["x", "y", "x"], ["1", "2", "3"]])
        #expect(throws: CSVInputError.duplicateColumn(file: "t.csv", column: "x")) { try table.position(of: "x") }
        #expect(try table.position(of: "y") == 1 && table.position(of: "z") == nil)
    }
}
