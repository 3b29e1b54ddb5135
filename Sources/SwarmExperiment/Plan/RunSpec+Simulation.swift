import SwarmModel

extension Simulation {
    /// Simulates `spec`: a RunSpec alone reproduces its run.
    public static func run(_ spec: RunSpec) -> RunResult {
        run(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours)
    }

    /// Simulates `spec` keeping its trace (`swarmsim trace`).
    public static func trace(_ spec: RunSpec) -> (RunResult, RunTrace) {
        trace(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours)
    }
}
