import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A spreadsheet is where many users open runs.csv: LibreOffice Calc imports it (headless) into a
/// flat ODS document, whose XML says which cells arrived as numbers and which as text.
@Suite struct SpreadsheetImportTests {
    /// The path of LibreOffice's `soffice`, when installed (`.ci/run` installs libreoffice-calc).
    private static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Each row of the first sheet of a flat ODS file: (value type, text) per cell.
    private func cells(ofFlatODS url: URL) throws -> [[(type: String?, text: String?)]] {
        let document = try XMLDocument(contentsOf: url)
        let rows = try document.nodes(forXPath: "//*[local-name()='table-row']")
        return rows.map { row in
            let cells = (row as? XMLElement)?.elements(forName: "table:table-cell") ?? []
            return cells.flatMap { cell -> [(type: String?, text: String?)] in
                let repeated = Int(cell.attribute(forName: "table:number-columns-repeated")?.stringValue ?? "1") ?? 1
                let value = (cell.attribute(forName: "office:value-type")?.stringValue, cell.elements(forName: "text:p").first?.stringValue)
                return Array(repeating: value, count: min(repeated, 100))
            }
        }
    }

    /// Converts `input` with LibreOffice (headless) to `format` in `folder/calc`; the converted file.
    private func convert(_ input: URL, to format: String, in folder: URL) throws -> URL {
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: Self.soffice!)
        convert.arguments = ["--headless", "-env:UserInstallation=file://\(folder.path)/lo-profile", "--convert-to", format,
                             "--infilter=CSV:44,34,76,1", "--outdir", folder.appendingPathComponent("calc").path, input.path]
        convert.standardOutput = FileHandle.nullDevice
        convert.standardError = FileHandle.nullDevice
        try convert.run()
        convert.waitUntilExit()
        #expect(convert.terminationStatus == 0)
        return folder.appendingPathComponent("calc").appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + format)
    }

    /// Column `index` of every row after the header of the CSV text `text` (unquoted fields).
    private func column(_ index: Int, of text: String) -> [String] {
        text.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[index]) }
    }

    /// Column `index` of `csv` after LibreOffice Calc has opened it and saved it as a workbook
    /// (.xlsx, which holds numbers to 15 significant digits as spreadsheets do), read back as CSV.
    private func throughWorkbook(_ csv: URL, column index: Int, in folder: URL) throws -> [String] {
        let workbook = try convert(csv, to: "xlsx", in: folder)
        let back = folder.appendingPathComponent("back")
        try FileManager.default.createDirectory(at: back, withIntermediateDirectories: true)
        let copy = back.appendingPathComponent(workbook.lastPathComponent)
        try FileManager.default.moveItem(at: workbook, to: copy)
        return column(index, of: try String(contentsOf: convert(copy, to: "csv", in: folder), encoding: .utf8))
    }

    @Test("Every seed in runs.csv survives a spreadsheet: LibreOffice Calc opens it and saves a workbook with each seed exact (at most 15 significant digits), where a 16-digit seed is rounded.",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc"))
    func seedsSurviveCalc() throws {
        let workspace = try Workspace(ScenarioFixtures.text(["name": "seeds", "replications": 200, "duration_hours": 1, "sample_every_hours": 1]))
        let run = try workspace.run(["run", workspace.scenario, "--out", "out", "--db", "store.sqlite", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = workspace.folder.appendingPathComponent("out/runs.csv")
        let written = column(5, of: try String(contentsOf: csv, encoding: .utf8))
        #expect(written.count == 200)
        #expect(written.allSatisfy { $0.count <= 15 })
        #expect(try throughWorkbook(csv, column: 5, in: workspace.folder) == written)
        // The instrument sees the damage the bound avoids: the workbook rounds a 16-digit seed.
        let control = workspace.folder.appendingPathComponent("control.csv")
        try Data("run_id,seed\n1,5890180217036434\n".utf8).write(to: control)
        #expect(try throughWorkbook(control, column: 1, in: workspace.folder) == ["5890180217036430"])
    }

    @Test("LibreOffice Calc imports runs.csv and aggregate.csv with numbers as numbers and formula-like labels as text.",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc"))
    func calcImportsNumbersAndText() throws {
        let labels = [#"=HYPERLINK("http://example.com","click")"#, "+1", "@SUM(A1:A2)", "-2"]
        let variants = labels.map { ["label": $0] as [String: Any] }
        let workspace = try Workspace(ScenarioFixtures.text(["name": "labels", "replications": 2, "duration_hours": 24, "variants": variants]))
        let run = try workspace.run(["run", workspace.scenario, "--out", "out", "--db", "store.sqlite", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["runs", "aggregate"] {
            let rows = try cells(ofFlatODS: convert(workspace.folder.appendingPathComponent("out/\(file).csv"), to: "fods", in: workspace.folder))
            let header = rows[0].map { $0.text ?? "" }
            let variant = try #require(header.firstIndex(of: "variant"))
            let throughput = try #require(header.firstIndex { $0.hasPrefix("throughput_tasks_per_hour") })
            let dataRows = rows.dropFirst().filter { $0.count > throughput && $0[variant].text != nil }
            #expect(dataRows.count == (file == "runs" ? 8 : 4))
            for row in dataRows {
                #expect(row[variant].type == "string")
                #expect(row[throughput].type == "float", "\(file): \(row[throughput])")
            }
            // Each crafted label arrives as the text it was, behind the apostrophe that disarms it.
            let imported = Set(dataRows.compactMap { $0[variant].text })
            #expect(imported == Set(labels.map { "'" + $0 }))
        }
    }
}
