import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment

/// Metamorphic properties of the model: relations between the results of two runs that must hold
/// without knowing either result. Throughput never rises with a fault's probability, the time
/// locks are held or leased, or the time planning, reviews and builds take; it never falls with
/// competence, speed, build slots or an added integrator.
///
/// Each relation is checked over seeded random configurations (`RandomConfiguration`, drawn among
/// the topologies where its parameter acts). Each configuration runs at the low and the high value
/// over the same replicate seeds (common random numbers), and the paired differences
/// high - low decide: the relation fails only when the one-sided 99.9% Student-t bound of their mean
/// lies on the wrong side of zero, that is when the replicates show the wrong direction at the
/// 0.1% level. The tolerance is that bound, computed from the differences' own standard error;
/// a parameter that changes nothing gives identical runs and a difference of exactly zero.
///
/// The capacity relations (build time and slots, speed, competence) are checked without unlocked
/// writes. With them the board has congestion collapse: each stale write undoes every claim written
/// since its read, so the damage grows with the peers' traffic, and whatever slows peers down
/// raises throughput (optimistic, 43 peers skipping 30% of failed checks: builds three times longer
/// take throughput from 0.63 to 0.85 tasks/h; without skipped checks they change nothing). That is
/// a real effect, not a fault of the model; the fault relations are checked with every fault on.
///
/// Variants are independent: reordering or removing the others changes none of a variant's runs.
@Suite struct MetamorphicPropertyTests {
    /// Configurations per relation, replicates per configuration and simulated hours per run. The
    /// invariant-checks build (which checks the books after every event, about a hundred times
    /// slower) runs the first few configurations only: it is there for the books, not the statistics.
    #if SWARMSIM_INTERNAL_CHECKS
    static let configurations = 3
    #else
    static let configurations = 30
    #endif
    static let replicates = 20
    static let hours = 48.0
    /// The one-sided level of the bound.
    static let confidence = 0.999

    /// Which way throughput may move from the low value to the high one.
    enum Direction: String {
        case nonIncreasing = "non-increasing"
        case nonDecreasing = "non-decreasing"
    }

    /// A parameter, the way throughput may move with it, and where it acts.
    struct Relation: CustomTestStringConvertible, Sendable {
        let name: String
        let direction: Direction
        let kinds: [TopologyKind]
        /// A capacity relation, checked without unlocked writes (see above).
        var capacity = false
        /// Sets the parameter to its low (false) or high (true) value.
        let set: @Sendable (inout ModelConfig, _ high: Bool) -> Void

        var testDescription: String { "\(name) (\(direction.rawValue))" }
    }

    /// Sets a trait of every profile.
    private static func trait(_ path: WritableKeyPath<ProfileConfig, Distribution> & Sendable, _ low: Distribution, _ high: Distribution)
        -> @Sendable (inout ModelConfig, Bool) -> Void {
        { config, isHigh in
            for name in config.profiles.keys { config.profiles[name]![keyPath: path] = isHigh ? high : low }
        }
    }

    static let board: [TopologyKind] = [.flatLock, .optimistic]
    static let planned: [TopologyKind] = [.plannerWorker, .integrator, .plannerExecutor, .continuousExecutor]

    static let relations: [Relation] = [
        Relation(name: "unlocked write probability", direction: .nonIncreasing, kinds: board,
                 set: trait(\.unlockedWriteProbability, .constant(0), .constant(0.2))),
        Relation(name: "small unlocked write probability", direction: .nonIncreasing, kinds: board,
                 set: trait(\.unlockedWriteProbability, .constant(0.02), .constant(0.05))),
        Relation(name: "forget-release probability", direction: .nonIncreasing, kinds: [.flatLock],
                 set: trait(\.forgetReleaseProbability, .constant(0), .constant(0.2))),
        Relation(name: "crash-while-holding probability", direction: .nonIncreasing, kinds: [.flatLock],
                 set: trait(\.crashWhileHoldingProbability, .constant(0), .constant(0.1))),
        Relation(name: "hold inflation", direction: .nonIncreasing, kinds: [.flatLock],
                 set: trait(\.holdInflation, .constant(1), .constant(2))),
        Relation(name: "lock lease", direction: .nonIncreasing, kinds: [.flatLock]) { config, high in
            config.locks.leaseHours = high ? 1 : 0.25
        },
        Relation(name: "planning time", direction: .nonIncreasing, kinds: planned) { config, high in
            config.topology.planningHours = Distribution(.exponential(mean: high ? 0.15 : 0.05))
        },
        Relation(name: "review time", direction: .nonIncreasing, kinds: [.integrator, .continuousExecutor]) { config, high in
            config.topology.reviewHours = Distribution(.exponential(mean: high ? 0.3 : 0.1))
        },
        Relation(name: "build time", direction: .nonIncreasing, kinds: TopologyKind.allCases, capacity: true) { config, high in
            config.build.slots = max(config.build.slots, 1)
            config.build.hours = Distribution(.exponential(mean: high ? 0.3 : 0.1))
        },
        Relation(name: "competence", direction: .nonDecreasing, kinds: TopologyKind.allCases, capacity: true,
                 set: trait(\.competence, Distribution(.normal(mean: 0.7, sd: 0.1, min: 0, max: 2)),
                            Distribution(.normal(mean: 1, sd: 0.1, min: 0, max: 2)))),
        Relation(name: "speed", direction: .nonDecreasing, kinds: TopologyKind.allCases, capacity: true,
                 set: trait(\.speed, .constant(1), .constant(1.5))),
        Relation(name: "build slots", direction: .nonDecreasing, kinds: TopologyKind.allCases, capacity: true) { config, high in
            config.build.slots = high ? 3 : 1
        },
        // An integrator is one more agent: the others keep their roles and their random streams.
        Relation(name: "an added integrator", direction: .nonDecreasing, kinds: [.integrator]) { config, high in
            if high {
                config.topology.integrators += 1
                config.agents.count += 1
            }
        },
    ]

