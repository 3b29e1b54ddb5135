import SwarmKernel

/// Every parameter of one simulated run, with defaults filled in: what a variant at a sweep point
/// resolves to. Units are hours for time, probabilities in [0, 1]. docs/ODD.md explains the mechanisms;
/// docs/MODEL-REFERENCE.md lists each field with its default.
public struct ModelConfig: Sendable, Equatable {
    public var agents = AgentsConfig()
    public var codebase = CodebaseConfig()
    public var tasks = TasksConfig()
    /// Named trait profiles (F11), sorted by name; "default" always exists.
    public var profiles: [String: ProfileConfig] = ["default": ProfileConfig()]
    public var roles = RolesConfig()
    public var board = BoardConfig()
    public var locks = LocksConfig()
    public var work = WorkConfig()
    public var conflicts = ConflictsConfig()
    public var commits = CommitsConfig()
    public var build = BuildConfig()
    public var drift = DriftConfig()
    public var topology = TopologyConfig()

    public init() {}
}

public struct AgentsConfig: Sendable, Equatable {
    /// Agents in the run, every role included (planners, judge and integrators are agents too).
    public var count = 20

    public init() {}

    public init(count: Int) {
        self.count = count
    }
}

public struct CodebaseConfig: Sendable, Equatable {
    /// Subsystems; a task touches files of one area (plus the odd shared file).
    public var areas = 16
    public var filesPerArea = 40
    /// Zipf exponent of file choice within an area: the hotspot skew.
    public var hotspotSkew = 1.1
    /// Chance that each task also touches a hotspot file of another area.
    public var crossAreaProbability = 0.05

    public init() {}

    public init(areas: Int, filesPerArea: Int, hotspotSkew: Double, crossAreaProbability: Double) {
        self.areas = areas
        self.filesPerArea = filesPerArea
        self.hotspotSkew = hotspotSkew
        self.crossAreaProbability = crossAreaProbability
    }
}

public struct TasksConfig: Sendable, Equatable {
    /// Size of the goal's backlog; nil for an endless stream of work.
    public var count: Int?
    /// Files a task touches beyond the first.
    public var extraFiles = Distribution(.poisson(mean: 1.5))
    /// Difficulty d in [0, 1].
    public var difficulty = Distribution(.beta(a: 2, b: 3))
    /// Effort of an easy task in nominal agent-hours; scaled by (1 + hard_effort_factor * d).
    public var effortHours = Distribution(.lognormal(mean: 1.5, sd: 0.75))
    public var hardEffortFactor = 1.0
    /// Difficulty above which a task counts as hard.
    public var hardThreshold = 0.6
    /// Chance that a task depends on the task before it (it cannot start until that one lands).
    public var dependencyProbability = 0.0
    /// Tasks known at a time (a milestone), per agent of the swarm, handed out smallest first as
    /// planners estimate them (Backlog); 0 hands tasks out in the order they are drawn.
    public var milestoneTasksPerAgent = 13.0
    /// Planners' error in a task's size: the sd of the log of estimated over true effort.
    public var sizeEstimateSD = 0.5

    public init() {}

    public init(count: Int?, extraFiles: Distribution, difficulty: Distribution, effortHours: Distribution,
                hardEffortFactor: Double, hardThreshold: Double, dependencyProbability: Double, milestoneTasksPerAgent: Double,
                sizeEstimateSD: Double) {
        self.count = count
        self.extraFiles = extraFiles
        self.difficulty = difficulty
        self.effortHours = effortHours
        self.hardEffortFactor = hardEffortFactor
        self.hardThreshold = hardThreshold
        self.dependencyProbability = dependencyProbability
        self.milestoneTasksPerAgent = milestoneTasksPerAgent
        self.sizeEstimateSD = sizeEstimateSD
    }
}

