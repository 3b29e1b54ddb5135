import SwarmModel

extension Simulation {
    /// Simulates `spec`: a RunSpec alone reproduces its run.
    public static func run(_ spec: RunSpec) -> RunResult {
        run(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours)
    }
}
