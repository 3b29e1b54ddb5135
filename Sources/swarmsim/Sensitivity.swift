import ArgumentParser

extension SwarmSimCommand {
    /// `swarmsim sensitivity`: global sensitivity analysis, split as SALib splits it (sample a
    /// design, evaluate it with any model, analyse the outputs) so that the commands serve any model.
    struct Sensitivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Global sensitivity analysis: which factors drive a result (Sobol' indices, Morris screening).",
            subcommands: [SensitivitySample.self, SensitivityAnalyze.self, SensitivityRun.self]
        )
    }
}