/// Traits of one kind of model (F11); each agent draws its own from its role's profile.
public struct ProfileConfig: Sendable, Equatable {
    /// theta in P(attempt correct) = logistic(gain * (theta - d)).
    public var competence = Distribution(.normal(mean: 0.9, sd: 0.1, min: 0, max: 2))
    /// Work rate relative to nominal: a task of effort E takes E / speed hours.
    public var speed = Distribution(.constant(1))
    /// rho: how strongly an agent that picks its own work avoids hard tasks and makes busywork.
    public var riskAversion = Distribution(.beta(a: 4, b: 4))
    /// Rate per working hour of giving up on a task before finishing (partial work is lost).
    public var earlyStopPerHour = Distribution(.constant(0.02))
    /// Multiplier >= 1 on how long a lock is held beyond the critical section.
    public var holdInflation = Distribution(.uniform(min: 1, max: 2))
    public var forgetReleaseProbability = Distribution(.constant(0.03))
    public var crashWhileHoldingProbability = Distribution(.constant(0.005))
    public var unlockedWriteProbability = Distribution(.constant(0.02))
    /// q in [0, 1]: how fully the agent's prompts and specifications say what is meant. A task it
    /// writes has specification quality q times its own chance of understanding the task.
    public var specificationQuality = Distribution(.constant(1))
    public var inputTokensPerHour = 1_500_000.0
    public var outputTokensPerHour = 60_000.0
    public var usdPerMillionInputTokens = 3.0
    public var usdPerMillionOutputTokens = 15.0

    public init() {}

    public init(competence: Distribution, speed: Distribution, riskAversion: Distribution,
                earlyStopPerHour: Distribution, holdInflation: Distribution, forgetReleaseProbability: Distribution,
                crashWhileHoldingProbability: Distribution, unlockedWriteProbability: Distribution,
                specificationQuality: Distribution, inputTokensPerHour: Double, outputTokensPerHour: Double,
                usdPerMillionInputTokens: Double, usdPerMillionOutputTokens: Double) {
        self.competence = competence
        self.speed = speed
        self.riskAversion = riskAversion
        self.earlyStopPerHour = earlyStopPerHour
        self.holdInflation = holdInflation
        self.forgetReleaseProbability = forgetReleaseProbability
        self.crashWhileHoldingProbability = crashWhileHoldingProbability
        self.unlockedWriteProbability = unlockedWriteProbability
        self.specificationQuality = specificationQuality
        self.inputTokensPerHour = inputTokensPerHour
        self.outputTokensPerHour = outputTokensPerHour
        self.usdPerMillionInputTokens = usdPerMillionInputTokens
        self.usdPerMillionOutputTokens = usdPerMillionOutputTokens
    }
}

/// Which profile each role uses.
public struct RolesConfig: Sendable, Equatable {
    public var peer = "default"
    public var planner = "default"
    public var worker = "default"
    public var judge = "default"
    public var integrator = "default"

    public init() {}

    public init(peer: String, planner: String, worker: String, judge: String, integrator: String) {
        self.peer = peer
        self.planner = planner
        self.worker = worker
        self.judge = judge
        self.integrator = integrator
    }
}

/// The shared task board of the peer topologies.
public struct BoardConfig: Sendable, Equatable {
    /// Time of one board operation (read, claim or mark done) on an empty board.
    public var operationHours = Distribution(.exponential(mean: 0.04))
    /// Extra time per entry on the board (the coherency cost of a growing shared file).
    public var hoursPerEntry = 0.002
    /// Open tasks listed on the board per agent.
    public var openTasksPerAgent = 2.0
    /// Done entries kept on the board before they are archived.
    public var doneEntriesKept = 20
    /// Chance per pick of making busywork instead, scaled by the agent's risk aversion.
    public var busyworkProbability = 0.5
    public var busyworkHours = Distribution(.exponential(mean: 0.3))
    /// k in the choice weight exp(-k * rho * d).
    public var avoidanceStrength = 8.0
    /// optimistic: the backoff window after a first failed versioned write (about one operation on
    /// an empty board); it doubles with each further failure of the same operation.
    public var retryBackoffHours = 0.05
    /// optimistic: the largest backoff window (about one task's effort: nobody waits out longer).
    public var retryBackoffMaxHours = 2.0

    public init() {}

