import ArgumentParser
import SwarmKernel

/// The bootstrap of the intervals of `sensitivity analyze` and `sensitivity run`.
struct BootstrapOptions: ParsableArguments {
    @Option(help: "Bootstrap resamples for the intervals.")
    var bootstrap = 1000

    @Option(help: "Confidence of the intervals.")
    var confidence = 0.95

    @Option(name: .customLong("bootstrap-seed"), help: "Seed of the bootstrap's draws.")
    var bootstrapSeed: UInt64 = 1

    func validate() throws {
        guard bootstrap >= 1 else { throw ValidationError("--bootstrap must be 1 or more (found \(bootstrap)).") }
        guard confidence > 0 && confidence < 1 else { throw ValidationError("--confidence must be between 0 and 1 (found \(confidence)), e.g. 0.95.") }
    }

    var settings: BootstrapSettings {
        BootstrapSettings(resamples: bootstrap, confidence: confidence, seed: bootstrapSeed)
    }
}
