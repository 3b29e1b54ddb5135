import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private func row(_ cells: [CSVCell]) -> String {
    var output = ""
    CSVWriter.writeRow(cells, to: &output)
    return output
}

@Suite struct CSVWriterTests {
    @Test("Fields with commas, quotes or line breaks are quoted, quotes doubled; rows end in LF.")
    func quoting() {
        #expect(row([.text("plain"), .text("a,b"), .text(#"say "hi""#), .text("two\nlines"), .text("cr\r")])
            == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n")
    }

    @Test("Text that a spreadsheet would run as a formula gets a leading single quote.")
    func injectionIsNeutralised() {
        #expect(CSVCell.text(#"=HYPERLINK("http://x","y")"#).field == #""'=HYPERLINK(""http://x"",""y"")""#)
        #expect(CSVCell.text("+1").field == "'+1")
        #expect(CSVCell.text("-2").field == "'-2")
        #expect(CSVCell.text("@SUM(A1)").field == "'@SUM(A1)")
        #expect(CSVCell.text("\tx").field == "'\tx")
        #expect(CSVCell.text("\rx").field == "\"'\rx\"")
        #expect(CSVCell.text("a=b").field == "a=b")
    }

    @Test("Formula starts behind leading whitespace or in fullwidth form are neutralised too; NUL characters are removed.")
    func hiddenFormulasAndNUL() {
        #expect(CSVCell.text(" =1+1").field == "' =1+1")
        #expect(CSVCell.text(" \t@x").field == "' \t@x")
        #expect(CSVCell.text("\u{3000}-3").field == "'\u{3000}-3")
        #expect(CSVCell.text("\u{FF1D}SUM(A1)").field == "'\u{FF1D}SUM(A1)")
        #expect(CSVCell.text("\u{FF0B}1").field == "'\u{FF0B}1")
        #expect(CSVCell.text("\u{FF0D}1").field == "'\u{FF0D}1")
        #expect(CSVCell.text("\u{FF20}x").field == "'\u{FF20}x")
        #expect(CSVCell.text(" a=b").field == " a=b")
        #expect(CSVCell.text("   ").field == "   ")
        #expect(CSVCell.text("a\0b\0").field == "ab")
        #expect(CSVCell.text("\0=1").field == "'=1")
    }

    @Test("Numbers are shortest form to 15 significant digits, integers without .0, undefined and non-finite values empty.")
    func numbers() {
        #expect(row([.number(3), .number(-0.5), .number(0.1), .number(1e-7), .number(nil), .number(.nan), .number(.infinity), .number(-0.0)])
            == "3,-0.5,0.1,1e-07,,,,0\n")
        #expect(row([.number(0.1 + 0.2), .number(0.123_456_789_012_345_678), .number(1e-15), .number(2.0 / 3)])
            == "0.3,0.123456789012346,1e-15,0.666666666666667\n")
    }

    @Test("Whole numbers carry no float noise: a value within a relative 10^-12 of a whole number is written as it; finer values are kept.")
    func wholeNumbersWithoutNoise() {
        #expect(row([.number(248_625_000.000_000_06), .number(647.999_999_999_999_2), .number(0.999_999_999_999_999_6),
                     .number(-3.000_000_000_000_001), .number(9_899_999.999_999_99)]) == "248625000,648,1,-3,9900000\n")
        #expect(row([.number(1.000_000_1), .number(1_000_000.000_1), .number(0.5), .number(1e-13)]) == "1.0000001,1000000.0001,0.5,1e-13\n")
    }

    @Test("Integers are exact; booleans are words.")
    func integersAndBooleans() {
        #expect(CSVCell.integer(UInt64.max).field == "18446744073709551615")
        #expect(row([.bool(true), .bool(false)]) == "true,false\n")
    }

    @Test("Parameter values print as themselves, with objects as compact sorted JSON.")
    func jsonValues() {
        #expect(row([.json(.string("flat-lock")), .json(.number(2)), .json(.null), .json(.bool(true)),
                     .json(.object(["b": .number(1), "a": .number(2)]))])
            == "flat-lock,2,,true,\"{\"\"a\"\":2,\"\"b\"\":1}\"\n")
    }
}
