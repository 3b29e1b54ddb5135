import SwarmKernel

/// Small runs that together exercise every mechanism of the model: each topology as configured by
/// default, and again with every fault and optional mechanism on (lock faults, file locks, polling,
/// strict commits, build slots, dependencies, a finite goal, early stops, short judge cycles, two
/// integrators, a planner hierarchy grown past its configured shape) and durations from every distribution family. A change to the simulator's behaviour
/// shows in at least one of them: the engine fingerprint digests their results, and the invariant
/// tests step through them event by event.
///
/// A small change to a probability may flip no outcome in runs this short, so the model's
/// continuous laws are also probed directly (`probes`).
package enum CanonicalRuns {
    /// Simulated hours of each run.
    package static let hours = 48.0
    /// The seed of each run.
    package static let seed: UInt64 = 11

    /// The runs, named for messages.
    package static let configurations: [(name: String, config: ModelConfig)] = topologyRuns + [crowdedMain]

    /// Each topology plain and with every fault.
    private static let topologyRuns: [(name: String, config: ModelConfig)] = TopologyKind.allCases.flatMap { kind in
        var plain = ModelConfig()
        plain.topology.kind = kind
        plain.agents.count = 14
        var harsh = plain
        harsh.locks.fileLocks = true
        harsh.locks.acquisition = .polling
        harsh.commits.policy = .strict
        harsh.build.slots = 2
        harsh.build.hours = Distribution(.gamma(shape: 2, scale: 0.05))
        harsh.tasks.dependencyProbability = 0.3
        harsh.tasks.count = 150
        harsh.tasks.extraFiles = Distribution(.zipf(n: 4, s: 1))
        harsh.board.busyworkHours = Distribution(.choice(values: [0.1, 0.4], weights: [3, 1]))
        harsh.commits.gateHours = Distribution(.uniform(min: 0.02, max: 0.08))
        harsh.topology.judge.cycleHours = 6
        harsh.topology.integrators = 2
        if kind == .plannerWorker || kind == .integrator {
            // A dozen planner-worker agents outgrow a span of 2 on one level: three levels hand work down.
            harsh.topology.span = 2
            harsh.topology.maxDepth = 1
        }
        harsh.topology.planningHours = Distribution(.normal(mean: 0.06, sd: 0.02, min: 0.01, max: nil))
        harsh.profiles["default"]!.forgetReleaseProbability = .constant(0.2)
        harsh.profiles["default"]!.crashWhileHoldingProbability = .constant(0.1)
        harsh.profiles["default"]!.unlockedWriteProbability = Distribution(.bernoulli(p: 0.2))
        harsh.profiles["default"]!.earlyStopPerHour = Distribution(.exponential(mean: 0.3))
        return [(kind.rawValue, plain), ("\(kind.rawValue) with every fault", harsh)]
    }

    /// Sixty planner-worker agents on a codebase of two areas: breaks of main overlap in one area,
    /// so how a change fails on a broken area and waits for fixes shows in the digest.
    private static let crowdedMain: (name: String, config: ModelConfig) = {
        var config = ModelConfig()
        config.agents.count = 60
        config.codebase.areas = 2
        return ("planner-worker on a crowded main", config)
    }()

    /// The model's continuous laws evaluated on a grid, for each canonical configuration's
    /// parameters: misalignment m(a), its integral and planner focus at context ages 0 to 480 h,
    /// and the chance of a correct attempt at difficulties 0 to 1.
    package static func probes(_ config: ModelConfig) -> [Double] {
        let misalignment = Misalignment(config.drift)
        let ages = stride(from: 0.0, through: 480, by: 12)
        let traits = AgentTraits(profile: config.profiles["default"] ?? ProfileConfig(), index: 0, streams: RandomStreams(seed: seed))
        return ages.map(misalignment.probability) + ages.map(misalignment.accumulated) + ages.map(misalignment.focus)
            + stride(from: 0.0, through: 1, by: 0.05).map { traits.successProbability(difficulty: $0, gain: config.work.competenceGain) }
    }
}
