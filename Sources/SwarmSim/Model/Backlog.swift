import DequeModule

/// The goal's stream of work: task `id` is generated from its own random stream when first needed,
/// then handed out in id order, to anyone or to a planner restricted to some areas.
///
/// Tasks drawn but not yet handed out wait in per-area queues (a planner that owns areas 2 and 3
/// skips past tasks of other areas, which then wait for their own planner). A task that depends on
/// one not yet landed waits aside until it lands.
struct Backlog {
    let config: TasksConfig
    let streams: RandomStreams
    private(set) var pool = TaskPool()
    /// Ids generated so far; the next task drawn gets this id.
    private(set) var generated = 0
    private var pendingByArea: [Deque<Int32>]
    /// Slots of tasks waiting for the task with the key's id to land.
    private var waitingOn: [Int: Int32] = [:]
    /// Ids of landed tasks, as a bitset.
    private var doneBits: [UInt64] = []
    /// Tasks handed out, and the hard ones among them: the backlog's hard share for avoidance.
    private(set) var offered = 0
    private(set) var hardOffered = 0
    private var fileScratch: [Int32] = []

    init(config: TasksConfig, areas: Int, streams: RandomStreams) {
        self.config = config
        self.streams = streams
        pendingByArea = Array(repeating: Deque(), count: areas)
    }

    /// True when a finite goal has handed out every task.
    var isExhausted: Bool {
        guard let count = config.count else { return false }
        return generated >= count && pendingByArea.allSatisfy(\.isEmpty)
    }

    /// The next task whose area is in `areas` (every area when nil), or nil when the goal has none left.
    mutating func next(in areas: ArraySlice<Int32>?, codebase: Codebase) -> Int32? {
        if let slot = takePending(in: areas) { return hand(slot) }
        while config.count.map({ generated < $0 }) ?? true {
            let slot = generate(codebase: codebase)
            let task = pool[slot]
            if task.dependsOnPrevious && !isDone(task.id - 1) {
                waitingOn[task.id - 1] = slot
                continue
            }
            if areas.map({ $0.contains(task.area) }) ?? true {
                return hand(slot)
            }
            pendingByArea[Int(task.area)].append(slot)
        }
        return nil
    }

    /// The earliest pending task in `areas` (lowest id), if any.
    private mutating func takePending(in areas: ArraySlice<Int32>?) -> Int32? {
        var best: (area: Int, id: Int)?
        func consider(_ area: Int) {
            if let slot = pendingByArea[area].first, pool[slot].id < (best?.id ?? Int.max) {
                best = (area, pool[slot].id)
            }
        }
        if let areas {
            for area in areas { consider(Int(area)) }
        } else {
            for area in pendingByArea.indices { consider(area) }
        }
        guard let best else { return nil }
        return pendingByArea[best.area].popFirst()
    }

    private mutating func hand(_ slot: Int32) -> Int32 {
        offered += 1
        if pool[slot].hard { hardOffered += 1 }
        return slot
    }

    /// Puts a task back at the head of its area's queue (abandoned or deferred work).
    mutating func giveBack(_ slot: Int32) {
        offered -= 1
        if pool[slot].hard { hardOffered -= 1 }
        insertPending(slot)
    }

    private mutating func insertPending(_ slot: Int32) {
        let area = Int(pool[slot].area)
        let id = pool[slot].id
        let index = pendingByArea[area].firstIndex { pool[$0].id > id } ?? pendingByArea[area].endIndex
        pendingByArea[area].insert(slot, at: index)
    }

    /// Records that `slot`'s task landed: it may release a dependent task. Returns false when it
    /// had already landed (duplicate work).
    mutating func markDone(_ slot: Int32) -> Bool {
        guard !pool[slot].done else { return false }
        pool[slot].done = true
        let id = pool[slot].id
        let word = id / 64
        if word >= doneBits.count { doneBits.append(contentsOf: repeatElement(0, count: word - doneBits.count + 1)) }
        doneBits[word] |= 1 << UInt64(id % 64)
        if let dependent = waitingOn.removeValue(forKey: id) {
            insertPending(dependent)
        }
        return true
    }

    func isDone(_ id: Int) -> Bool {
        id < 0 || (id / 64 < doneBits.count && doneBits[id / 64] & (1 << UInt64(id % 64)) != 0)
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

    /// Draws task `generated` from its own stream: area, files with hotspot skew, difficulty, effort.
    private mutating func generate(codebase: Codebase) -> Int32 {
        let id = generated
        generated += 1
        var rng = streams.stream("task", index: id)
        let area = rng.nextInt(below: codebase.areas)
        let wanted = min(1 + Int(config.extraFiles.sample(&rng)), codebase.filesPerArea)
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
        let dependent = id > 0 && rng.nextUnit() < config.dependencyProbability
        let task = TaskRecord(
            id: id, area: Int32(area), difficulty: difficulty, effort: effort,
            hard: difficulty > config.hardThreshold, dependsOnPrevious: dependent)
        return pool.insert(task, files: fileScratch)
    }
}
