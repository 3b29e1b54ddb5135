import DequeModule
import Foundation

/// `continuous-executor` (F5): one lead holds every role. It plans each task, hands it to a worker,
/// merges every finished change itself and decides when the goal is done; nobody judges it and it
/// never starts fresh, so its context only ages and it degrades.
///
/// - Roles: agent 0 is the lead (traits from `roles.planner`), the rest workers (`roles.worker`).
///   There is no judge and no sub-planner (`topology.judge.*`, `recursive`, `max_depth` and
///   `integrators` are not used). A lone agent is its own lead and only worker: it plans a task,
///   works it, then reviews and merges it, one thing after another.
/// - One thing at a time: the lead is either writing a task (`topology.planning_hours`) or
///   reviewing a change (`topology.review_hours` plus `review_hours_per_conflict` per conflicting
///   file, as an integrator does; `commits.gate_detection` catches broken changes, which go back
///   to the backlog); merging comes first, so a change never waits while the lead plans. Workers
///   hand their built change over and are free at once (no rebase, no commit policy: the lead
///   merges). A worker the lead is writing a task for waits for it (`blocked`); a worker the lead
///   leaves without work is `idle` ("it idles").
/// - Few, narrow tasks: the lead keeps at most max(1, round(`topology.span` x (1 - focus(a))))
///   tasks out (handed out and not yet merged or given up) at its context age a, with planner
///   focus(a) = 1 - exp(-a / `drift.focus_tau_hours`); and it writes them as planner-worker's
///   planners do, with tunnel vision over every area and misalignment m(a) on each task. A task
///   written while the cap shrank below the tasks out goes back to the backlog unhanded.
/// - Premature completion: the lead declares the goal done at a hazard of
///   `topology.premature_completion_per_hour` x m(a) / mmax per hour (drawn once per run, from
///   its own stream, by inverting the integrated hazard). From then on it hands out nothing more;
///   it still merges the changes already out, then everyone idles until the run ends. Early stops
///   put a task back in the backlog and free the worker, as in planner-worker.
///
/// With degradation off (focus and misalignment constant, no premature completion) this is a
/// single planner that also integrates: its service time per task is a planning plus a review.
struct ContinuousExecutorTopology: Topology {
    /// The one timer: the lead declares the goal done.
    private static let completionTimer: Int32 = 0

    /// The lead: agent 0.
    let lead = AgentID(0)
    /// Every area: the lead owns the whole goal.
    private let areas: [Int32]
    /// The area the lead last planned for.
    private var currentArea = 0
    /// Agents free for a task, first freed first served (the lead itself when it is the lone agent).
    private var free = Deque<AgentID>()
    /// The worker the lead is writing a task for, if any.
    private(set) var writingFor: AgentID?
    /// Changes waiting for the lead to merge them.
    private var queue = ReviewQueue()
    /// The change the lead is merging.
    private(set) var merging: HandedOverChange?
    /// Tasks handed out and not yet merged or given up (being worked, or waiting for the lead).
    private(set) var tasksOut = 0
    /// The lead has declared the goal done: it hands out nothing more.
    private(set) var declaredDone = false
    /// The goal had nothing to hand out when the lead last tried; it tries again after a landing
    /// or a task going back (either may make one ready).
    private var starved = false
    /// When the lead declares completion (infinity: never).
    let completionTime: Double

    static func roles(for config: ModelConfig) -> [Role] {
        [.planner] + Array(repeating: .worker, count: max(config.agents.count - 1, 0))
    }

    static func lockCount(for config: ModelConfig) -> Int { 0 }

    init(world: inout World) {
        let agents = world.agents.count
        areas = (0..<world.config.codebase.areas).map(Int32.init)
        free.reserveCapacity(agents)
        for agent in ((agents == 1 ? 0 : 1)..<agents).agents { free.append(agent) }
        var stream = world.streams.stream("lead.completion")
        completionTime = Self.completionTime(world.config, exponential: -log(1 - stream.nextUnit()), misalignment: world.misalignment)
        if completionTime.isFinite {
            world.events.schedule(.topologyTimer(Self.completionTimer), at: completionTime)
        }
    }

    /// The context age at which the integrated hazard reaches `exponential` (an Exp(1) draw): the
    /// hazard is h x m(a) / mmax, so its integral to age t is h / mmax x (integral of m to t).
    static func completionTime(_ config: ModelConfig, exponential: Double, misalignment: Misalignment) -> Double {
        let rate = config.topology.prematureCompletionPerHour, maximum = config.drift.maxMisalignment
        guard rate > 0, maximum > 0 else { return .infinity }
        let integrated = { (t: Double) in rate / maximum * misalignment.accumulated(age: t) }
        var high = 1.0
        while integrated(high) < exponential {
            high *= 2
            if high > 1e12 { return .infinity }
        }
        var low = 0.0
        for _ in 0..<200 where high - low > 1e-9 * high {
            let middle = (low + high) / 2
            if integrated(middle) < exponential { low = middle } else { high = middle }
        }
        return high
    }

