import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis
import SwiftCSV

extension SwarmSimCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the report of a results folder or a run store: one self-contained HTML page of charts and checks.",
            discussion: """
                Reads the folder `swarmsim run` wrote (runs.csv, timeseries.csv, aggregate.csv, \
                scenario.resolved.json), or a scenario's runs in a run store (as `swarmsim export` would \
                write them; a store of several scenarios needs --scenario), and writes one HTML file with inline SVG charts and no scripts: \
                throughput and effective agents against agents with 95% intervals and the fitted Universal \
                Scalability Law per variant (bars when agents are not swept), where agent time goes, drift \
                over time, and the scenario's expectations with PASS or FAIL. The same folder always gives \
                the same bytes. Written atomically: a failed report leaves any earlier one as it was.
                Examples: swarmsim report results/flat-vs-hierarchy
                          swarmsim report results/swarmsim.sqlite --scenario flat-vs-hierarchy
                """
        )

        @Argument(help: "A results folder written by swarmsim run, or a run store.")
        var source: String

        @Option(help: "With a run store: report the scenario with this name, or the one whose address begins so.")
        var scenario: String?

        @Option(help: "The HTML file to write. (default: <folder>/report.html; for a store, <scenario folder name>-report.html beside it)")
        var out: String?

        func run() throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else {
                throw CLIError("\(source): no such results folder or run store")
            }
            let destination: URL
            if isFolder.boolValue {
                if scenario != nil { throw CLIError("--scenario chooses among a run store's scenarios; \(source) is a results folder") }
                destination = out.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: source).appendingPathComponent("report.html")
                try write(results(in: URL(fileURLWithPath: source)), to: destination)
            } else {
                // A store's runs become a results folder exactly as `swarmsim export` writes it.
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swarmsim-report-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                let chosen: StoredScenario
                do {
                    let store = try RunStore(file: source, access: .readOnly)
                    chosen = try store.scenario(selecting: scenario)
                    try store.export(chosen, to: folder)
                }  // ErrorReport words the store's errors
                destination = out.map { URL(fileURLWithPath: $0) }
                    ?? URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("\(chosen.folderName)-report.html")
                try write(results(in: folder), to: destination)
            }
            FileHandle.standardError.write(Data("report written to \(destination.path)\n".utf8))
        }

        /// The results folder `directory`, read for the report.
        private func results(in directory: URL) throws -> ResultsFolder {
            for name in [ResultsWriter.runsFile, ResultsWriter.timeseriesFile, ResultsWriter.aggregateFile, ResultsWriter.resolvedFile]
            where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) {
                throw CLIError("\(directory.path) is not a results folder of swarmsim run: it has no \(name)")
            }
            func table(_ name: String) throws -> CSVTable {
                let url = directory.appendingPathComponent(name)
                do {
                    let csv = try CSV<Enumerated>(url: url, delimiter: .comma, loadColumns: false)
                    return CSVTable(header: csv.header, rows: csv.rows)
                } catch {
                    throw CLIError("cannot read \(url.path) as CSV: \(error)")
                }
            }
            let resolved = directory.appendingPathComponent(ResultsWriter.resolvedFile)
            do {
                return try ResultsFolder(runs: try table(ResultsWriter.runsFile), timeseries: try table(ResultsWriter.timeseriesFile),
                                         aggregate: try table(ResultsWriter.aggregateFile), resolvedJSON: try Data(contentsOf: resolved))
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("cannot read \(resolved.path): \(error.localizedDescription)")
            }
        }

        private func write(_ results: ResultsFolder, to destination: URL) throws {
            let file = try AtomicFile(destination: destination)
            file.write(HTMLReport.render(results))
            try file.commit()
        }
    }
}
