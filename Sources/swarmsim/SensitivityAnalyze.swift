import ArgumentParser
import Foundation
import SwarmKernel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct SensitivityAnalyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Sensitivity indices of a model's outputs over a design, with bootstrap intervals.",
            discussion: """
                sobol: first-order S1 (Saltelli 2010) and total ST (Jansen) indices, and S2 with \
                --second-order; morris: mu, mu* and sigma of the elementary effects. Every index has a \
                bootstrap percentile interval (--bootstrap resamples of the design's blocks or trajectories). \
                OUTPUTS.csv holds one row per design row, in the design's order (the design's own columns may \
                be there too). Prints the indices and writes them as CSV (metric, factor, index, estimate, \
                ci_low, ci_high) to --out, by default sensitivity.csv beside OUTPUTS.csv. The design's \
                structure is checked first: a shuffled or cut design is refused with the row that breaks it.
                """
        )

        @Argument(help: "The design, as swarmsim sensitivity sample (or SALib) wrote it.")
        var design: String

        @Argument(help: "The model's outputs, one row per design row.")
        var outputs: String

        @Option(name: .customLong("y"), help: "The output column to analyse (repeatable).")
        var metrics: [String]

        @OptionGroup var sampling: DesignOptions

        @OptionGroup var intervals: BootstrapOptions

        @Option(help: "morris: the scenario or factors file, to order text columns (a choice of names).")
        var factors: String?

        @Option(help: "Where to write the indices as CSV. (default: sensitivity.csv beside OUTPUTS)")
        var out: String?

        func validate() throws {
            guard !metrics.isEmpty else { throw ValidationError("give the output column to analyse: --y COLUMN") }
        }

        func run() throws {
            let factorList = try factors.map { try Factor.load(file: $0) } ?? []
            let settings = intervals.settings
            var rows: [SensitivityIndexRow] = []
            do {
                let designTable = try CSVTable.read(URL(fileURLWithPath: design), name: design)
                let outputTable = try CSVTable.read(URL(fileURLWithPath: outputs), name: outputs)
                for metric in metrics {
                    rows += try SensitivityAnalysis.analyze(
                        design: designTable, outputs: outputTable, metric: metric, method: sampling.method, secondOrder: sampling.secondOrder,
                        bootstrap: settings, factors: factorList, morrisLevels: sampling.levels)
                }
            } catch let error as CSVInputError {
                throw CLIError(error.description)
            } catch let error as SensitivityAnalysisError {
                throw CLIError(error.description)
            }
            let destination = out.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: outputs).deletingLastPathComponent().appendingPathComponent("sensitivity.csv")
            let file = try AtomicFile(destination: destination)
            file.write(SensitivityIndexRow.csv(rows))
            try file.commit()
            print(SensitivityIndexRow.table(rows, confidence: intervals.confidence), terminator: "")
        }
    }
}
