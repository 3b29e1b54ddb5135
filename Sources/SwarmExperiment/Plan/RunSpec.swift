import SwarmKernel
import SwarmModel

/// Everything one run needs, and all that it needs: a RunSpec alone reproduces its run.
public struct RunSpec: Sendable, Equatable {
    public let scenario: String
    /// The variant's label.
    public let variant: String
    /// Index of the sweep point in the scenario's grid (0 when there is no sweep).
    public let point: Int
    /// The values the variant, the sweep point and `--set` gave, by dotted path, in a fixed order:
    /// they become the parameter columns of runs.csv.
    public let parameters: [Parameter]
    public let replicate: Int
    /// The run seed. It depends on the scenario seed and the replicate index only, so every variant
    /// and sweep point of one replicate sees the same backlog and agent traits (common random numbers).
    public let seed: UInt64
    public let config: ModelConfig
    /// `config` as canonical text with its digest, which identifies the model in the run's content
    /// address (`RunAddress`). Nil for a spec built from a ModelConfig alone (as tests do), which
    /// cannot be stored; RunPlan always sets it.
    public let model: ResolvedModel?
    public let durationHours: Double
    public let sampleEveryHours: Double
    /// Events the run may process; nil for `RunLimits.defaultMaxEvents` of its agents and hours.
    /// Not part of the run's identity: a run that ends normally is the same under any budget.
    public let maxEvents: Int?

    public struct Parameter: Sendable, Equatable {
        public let path: String
        public let value: JSONValue

        public init(path: String, value: JSONValue) {
            self.path = path
            self.value = value
        }

        /// The path of the agent count, which the result files give as `agents`.
        public static let agentCount = "agents.count"

        /// Whether the parameter has a column of its own in the result files (`Scenario.parameterColumns`).
        public var isColumn: Bool {
            path != Parameter.agentCount
        }
    }

    public init(scenario: String, variant: String, point: Int, parameters: [Parameter], replicate: Int, seed: UInt64,
                config: ModelConfig, model: ResolvedModel? = nil, durationHours: Double, sampleEveryHours: Double, maxEvents: Int? = nil) {
        self.scenario = scenario
        self.variant = variant
        self.point = point
        self.parameters = parameters
        self.replicate = replicate
        self.seed = seed
        self.config = config
        self.model = model
        self.durationHours = durationHours
        self.sampleEveryHours = sampleEveryHours
        self.maxEvents = maxEvents
    }

    /// The seed of replicate `replicate` of a scenario seeded with `scenarioSeed`: independent of how
    /// many replicates are asked for, so adding replicates later never changes earlier ones. Kept
    /// below 10^15, at most 15 significant digits, so that it survives exactly wherever numbers are
    /// doubles and wherever they are shown to 15 digits, as spreadsheets keep them (LibreOffice
    /// turns 5890180217036434 into 5890180217036430), and a run can be reproduced from the seed a
    /// user reads in runs.csv.
    public static func seed(scenarioSeed: UInt64, replicate: Int) -> UInt64 {
        RandomStreams(seed: scenarioSeed).streamSeed("replicate", index: replicate) % maxSeed
    }

    /// Run seeds lie below this: 10^15.
    public static let maxSeed: UInt64 = 1_000_000_000_000_000
}