    /// Throughput of `config` for each replicate seed.
    private static func throughputs(_ config: ModelConfig, configuration: Int) -> [Double] {
        (0..<replicates).map { replicate in
            let seed = RunSpec.seed(scenarioSeed: UInt64(configuration), replicate: replicate)
            return Simulation.run(config, seed: seed, durationHours: hours, sampleEveryHours: hours)[.throughput]!
        }
    }

    @Test("Throughput moves the right way with each parameter, in every random configuration, by the paired differences' 99.9% bound.",
          arguments: relations)
    func throughputMovesTheRightWay(relation: Relation) {
        let t = StudentT.quantile(Self.confidence, degreesOfFreedom: Double(Self.replicates - 1))
        for configuration in 0..<Self.configurations {
            let drawn = RandomConfiguration(seed: configuration, kinds: relation.kinds)
            var base = drawn.config
            if relation.capacity {
                for name in base.profiles.keys { base.profiles[name]!.unlockedWriteProbability = .constant(0) }
            }
            var low = base, high = base
            relation.set(&low, false)
            relation.set(&high, true)
            let lows = Self.throughputs(low, configuration: configuration)
            let highs = Self.throughputs(high, configuration: configuration)
            let differences = zip(highs, lows).map { $0 - $1 }
            let summary = SampleSummary(differences)
            let bound = t * summary.standardDeviation! / Double(Self.replicates).squareRoot()
            let wrongWay = relation.direction == .nonIncreasing ? summary.mean - bound > 0 : summary.mean + bound < 0
            #expect(!wrongWay, """
                \(relation.name) should leave throughput \(relation.direction.rawValue), but from low to high it moves \
                \(summary.mean) ± \(bound) tasks/h (one-sided \(Self.confidence) bound, \(Self.replicates) paired replicates): \
                low \(SampleSummary(lows).mean), high \(SampleSummary(highs).mean) tasks/h; configuration \(configuration): \
                \(drawn.description)
                """)
        }
    }

    /// A scenario of four variants (each a topology with its own size and fault levels) over a
    /// two-point sweep, with the variants in `order` (indices into the four).
    private static func scenario(seed: Int, order: [Int]) -> String {
        var rng = RandomStreams(seed: UInt64(seed)).stream("variants")
        let variants: [[String: Any]] = (0..<4).map { index in
            [
                "label": "v\(index)",
                "topology": ["kind": TopologyKind.allCases[rng.nextInt(below: TopologyKind.allCases.count)].rawValue],
                "agents": ["count": 1 + rng.nextInt(below: 30)],
                "build": ["slots": rng.nextInt(below: 3)],
                "profiles": ["default": ["unlocked_write_probability": [0, 0.1, 0.3][rng.nextInt(below: 3)],
                                         "forget_release_probability": [0, 0.2][rng.nextInt(below: 2)]]],
            ]
        }
        return ScenarioFixtures.text([
            "seed": seed, "replications": 2, "duration_hours": 24, "sample_every_hours": 6,
            "variants": order.map { variants[$0] }, "sweep": ["commits.policy": ["strict", "tolerant"]],
        ])
    }

    /// Every run of `plan` by variant, sweep point and replicate.
    private static func results(_ plan: RunPlan) -> [String: RunResult] {
        Dictionary(uniqueKeysWithValues: plan.map { spec in
            ("\(spec.variant) point \(spec.point) replicate \(spec.replicate)", Simulation.run(spec))
        })
    }

    @Test("A variant's runs do not depend on the other variants: reordered, removed or left unselected, they give the same results.",
          arguments: 0..<4)
    func variantsAreIndependent(seed: Int) throws {
        let all = try Self.results(RunPlan(ScenarioFixtures.decode(Self.scenario(seed: seed, order: [0, 1, 2, 3]))))
        let others = [
            ("reversed", try RunPlan(ScenarioFixtures.decode(Self.scenario(seed: seed, order: [3, 2, 1, 0])))),
            ("without v1 and v3", try RunPlan(ScenarioFixtures.decode(Self.scenario(seed: seed, order: [2, 0])))),
            ("selecting v1", try RunPlan(ScenarioFixtures.decode(Self.scenario(seed: seed, order: [0, 1, 2, 3])), selecting: ["v1"])),
        ]
        for (name, plan) in others {
            let results = Self.results(plan)
            #expect(!results.isEmpty)
            for (run, result) in results.sorted(by: { $0.key < $1.key }) {
                #expect(all[run] == result, "scenario seed \(seed), \(name): \(run) differs from the plan with every variant in order")
            }
        }
    }
}
