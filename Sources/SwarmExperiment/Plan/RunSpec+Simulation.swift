import SwarmModel

extension Simulation {
    /// Simulates `spec`: a RunSpec alone reproduces its run.
    public static func run(_ spec: RunSpec) -> RunResult {
        run(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours)
    }

    /// Simulates `spec` within its event budget, asking `shouldStop` every few thousand events.
    public static func run(_ spec: RunSpec, stoppingWhen shouldStop: @escaping @Sendable () -> Bool) throws(RunStopped) -> RunResult {
        try run(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours,
                within: spec.limits(stoppingWhen: shouldStop))
    }

    /// Simulates `spec` within its event budget keeping its trace (`swarmsim trace`).
    public static func trace(_ spec: RunSpec, stoppingWhen shouldStop: @escaping @Sendable () -> Bool) throws(RunStopped) -> (RunResult, RunTrace) {
        try trace(spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours,
                  within: spec.limits(stoppingWhen: shouldStop))
    }
}

extension RunSpec {
    /// The limits a run of this spec keeps: its event budget (the scenario's, else the default for
    /// its agents and hours) and `shouldStop`.
    func limits(stoppingWhen shouldStop: @escaping @Sendable () -> Bool) -> RunLimits {
        RunLimits(maxEvents: maxEvents ?? RunLimits.defaultMaxEvents(agents: config.agents.count, hours: durationHours), shouldStop: shouldStop)
    }
}
