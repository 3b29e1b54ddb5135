import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis
import SwiftCSV

extension SwarmSimCommand {
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit Gunther's Universal Scalability Law to a throughput curve in a CSV file.",
            discussion: """
                Fits X(N) = gamma N / (1 + sigma (N-1) + kappa N (N-1)) by least squares, with sigma and \
                kappa in [0, 1] and gamma >= 0, per group of --by (e.g. the variant), and prints CSV: group, \
                gamma, sigma, kappa, peak_n = sqrt((1 - sigma) / kappa) (empty when kappa is 0), and their \
                standard errors (empty with fewer than 4 points). Rows with an empty x or y are skipped. \
                swarmsim run writes the same fits of its throughput means to usl.csv in the results folder.
                Example: swarmsim fit results/flat-vs-hierarchy/aggregate.csv --x agents --y throughput_tasks_per_hour_mean --by variant
                """
        )

        @Argument(help: "A CSV file with a header row (runs.csv, aggregate.csv, or your own).")
        var file: String

        @Option(help: "The column holding N (agents).")
        var x: String

        @Option(help: "The column holding throughput.")
        var y: String

        @Option(help: "A column to group rows by; one fit per value, in order of first appearance.")
        var by: String?

        func run() throws {
            let table: CSV<Enumerated>
            do {
                table = try CSV<Enumerated>(url: URL(fileURLWithPath: file), delimiter: .comma, loadColumns: false)
            } catch {
                throw CLIError("cannot read \(file) as CSV: \(error)")
            }
            func column(_ name: String) throws -> Int {
                guard let index = table.header.firstIndex(of: name) else {
                    // aggregate.csv names statistics after their metric (throughput_tasks_per_hour_mean):
                    // offer the columns that begin with what was typed when no spelling is close.
                    let starting = table.header.filter { $0.hasPrefix(name) }
                    let hint = closestMatch(to: name, among: table.header).map { "; did you mean \"\($0)\"?" }
                        ?? (starting.isEmpty ? "" : " (columns beginning so: \(starting.prefix(6).joined(separator: ", "))\(starting.count > 6 ? ", ..." : ""))")
                    throw CLIError("\(file) has no column \"\(name)\"\(hint)")
                }
                return index
            }
            let xColumn = try column(x)
            let yColumn = try column(y)
            let groupColumn = try by.map(column)
            var groups: [String] = []
            var points: [String: (n: [Double], x: [Double])] = [:]
            for (line, row) in table.rows.enumerated() {
                guard let n = Double(row[xColumn]), let throughput = Double(row[yColumn]) else { continue }
                guard n >= 1 else { throw CLIError("\(file): row \(line + 2): \(x) must be at least 1 (found \(row[xColumn]))") }
                let group = groupColumn.map { row[$0] } ?? "all"
                if points[group] == nil { groups.append(group) }
                points[group, default: ([], [])].n.append(n)
                points[group, default: ([], [])].x.append(throughput)
            }
            var output = ""
            let columns: [USLFitColumn] = [.gamma, .sigma, .kappa, .peakN, .gammaSE, .sigmaSE, .kappaSE]
            CSVWriter.writeHeader(["group"] + columns.map(\.rawValue), to: &output)
            for group in groups {
                let data = points[group]!
                guard data.n.count >= 3 else {
                    throw CLIError("group \"\(group)\" has \(data.n.count) points; a fit needs at least 3")
                }
                let fit = UniversalScalabilityLaw.fit(n: data.n, x: data.x)
                CSVWriter.writeRow([.text(group)] + columns.map { $0.cell(fit) }, to: &output)
            }
            print(output, terminator: "")
        }
    }
}
