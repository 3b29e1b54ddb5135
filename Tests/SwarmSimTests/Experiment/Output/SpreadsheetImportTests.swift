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

    @Test("LibreOffice Calc imports runs.csv and aggregate.csv with numbers as numbers and formula-like labels as text.",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc"))
    func calcImportsNumbersAndText() throws {
        let labels = [#"=HYPERLINK("http://example.com","click")"#, "+1", "@SUM(A1:A2)", "-2"]
        let variants = labels.map { ["label": $0] as [String: Any] }
        let workspace = try Workspace(ScenarioFixtures.text(["name": "labels", "replications": 2, "duration_hours": 24, "variants": variants]))
        let run = try workspace.run(["run", workspace.scenario, "--out", "out", "--db", "store.sqlite", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["runs", "aggregate"] {
            let convert = Process()
            convert.executableURL = URL(fileURLWithPath: Self.soffice!)
            convert.arguments = ["--headless", "-env:UserInstallation=file://\(workspace.folder.path)/lo-profile",
                                 "--convert-to", "fods", "--infilter=CSV:44,34,76,1", "--outdir", workspace.folder.appendingPathComponent("calc").path,
                                 workspace.folder.appendingPathComponent("out/\(file).csv").path]
            convert.standardOutput = FileHandle.nullDevice
            convert.standardError = FileHandle.nullDevice
            try convert.run()
            convert.waitUntilExit()
            #expect(convert.terminationStatus == 0)
            let rows = try cells(ofFlatODS: workspace.folder.appendingPathComponent("calc/\(file).fods"))
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
