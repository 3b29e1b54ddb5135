import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit Gunther's Universal Scalability Law to a throughput curve in a CSV file.",
            discussion: """
                Fits X(N) = gamma N / (1 + sigma (N-1) + kappa N (N-1)) by least squares, with sigma and \
                kappa in [0, 1] and gamma >= 0, per group of --by (e.g. the variant), and prints CSV: group, \
                gamma, sigma, kappa, peak_n = sqrt((1 - sigma) / kappa) (empty when kappa is 0), their \
                standard errors (empty with fewer than 4 points), and how well the law fits: r_squared (the share \
                of the throughput's variation it explains) and rmse (the root-mean-square residual, in the \
                throughput's unit). It refuses a group with fewer than 3 distinct agent counts. Rows with an empty x or y are skipped; any other \
                cell that is not a finite number (text, inf, nan) or an agent count below 1 is refused with its row. \
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
            let fits: [GroupedFit]
            do {
                fits = try GroupedFit.fits(CSVTable.read(URL(fileURLWithPath: file), name: file), x: x, y: y, by: by)
            } catch {
                throw CLIError(error.description)
            }
            var output = ""
            let columns: [USLFitColumn] = [.gamma, .sigma, .kappa, .peakN, .gammaSE, .sigmaSE, .kappaSE, .rSquared, .rmse]
            CSVWriter.writeHeader(["group"] + columns.map(\.rawValue), to: &output)
            for entry in fits {
                CSVWriter.writeRow([.text(entry.group)] + columns.map { $0.cell(entry.fit) }, to: &output)
            }
            print(output, terminator: "")
        }
    }
}
