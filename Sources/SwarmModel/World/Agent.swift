/// The roles an agent can play; each role draws traits from the profile `roles` names for it.
public enum Role: UInt8, CaseIterable, Sendable {
    case peer, planner, worker, judge, integrator

    /// The role's name in a trace (`RunTrace`).
    public var name: String {
        switch self {
        case .peer: return "peer"
        case .planner: return "planner"
        case .worker: return "worker"
        case .judge: return "judge"
        case .integrator: return "integrator"
        }
    }
}

/// Where an agent's time goes. Every agent is in exactly one activity at a time, and every activity
/// counts in exactly one of the eight shares reported per run (`shares`, `share`): the first eight
/// cases are the shares themselves; the later ones name, for a trace, what the model knows an agent
/// is doing inside a share, so a trace can show a build apart from a wait for the gate while the
/// shares, and every result, stay as they were.
public enum Activity: Int, CaseIterable, Sendable {
    /// Attempting a task (or making busywork).
    case working
    /// Redoing an attempt its own checks or a gate rejected.
    case reworking
    case rebasing
    /// Waiting to be granted a lock.
    case lockWait
    /// Board operations, planning, reviewing, judging: coordination work.
    case coordinating
    /// Waiting on shared machinery: build slots, the commit gate, a red main, a planner.
    case blocked
    /// Nothing to do.
    case idle
    /// Coming back after a crash or a fresh start.
    case restarting
    /// Writing a plan or a batch of tasks (a planner or a lead); counted in `coordinating`.
    case planning
    /// Reviewing a change handed over (an integrator); counted in `coordinating`.
    case reviewing
    /// The quick check before landing (tolerant commits); counted in `coordinating`.
    case checking
    /// Waiting for a free build slot; counted in `blocked`.
    case waitingForBuild
    /// A change building in a build slot; counted in `blocked`.
    case building
    /// Waiting in line for the commit gate (strict commits); counted in `blocked`.
    case waitingForGate
    /// The change in the commit gate (strict commits); counted in `blocked`.
    case inGate

    /// The shares runs.csv reports, in the order of their counters: each activity is counted in one.
    public static let shares: [Activity] = [.working, .reworking, .rebasing, .lockWait, .coordinating, .blocked, .idle, .restarting]

    /// The share this activity's time counts in: itself for a share, the share it details otherwise.
    public var share: Activity {
        switch self {
        case .working, .reworking, .rebasing, .lockWait, .coordinating, .blocked, .idle, .restarting: return self
        case .planning, .reviewing, .checking: return .coordinating
        case .waitingForBuild, .building, .waitingForGate, .inGate: return .blocked
        }
    }

    /// The activity's name in a trace (`RunTrace`).
    public var name: String {
        switch self {
        case .working: return "working"
        case .reworking: return "reworking"
        case .rebasing: return "rebasing"
        case .lockWait: return "lock wait"
        case .coordinating: return "coordinating"
        case .blocked: return "blocked"
        case .idle: return "idle"
        case .restarting: return "restarting"
        case .planning: return "planning"
        case .reviewing: return "reviewing"
        case .checking: return "checking"
        case .waitingForBuild: return "waiting for a build slot"
        case .building: return "building"
        case .waitingForGate: return "waiting for the gate"
        case .inGate: return "in the gate"
        }
    }

    /// Whether this activity spends tokens: as its share does.
    var isActive: Bool {
        switch share {
        case .working, .reworking, .rebasing, .coordinating, .restarting: return true
        default: return false
        }
    }
}

/// What the agent's pending step event means when it fires.
enum AgentStep: UInt8 {
    case none
    /// A task attempt (or rework) ends.
    case attempt
    /// An attempt ends early: the agent gives up.
    case giveUp
    case rebase
    case build
    /// strict: the commit gate finishes with this change.
    case gate
    /// tolerant: the quick check before landing.
    case quickCheck
    case busywork
    /// Reverting misaligned work found in the task's files, before the attempt (World+Drift).
    case revert
    /// A topology-defined step (board operation, planning, review); the topology knows which.
    case topology
    /// A polling agent retries its lock.
    case pollLock
    case restart
}

/// One agent's state while a run goes on: what every topology shares. A topology keeps its own
/// per-agent state (a peer's board claim, a planner's queue) itself.
struct Agent {
    let role: Role
    let traits: AgentTraits
    var activity = Activity.idle
    var activitySince = 0.0
    /// Bumped when the agent crashes or is reset, so its stale step events are ignored.
    var generation: UInt32 = 0
    var step = AgentStep.none
    /// The task in hand (a slot in the backlog's pool), or -1.
    var task: Int32 = -1
    /// Whether the current attempt is correct, and how long it took (rework is a share of it).
    var attemptCorrect = false
    /// The current attempt went in a wrong direction (the agent's own drift).
    var attemptMisaligned = false
    var attemptHours = 0.0
    /// Conflicting files of the rebase in progress.
    var rebaseFiles = 0
    /// The commit the agent last synced to: files changed after it are conflicts.
    var baseCommit = 0
    /// When the agent last started fresh: its context age is now minus this.
    var contextStart = 0.0
    /// A fresh start was called while the agent was busy: it restarts at its next free moment.
    var restartPending = false
    /// The lock the agent waits for or polls, or -1.
    var awaitedLock: Int32 = -1
    /// The change the agent is landing is busywork (no goal value).
    var busywork = false

    init(role: Role, traits: AgentTraits) {
        self.role = role
        self.traits = traits
    }
}
