import ArgumentParser
import Foundation
import SwarmSim
import SwiftCSV

extension SwarmSimCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a results folder's report: one self-contained HTML page of charts and checks.",
            discussion: """
                Reads the folder `swarmsim run` wrote (runs.csv, timeseries.csv, aggregate.csv, \
                scenario.resolved.json) and writes one HTML file with inline SVG charts and no scripts: \
                throughput and effective agents against agents with 95% intervals and the fitted Universal \
                Scalability Law per variant (bars when agents are not swept), where agent time goes, drift \
                over time, and the scenario's expectations with PASS or FAIL. The same folder always gives \
                the same bytes. Written atomically: a failed report leaves any earlier one as it was.
                Example: swarmsim report results/flat-vs-hierarchy
                """
        )

        @Argument(help: "A results folder written by swarmsim run.")
        var folder: String

        @Option(help: "The HTML file to write. (default: <folder>/report.html)")
        var out: String?

        func run() throws {
            let directory = URL(fileURLWithPath: folder)
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
            let results: ResultsFolder
            do {
                results = try ResultsFolder(runs: try table(ResultsWriter.runsFile), timeseries: try table(ResultsWriter.timeseriesFile),
                                            aggregate: try table(ResultsWriter.aggregateFile), resolvedJSON: try Data(contentsOf: resolved))
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("cannot read \(resolved.path): \(error.localizedDescription)")
            }
            let destination = out.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("report.html")
            let file = try AtomicFile(destination: destination)
            file.write(HTMLReport.render(results))
            try file.commit()
        }
    }
}
