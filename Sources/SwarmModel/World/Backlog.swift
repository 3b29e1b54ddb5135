import Foundation
import DequeModule
import SwarmKernel

/// The goal's work, as one sequence of tasks per area: task k of area a is drawn from its own
/// random stream, so it is the same task in every topology compared (common random numbers).
///
/// Work is known a milestone at a time: each area's next tasks, `tasks.milestone_tasks_per_agent`
/// for each agent of the swarm split evenly over the areas (so a milestone lasts about as many
/// hours whatever the swarm's size), are drawn together and handed out smallest first as planners
/// estimate them (least estimated effort, then id; estimates are off by a log-normal factor,
/// `tasks.size_estimate_sd`), so each milestone front-loads its quick, independent work and ends on
/// its largest tasks, and the next milestone of the area is drawn when the last of this one is
/// handed out. Every area starts a milestone at
/// hour 0, which is what gives a run its early peak of landings; the areas drift apart later.
///
/// Planners, who own areas, take the next task of an area directly. Peers, who share one board,
/// take tasks in a global order that interleaves the areas (the area of the i-th task comes from a
/// stream of its own). Either way nothing is drawn ahead of need, so memory follows open work, not
/// simulated time. A task given back (abandoned, rejected) is handed out again first; a task that
/// depends on the previous task of its area waits aside until that one lands.
struct Backlog {
    let config: TasksConfig
    let streams: RandomStreams
    let areas: Int
    private(set) var pool = TaskPool()
    /// Tasks of each area drawn so far.
    private var drawn: [Int]
    /// Tasks of each area the goal holds (all unlimited for an endless stream).
    private let quota: [Int]
    /// Tasks handed back or released from waiting, per area, to be handed out again first.
    private var ready: [Deque<Int32>]
    /// Each area's milestone tasks not handed out yet, largest first (the next one is last).
    private var milestone: [[Int32]]
    /// Tasks of an area's milestone.
    private let milestoneSize: Int
    /// Slots of tasks waiting for the task with the key's id to land.
    private var waitingOn: [Int: Int32] = [:]
    /// Ids of landed tasks that have a dependent task drawn after them.
    private var landedIDs: Set<Int> = []
    /// Draws the area of each next task in the global order.
    private var order: Xoshiro256StarStar
    /// Tasks handed out, and the hard ones among them: the backlog's hard share for avoidance.
    private(set) var offered = 0
    private(set) var hardOffered = 0
    private var fileScratch: [Int32] = []
    /// Most tasks drawn for one request: with dependency probability at most 0.9 (validated), a
    /// run of this many tasks all waiting on their predecessors has probability below 1e-45.
    private static let drawLimit = 1_000

    init(config: TasksConfig, areas: Int, agents: Int, streams: RandomStreams) {
        self.config = config
        self.streams = streams
        self.areas = areas
        drawn = Array(repeating: 0, count: areas)
        ready = Array(repeating: Deque(), count: areas)
        milestone = Array(repeating: [], count: areas)
        milestoneSize = max(1, Int((config.milestoneTasksPerAgent * Double(agents) / Double(areas)).rounded()))
        order = streams.stream("task.order")
        if let count = config.count {
            var counts = Array(repeating: 0, count: areas)
            var preview = order
            for _ in 0..<count { counts[preview.nextInt(below: areas)] += 1 }
            quota = counts
        } else {
            quota = Array(repeating: Int.max, count: areas)
        }
    }

    /// The next task in the global order, or nil when the goal has none left to hand out.
    mutating func nextInOrder(codebase: Codebase) -> Int32? {
        for area in 0..<areas where !ready[area].isEmpty {
            return hand(ready[area].popFirst()!)
        }
        for _ in 0..<Self.drawLimit where (0..<areas).contains(where: hasWorkToDraw) {
            let area = order.nextInt(below: areas)
            guard hasWorkToDraw(in: area) else { continue }
            if let slot = nextOfMilestone(in: area, codebase: codebase) { return hand(slot) }
        }
        return nil
    }

    /// The next task of `area`, or nil when the goal has none left there (or only waiting ones).
    mutating func next(inArea area: Int, codebase: Codebase) -> Int32? {
        if let slot = ready[area].popFirst() { return hand(slot) }
        for _ in 0..<Self.drawLimit where hasWorkToDraw(in: area) {
            if let slot = nextOfMilestone(in: area, codebase: codebase) { return hand(slot) }
        }
        return nil
    }

    /// Whether `area` has milestone tasks left or goal tasks not drawn yet.
    private func hasWorkToDraw(in area: Int) -> Bool {
        !milestone[area].isEmpty || drawn[area] < quota[area]
    }

    /// The smallest task left in `area`'s milestone, drawing the next milestone first if this one is
    /// handed out; nil when every task drawn for it waits for its predecessor.
    private mutating func nextOfMilestone(in area: Int, codebase: Codebase) -> Int32? {
        if milestone[area].isEmpty {
            for _ in 0..<min(milestoneSize, quota[area] - drawn[area]) {
                if let slot = draw(in: area, codebase: codebase) { milestone[area].append(slot) }
            }
            milestone[area].sort { (pool[$0].estimatedEffort, pool[$0].id) > (pool[$1].estimatedEffort, pool[$1].id) }
        }
        return milestone[area].popLast()
    }

