import ArgumentParser
import SwarmAnalysis

extension SensitivityMethod: ExpressibleByArgument {}

/// How a sensitivity design is (or was) sampled, shared by `sensitivity sample`, `analyze` and
/// `run` so that the three read the same flags the same way.
struct DesignOptions: ParsableArguments {
    @Option(help: "sobol, morris or lhs (lhs: a plain sample, no indices of its own).")
    var method: SensitivityMethod = .sobol

    @Flag(name: .customLong("second-order"), help: "sobol: the rows second-order indices (S2) need, 2k + 2 per block instead of k + 2.")
    var secondOrder = false

    @Option(help: "morris: levels of each factor (even).")
    var levels = 4

    func validate() throws {
        guard levels >= 2, levels % 2 == 0 else { throw ValidationError("--levels must be even and at least 2 (found \(levels)).") }
        if secondOrder && method != .sobol { throw ValidationError("--second-order goes with --method sobol.") }
    }
}
