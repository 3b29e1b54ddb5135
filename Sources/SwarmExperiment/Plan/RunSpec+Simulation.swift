import SwarmModel

extension Simulation {
    /// Simulates `spec`: a RunSpec alone reproduces its run.
    public static func run(_ spec: RunSpec) -> RunResult {
        run(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours)
    }

    /// Simulates `spec` within its event budget, asking `shouldStop` every few thousand events.
    public static func run(_ spec: RunSpec, stoppingWhen shouldStop: @escaping @Sendable () -> Bool) throws(RunStopped) -> RunResult {
        let budget = spec.maxEvents ?? RunLimits.defaultMaxEvents(agents: spec.config.agents.count, hours: spec.durationHours)
        return try run(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours,
                       within: RunLimits(maxEvents: budget, shouldStop: shouldStop))
    }
}