    /// Most tasks the lead keeps out at context age `age`: its span, narrowed by its focus.
    static func cap(_ config: ModelConfig, misalignment: Misalignment, age: Double) -> Int {
        max(1, Int((Double(config.topology.span) * (1 - misalignment.focus(age: age))).rounded()))
    }

    /// Most tasks the lead keeps out now.
    func cap(_ world: World) -> Int {
        Self.cap(world.config, misalignment: world.misalignment, age: world.contextAge(lead))
    }

    /// One planner (the lead) on one level.
    var planners: Int { 1 }
    var depth: Int { 1 }
    var integratorQueueLength: Int { queue.count }
    /// The lead merges every change.
    var reviewers: Int? { 1 }
    var heldTasks: [Int32] { queue.tasks + (merging.map { [$0.task] } ?? []) }

    mutating func agentReady(_ a: AgentID, _ world: inout World) {
        if a != lead && a != writingFor && world.agents[a].task < 0 { world.setActivity(a, .idle) }
        leadNext(&world)
    }

    /// The lead, when free, merges the first change waiting; else writes a task for the first free
    /// worker if it keeps fewer tasks out than its cap (and has not declared the goal done); else rests.
    private mutating func leadNext(_ world: inout World) {
        guard world.agents[lead].step == .none, merging == nil, writingFor == nil else { return }
        if let change = queue.popFirst(&world) {
            merging = change
            world.beginReview(change, by: lead)
            return
        }
        if !declaredDone && !starved && tasksOut < cap(world), let worker = free.popFirst() {
            writingFor = worker
            if worker != lead { world.setActivity(worker, .blocked) }
            world.schedule(lead, .topology, after: world.planningHours(of: lead), doing: .planning)
            return
        }
        world.setActivity(lead, .idle)
    }

    mutating func stepEnded(_ a: AgentID, _ world: inout World) {
        // The lead's `.topology` step is a merge when it has a change in hand, else a task written.
        if let change = merging {
            merging = nil
            tasksOut -= 1
            starved = false
            world.endReview(change, by: lead)
        } else if let worker = writingFor {
            writingFor = nil
            taskWritten(for: worker, &world)
        }
        leadNext(&world)
    }

    /// The lead has written a task for `worker`: it hands it out, unless the goal had nothing to
    /// hand out, or it has declared the goal done or narrowed its cap meanwhile (the task then goes
    /// back to the backlog).
    private mutating func taskWritten(for worker: AgentID, _ world: inout World) {
        var direction: Bool?
        guard let slot = world.planTask(by: lead, areas: areas, currentArea: &currentArea, direction: &direction) else {
            starved = true
            unused(worker, &world)
            return
        }
        guard !declaredDone && tasksOut < cap(world) else {
            world.backlog.giveBack(slot)
            unused(worker, &world)
            return
        }
        tasksOut += 1
        world.assign(slot, to: worker)
        world.beginAttempt(worker)
    }

    /// `worker` gets nothing now: it is first in line for the next task.
    private mutating func unused(_ worker: AgentID, _ world: inout World) {
        free.prepend(worker)
        if worker != lead { world.setActivity(worker, .idle) }
    }

    /// A worker hands its built change to the lead and is free again.
    mutating func submit(_ a: AgentID, _ world: inout World) -> Bool {
        queue.append(from: a, &world)
        workerFree(a, &world)
        return true
    }

    /// Worker `a` has nothing in hand: it waits, idle, for the lead to give it something.
    private mutating func workerFree(_ a: AgentID, _ world: inout World) {
        free.append(a)
        if a != lead { world.setActivity(a, .idle) }
        leadNext(&world)
    }

    mutating func lockGranted(_ a: AgentID, _ world: inout World) {}

    /// Not called: every change is handed over to the lead.
    mutating func landed(_ a: AgentID, _ world: inout World) {}

    mutating func abandoned(_ a: AgentID, _ world: inout World) {
        world.backlog.giveBack(world.agents[a].task)
        world.dropTask(a)
        tasksOut -= 1
        starved = false
        workerFree(a, &world)
    }

    /// The lead declares the goal done.
    mutating func timer(_ id: Int32, _ world: inout World) {
        declaredDone = true
    }
}