    public init(operationHours: Distribution, hoursPerEntry: Double, openTasksPerAgent: Double, doneEntriesKept: Int,
                busyworkProbability: Double, busyworkHours: Distribution, avoidanceStrength: Double,
                retryBackoffHours: Double, retryBackoffMaxHours: Double) {
        self.operationHours = operationHours
        self.hoursPerEntry = hoursPerEntry
        self.openTasksPerAgent = openTasksPerAgent
        self.doneEntriesKept = doneEntriesKept
        self.busyworkProbability = busyworkProbability
        self.busyworkHours = busyworkHours
        self.avoidanceStrength = avoidanceStrength
        self.retryBackoffHours = retryBackoffHours
        self.retryBackoffMaxHours = retryBackoffMaxHours
    }
}

public enum LockAcquisition: String, Sendable, CaseIterable {
    case fifo
    case polling
}

public struct LocksConfig: Sendable, Equatable {
    public var acquisition = LockAcquisition.fifo
    /// Polling agents retry after this long.
    public var pollIntervalHours = 0.02
    /// A forgotten or orphaned lock is cleared when its lease runs out.
    public var leaseHours = 0.5
    /// Whether peers also lock the files their task touches while working.
    public var fileLocks = false
    /// Time an agent needs to come back after crashing.
    public var restartHours = Distribution(.constant(0.25))

    public init() {}

    public init(acquisition: LockAcquisition, pollIntervalHours: Double, leaseHours: Double, fileLocks: Bool,
                restartHours: Distribution) {
        self.acquisition = acquisition
        self.pollIntervalHours = pollIntervalHours
        self.leaseHours = leaseHours
        self.fileLocks = fileLocks
        self.restartHours = restartHours
    }
}

public struct WorkConfig: Sendable, Equatable {
    /// gain in P(correct) = logistic(gain * (theta - d)).
    public var competenceGain = 6.0
    /// Per-attempt noise: attempt time is multiplied by a log-normal draw with mean 1 and this sd.
    public var attemptNoise = 0.3
    /// Chance that an agent's own checks catch a wrong attempt (then it reworks).
    public var selfCheckProbability = 0.7
    /// Rework time as a share of the task's attempt time.
    public var reworkFraction = 0.5

    public init() {}

    public init(competenceGain: Double, attemptNoise: Double, selfCheckProbability: Double, reworkFraction: Double) {
        self.competenceGain = competenceGain
        self.attemptNoise = attemptNoise
        self.selfCheckProbability = selfCheckProbability
        self.reworkFraction = reworkFraction
    }
}

public struct ConflictsConfig: Sendable, Equatable {
    public var rebaseHoursPerFile = 0.05
    /// Chance per conflicting file that the rebase fails and the task must be redone.
    public var rebaseFailProbability = 0.05

    public init() {}

    public init(rebaseHoursPerFile: Double, rebaseFailProbability: Double) {
        self.rebaseHoursPerFile = rebaseHoursPerFile
        self.rebaseFailProbability = rebaseFailProbability
    }
}

public enum CommitPolicy: String, Sendable, CaseIterable {
    case strict
    case tolerant
}

/// tolerant: which checks a break on main fails.
public enum BreakScope: String, Sendable, CaseIterable {
    /// Checks of changes that touch the broken change's area (a modular codebase).
    case area
    /// Every check (a monolith whose tests all depend on everything).
    case main
}

public struct CommitsConfig: Sendable, Equatable {
    public var policy = CommitPolicy.tolerant
    /// strict: the full gate every commit passes, one at a time, on a green main.
    public var gateHours = Distribution(.exponential(mean: 0.05))
    /// strict: chance the gate catches a broken change (it goes back for rework).
    public var gateDetection = 0.9
    /// strict: time to repair main once it is red; every landing waits meanwhile.
    public var repairHours = Distribution(.exponential(mean: 1))
    /// tolerant: the quick check before landing.
    public var quickCheckHours = Distribution(.constant(0.01))
    /// tolerant: effort of the task that fixes a break, as a share of the broken task's effort.
    public var fixEffortFraction = 0.1
    /// tolerant: chance that a quick check on a red main fails for the break, not the change.
    public var redMainFailureProbability = 0.5
    /// tolerant: which checks a break fails.
    public var breakScope = BreakScope.area

