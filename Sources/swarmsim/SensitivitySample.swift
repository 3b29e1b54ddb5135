import ArgumentParser
import Foundation
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct SensitivitySample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Write a design over a scenario's factors (or a factors file's) as CSV, one column per factor.",
            discussion: """
                sobol: Saltelli's scheme on a scrambled Sobol' sequence, N blocks of k + 2 rows (2k + 2 with \
                --second-order) for k factors, in SALib's layout; N must be a power of two. morris: N \
                trajectories of k + 1 rows on --levels levels, chosen for spread from --candidates. lhs: a \
                Latin hypercube of N rows. The same arguments give the same design, byte for byte.
                Evaluate each row with any model, then: swarmsim sensitivity analyze DESIGN.csv OUTPUTS.csv --y COLUMN
                A factors file for another model: {"factors": {"x1": {"uniform": [-3.14159, 3.14159]}, "x2": {"log_uniform": [0.1, 10]}, "x3": {"choice": ["a", "b"]}}}
                """
        )

        @Argument(help: "A scenario with a factors object, or a factors file {\"factors\": {...}}.")
        var factors: String

        @OptionGroup var design: DesignOptions

        @Option(help: "Base samples: Sobol' blocks (a power of two), Morris trajectories, or Latin hypercube rows.")
        var n: Int

        @Option(help: "Seed of the scramble and the draws.")
        var seed: UInt64 = 1

        @Option(help: "morris: candidate trajectories to choose the N most spread from. (default: 4 N)")
        var candidates: Int?

        @Option(help: "Write the design here instead of standard output.")
        var out: String?

        func validate() throws {
            if let candidates, candidates < n { throw ValidationError("--candidates must be at least --n (found \(candidates) < \(n)).") }
        }

        func run() throws {
            let factorList = try Factor.load(file: factors)
            let sampled: SensitivityDesign
            do {
                sampled = try SensitivityDesign(factors: factorList, method: design.method, n: n, secondOrder: design.secondOrder, seed: seed,
                                                morrisLevels: design.levels, morrisCandidates: candidates)
            } catch {
                throw CLIError("\(factors): \(error.description)")
            }
            guard let out else {
                print(sampled.csv, terminator: "")
                return
            }
            let file = try AtomicFile(destination: URL(fileURLWithPath: out))
            file.write(sampled.csv)
            try file.commit()
        }
    }
}