    /// Draws the next task of `area`; nil when it must wait for its predecessor (it is set aside).
    private mutating func draw(in area: Int, codebase: Codebase) -> Int32? {
        let slot = generate(area: area, index: drawn[area], codebase: codebase)
        drawn[area] += 1
        let predecessor = pool[slot].id - areas
        if pool[slot].dependsOnPrevious && !landedIDs.contains(predecessor) {
            waitingOn[predecessor] = slot
            return nil
        }
        landedIDs.remove(predecessor)
        return slot
    }

    private mutating func hand(_ slot: Int32) -> Int32 {
        if !pool[slot].isFix {
            offered += 1
            if pool[slot].hard { hardOffered += 1 }
        }
        return slot
    }

    /// Puts a task back, to be handed out again before new work of its area.
    mutating func giveBack(_ slot: Int32) {
        if !pool[slot].isFix {
            offered -= 1
            if pool[slot].hard { hardOffered -= 1 }
        }
        ready[Int(pool[slot].area)].append(slot)
    }

    /// Writes the fix for a break the task in `broken` caused (tolerant): no goal value, the same
    /// area and files, as hard, `effortFraction` of its effort. Returns its slot; nobody holds it.
    mutating func addFix(for broken: Int32, effortFraction: Double) -> Int32 {
        let task = pool[broken]
        var fix = TaskRecord(id: -1, area: task.area, difficulty: task.difficulty, effort: effortFraction * task.effort,
                             estimatedEffort: effortFraction * task.estimatedEffort, hard: task.hard, dependsOnPrevious: false)
        fix.isFix = true
        fileScratch.removeAll(keepingCapacity: true)
        fileScratch.append(contentsOf: pool.files(of: broken))
        return pool.insert(fix, files: fileScratch)
    }

    /// Puts the fix in `slot` first in line in its area.
    mutating func queueFirst(_ slot: Int32) {
        ready[Int(pool[slot].area)].prepend(slot)
    }

    /// Records that `slot`'s task landed, releasing a task that waited for it. Returns false when
    /// it had already landed (duplicate work).
    mutating func markDone(_ slot: Int32) -> Bool {
        guard !pool[slot].done else { return false }
        pool[slot].done = true
        guard !pool[slot].isFix else { return true }
        let id = pool[slot].id
        if let dependent = waitingOn.removeValue(forKey: id) {
            ready[Int(pool[dependent].area)].append(dependent)
        } else if config.dependencyProbability > 0 && drawnID(after: id) == nil {
            landedIDs.insert(id)
        }
        return true
    }

    /// The id of the task after `id` in its area, if it has been drawn already.
    private func drawnID(after id: Int) -> Int? {
        let area = id % areas
        let next = id + areas
        return next / areas < drawn[area] ? next : nil
    }

    /// Frees a task's storage once nobody refers to it.
    mutating func retire(_ slot: Int32) {
        pool.release(slot)
    }

    subscript(slot: Int32) -> TaskRecord {
        get { pool[slot] }
        _modify { yield &pool[slot] }
    }

    func files(of slot: Int32) -> ArraySlice<Int32> {
        pool.files(of: slot)
    }

    /// Draws task `index` of `area` from stream ("task", index * areas + area): files with hotspot
    /// skew, difficulty, effort, dependency.
    private mutating func generate(area: Int, index: Int, codebase: Codebase) -> Int32 {
        let id = index * areas + area
        var rng = streams.stream("task", index: id)
        // Capped before converting, so that a draw too large for an Int cannot trap (same value otherwise).
        let wanted = 1 + Int(min(config.extraFiles.sample(&rng), Double(codebase.filesPerArea - 1)))
        fileScratch.removeAll(keepingCapacity: true)
        var tries = 0
        while fileScratch.count < wanted && tries < 8 * wanted {
            let file = codebase.drawFile(in: area, &rng)
            if !fileScratch.contains(file) { fileScratch.append(file) }
            tries += 1
        }
        if codebase.areas > 1, rng.nextUnit() < codebase.crossAreaProbability {
            let other = (area + 1 + rng.nextInt(below: codebase.areas - 1)) % codebase.areas
            fileScratch.append(codebase.drawFile(in: other, &rng))
        }
        let difficulty = config.difficulty.sample(&rng)
        let effort = config.effortHours.sample(&rng) * (1 + config.hardEffortFactor * difficulty)
        let dependent = index > 0 && rng.nextUnit() < config.dependencyProbability
        let estimate = config.sizeEstimateSD > 0 ? effort * exp(config.sizeEstimateSD * Distribution.standardNormal(&rng)) : effort
        let task = TaskRecord(
            id: id, area: Int32(area), difficulty: difficulty, effort: effort, estimatedEffort: estimate,
            hard: difficulty > config.hardThreshold, dependsOnPrevious: dependent)
        return pool.insert(task, files: fileScratch)
    }
}