    public init() {}

    public init(policy: CommitPolicy, gateHours: Distribution, gateDetection: Double, repairHours: Distribution,
                quickCheckHours: Distribution, fixEffortFraction: Double, redMainFailureProbability: Double,
                breakScope: BreakScope) {
        self.policy = policy
        self.gateHours = gateHours
        self.gateDetection = gateDetection
        self.repairHours = repairHours
        self.quickCheckHours = quickCheckHours
        self.fixEffortFraction = fixEffortFraction
        self.redMainFailureProbability = redMainFailureProbability
        self.breakScope = breakScope
    }
}

public struct BuildConfig: Sendable, Equatable {
    /// Shared build/test slots every finished attempt must pass through; 0 = none shared (F10).
    public var slots = 0
    public var hours = Distribution(.exponential(mean: 0.1))

    public init() {}

    public init(slots: Int, hours: Distribution) {
        self.slots = slots
        self.hours = hours
    }
}

public struct DriftConfig: Sendable, Equatable {
    /// m(a) = initial + (max - initial)(1 - exp(-a / tau)): misalignment at context age a.
    public var initialMisalignment = 0.02
    public var maxMisalignment = 0.3
    public var tauHours = 120.0
    /// Context age at which a lone planner's focus has narrowed to its current area (tunnel vision).
    public var focusTauHours = 48.0
    /// Trailing window of the drift metric.
    public var windowHours = 24.0
    /// Hours of reverting per nominal agent-hour of misaligned work found in a file (World+Drift).
    public var revertFraction = 0.5

    public init() {}

    public init(initialMisalignment: Double, maxMisalignment: Double, tauHours: Double, focusTauHours: Double, windowHours: Double,
                revertFraction: Double) {
        self.initialMisalignment = initialMisalignment
        self.maxMisalignment = maxMisalignment
        self.tauHours = tauHours
        self.focusTauHours = focusTauHours
        self.windowHours = windowHours
        self.revertFraction = revertFraction
    }
}

public struct TopologyConfig: Sendable, Equatable {
    public var kind = TopologyKind.plannerWorker
    /// Most workers or sub-planners a planner leads before it delegates to sub-planners.
    public var span = 12
    /// Levels of planners the hierarchy is shaped for; a larger swarm gets the levels it needs.
    public var maxDepth = 3
    /// false: one planner leads every worker (no sub-planners).
    public var recursive = true
    /// A planner's time to write one task, or one batch for a sub-planner.
    public var planningHours = Distribution(.exponential(mean: 0.05))
    public var judge = JudgeConfig()
    /// integrator topology: reviewers every change queues for.
    public var integrators = 1
    public var reviewHours = Distribution(.exponential(mean: 0.1))
    public var reviewHoursPerConflict = 0.02
    /// continuous-executor: the lead's hazard per hour of declaring the goal done, at full
    /// misalignment (scaled by m(a) / mmax at its context age a).
    public var prematureCompletionPerHour = 0.02

    public init() {}

    public init(kind: TopologyKind, span: Int, maxDepth: Int, recursive: Bool, planningHours: Distribution,
                judge: JudgeConfig, integrators: Int, reviewHours: Distribution, reviewHoursPerConflict: Double,
                prematureCompletionPerHour: Double) {
        self.kind = kind
        self.span = span
        self.maxDepth = maxDepth
        self.recursive = recursive
        self.planningHours = planningHours
        self.judge = judge
        self.integrators = integrators
        self.reviewHours = reviewHours
        self.reviewHoursPerConflict = reviewHoursPerConflict
        self.prematureCompletionPerHour = prematureCompletionPerHour
    }
}

/// The judge of planner-worker cycles (F9): fresh starts reset context age.
public struct JudgeConfig: Sendable, Equatable {
    public var enabled = true
    public var cycleHours = 24.0
    /// Every agent's pause when a cycle restarts fresh.
    public var restartHours = 0.25

    public init() {}

    public init(enabled: Bool, cycleHours: Double, restartHours: Double) {
        self.enabled = enabled
        self.cycleHours = cycleHours
        self.restartHours = restartHours
    }
}
