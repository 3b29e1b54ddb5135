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
                Given a folder `swarmsim calibrate` wrote, reports the calibration instead: each \
                parameter's posterior against its prior, the pair with the strongest posterior correlation, the \
                observed hourly landings over the simulated 90% band, and the predictive (and holdout) checks. \
                A folder `swarmsim sensitivity run` wrote gets a report of its indices with their intervals \
                and its seed noise. \
                Otherwise reads the folder `swarmsim run` wrote (runs.csv, timeseries.csv, aggregate.csv, \
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
                let folder = URL(fileURLWithPath: source)
                destination = out.map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent(ResultsWriter.reportFile)
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("calibration.csv").path) {
                    try write(CalibrationReport.render(calibration(in: folder)), to: destination)
                } else if isSensitivityFolder(folder) {
                    try writeSensitivity(folder, to: destination)
                } else {
                    try write(HTMLReport.render(results(in: folder) { (source as NSString).appendingPathComponent($0) }), to: destination)
                }
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
                try write(HTMLReport.render(results(in: folder) { "\($0) of \"\(chosen.name)\" exported from \(source)" }), to: destination)
            }
            FileHandle.standardError.write(Data("report written to \(destination.path)\n".utf8))
        }

        /// The results folder `directory`, read for the report; `name` gives the name of each file in messages.
        private func results(in directory: URL, name: (String) -> String) throws -> ResultsFolder {
            ResultsCommit.recover(in: directory)  // finish a commit a killed run left
            for file in [ResultsWriter.runsFile, ResultsWriter.timeseriesFile, ResultsWriter.aggregateFile, ResultsWriter.resolvedFile]
            where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) {
                throw CLIError("\(directory.path) is not a results folder of swarmsim run: it has no \(file)")
            }
            func table(_ file: String) throws -> CSVTable {
                do {
                    return try CSVTable.read(directory.appendingPathComponent(file), name: name(file))
                } catch {
                    throw CLIError(error.description)
                }
            }
            let resolved = directory.appendingPathComponent(ResultsWriter.resolvedFile)
            let resolvedJSON: Data
            do {
                resolvedJSON = try Data(contentsOf: resolved)
            } catch {
                throw CLIError("cannot read \(resolved.path): \(error.localizedDescription)")
            }
            do {
                return try ResultsFolder(runs: table(ResultsWriter.runsFile), timeseries: table(ResultsWriter.timeseriesFile),
                                         aggregate: table(ResultsWriter.aggregateFile), resolvedJSON: resolvedJSON,
                                         resolvedFile: name(ResultsWriter.resolvedFile))
            } catch let error as ResultsFolderError {
                throw CLIError(error.description)
            }
        }

        /// The calibration folder `directory` (written by swarmsim calibrate), read for its report.
        private func calibration(in directory: URL) throws -> CalibrationFolder {
            let manager = FileManager.default
            for file in ["posterior.csv", "ppc.csv", "ppc-series.csv"] where !manager.fileExists(atPath: directory.appendingPathComponent(file).path) {
                throw CLIError("\(directory.path) is not a calibration folder of swarmsim calibrate: it has no \(file)")
            }
            func table(_ file: String) throws -> CSVTable? {
                let url = directory.appendingPathComponent(file)
                guard manager.fileExists(atPath: url.path) else { return nil }
                do {
                    return try CSVTable.read(url, name: (source as NSString).appendingPathComponent(file))
                } catch {
                    throw CLIError(error.description)
                }
            }
            do {
                return try CalibrationFolder(posterior: table("posterior.csv")!, calibration: table("calibration.csv")!, check: table("ppc.csv")!,
                                             series: table("ppc-series.csv")!, holdoutCheck: table("holdout.csv"),
                                             holdoutSeries: table("holdout-series.csv"),
                                             calibratedJSON: try? Data(contentsOf: directory.appendingPathComponent("calibrated.json")))
            } catch let error as CSVInputError {
                throw CLIError(error.description)
            }
        }

        /// A folder `swarmsim sensitivity run` wrote: sensitivity.csv and no runs.csv.
        private func isSensitivityFolder(_ folder: URL) -> Bool {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("sensitivity.csv").path)
                && !FileManager.default.fileExists(atPath: folder.appendingPathComponent(ResultsWriter.runsFile).path)
        }

        /// The report of a sensitivity folder: its indices with their intervals, and its seed noise.
        private func writeSensitivity(_ folder: URL, to destination: URL) throws {
            let name = { (file: String) in (source as NSString).appendingPathComponent(file) }
            let resolvedFile = folder.appendingPathComponent(ResultsWriter.resolvedFile)
            var scenarioName = folder.lastPathComponent
            var description = ""
            if let data = try? Data(contentsOf: resolvedFile), case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data) {
                if case .string(let text)? = fields["name"] { scenarioName = text }
                if case .string(let text)? = fields["description"] { description = text }
            }
            let page: String
            do {
                page = try SensitivityReport.render(
                    name: scenarioName, description: description,
                    indices: CSVTable.read(folder.appendingPathComponent("sensitivity.csv"), name: name("sensitivity.csv")),
                    noise: CSVTable.read(folder.appendingPathComponent("seed_noise.csv"), name: name("seed_noise.csv")))
            } catch {
                throw CLIError(error.description)
            }
            try write(page, to: destination)
        }

        private func write(_ page: String, to destination: URL) throws {
            let file = try AtomicFile(destination: destination)
            file.write(page)
            try file.commit()
        }
    }
}

extension CSVTable {
    /// The table in the CSV file at `url`, named `name` in messages. SwiftCSV splits the text, but
    /// its rows are taken as parsed (its table view pads short rows with empty cells, which would
    /// hide a row cut short), and the last line is given a line ending so that an empty last field
    /// is kept. Shared by `report` and `fit`.
    static func read(_ url: URL, name: String) throws(CSVInputError) -> CSVTable {
        var records: [[String]] = []
        do {
            var text = try String(contentsOf: url, encoding: .utf8)
            if let last = text.last, !last.isNewline { text += "\n" }
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            records.append(csv.header)
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { records.append($0) }
        } catch {
            throw .unreadable(file: name, reason: (error as? CSVParseError).map { "\($0)" } ?? error.localizedDescription)
        }
        return try CSVTable(file: name, records: records)
    }
}
