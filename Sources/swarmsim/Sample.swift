import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print draws from a distribution written as in a scenario file, to see what it produces.",
            discussion: """
                Example: swarmsim sample '{"lognormal": {"mean": 1, "sd": 0.5}}' --count 5
                With --summary, prints the sample mean and variance beside the theoretical ones instead.
                """
        )

        @Argument(help: "The distribution, as JSON: a number, or {\"FAMILY\": {PARAMETERS}}.")
        var distribution: String

        @Option(name: .shortAndLong, help: "How many draws.")
        var count = 10

        @Option(help: "Seed of the random stream.")
        var seed: UInt64 = 1

        @Flag(help: "Print a summary (mean, variance, against theory) instead of the draws.")
        var summary = false

        func validate() throws {
            guard count >= 1 else { throw ValidationError("--count must be 1 or more.") }
        }

        func run() throws {
            let parsed: JSONValue
            do {
                parsed = try JSONDecoder().decode(JSONValue.self, from: Data(distribution.utf8))
            } catch {
                throw CLIError("the distribution is not valid JSON: \(distribution)")
            }
            let log = ProblemLog()
            guard let decoded = Distribution.decode(parsed, at: ConfigPath(["distribution"]), log: log) else {
                throw ConfigError(file: nil, problems: log.problems)
            }
            var rng = RandomStreams(seed: seed).stream("sample")
            var output = ""
            var sum = 0.0
            var sumSquares = 0.0
            for _ in 0..<count {
                let x = decoded.sample(&rng)
                if summary {
                    sum += x
                    sumSquares += x * x
                } else {
                    output += "\(x)\n"
                }
            }
            if summary {
                let mean = sum / Double(count)
                let variance = (sumSquares - Double(count) * mean * mean) / Double(max(count - 1, 1))
                output = "draws=\(count) mean=\(mean) variance=\(variance) theory_mean=\(decoded.mean) theory_variance=\(decoded.variance)\n"
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
