/// One unit of goal work (docs/ODD.md, section 2.2).
struct TaskRecord {
    /// Position in the goal's stream of work: task `id` is drawn from stream ("task", id), so it is
    /// the same task in every topology compared (common random numbers).
    var id: Int
    var area: Int32
    var difficulty: Double
    /// Effort in nominal agent-hours; also the task's value when it lands aligned.
    var effort: Double
    /// The effort as those who plan see it (the truth times a log-normal error,
    /// `tasks.size_estimate_sd`): milestones hand out the smallest estimate first.
    var estimatedEffort: Double
    var hard: Bool
    /// The task cannot start until task `id - 1` has landed.
    var dependsOnPrevious: Bool
    /// Written by a misaligned planner: whatever lands from it does not serve the goal.
    var misaligned = false
    /// A fix for a break on main (tolerant), not goal work: it has no value, and landing it correct
    /// repairs its break.
    var isFix = false
    /// How fully the task's specification says what is meant, in [0, 1] (`World.specify`): 1 until
    /// someone writes it up.
    var specification = 1.0
    /// Landed at least once (a second landing is duplicate work).
    var done = false
    /// Agents currently working on it (more than one only after a lost update).
    var workers: Int32 = 0
    /// Listed on a task board (which refers to its slot).
    var onBoard = false
    /// Times this task was passed over on a board (tasks that stay too long are deferred).
    var enteredAtPick = 0
}

/// Storage for the tasks that are open: slots are reused once a task is finished with, so memory
/// follows open work, not simulated time. Each slot keeps its file list's capacity across reuse.
struct TaskPool {
    private(set) var tasks: [TaskRecord] = []
    private var files: [[Int32]] = []
    private var freeSlots: [Int32] = []

    /// Stores `task` with `files`, returning its slot.
    mutating func insert(_ task: TaskRecord, files newFiles: some Sequence<Int32>) -> Int32 {
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            tasks[Int(slot)] = task
            files[Int(slot)].removeAll(keepingCapacity: true)
        } else {
            slot = Int32(tasks.count)
            tasks.append(task)
            files.append([])
        }
        files[Int(slot)].append(contentsOf: newFiles)
        return slot
    }

    /// Frees `slot` for reuse; its task must no longer be referenced anywhere.
    mutating func release(_ slot: Int32) {
        freeSlots.append(slot)
    }

    subscript(slot: Int32) -> TaskRecord {
        get { tasks[Int(slot)] }
        _modify { yield &tasks[Int(slot)] }
    }

    /// Whether each slot holds an open task (false: freed for reuse).
    /// - Complexity: O(slots).
    func liveSlots() -> [Bool] {
        var live = Array(repeating: true, count: tasks.count)
        for slot in freeSlots { live[Int(slot)] = false }
        return live
    }

    /// The files `slot`'s task touches, distinct, in the order drawn.
    func files(of slot: Int32) -> ArraySlice<Int32> {
        files[Int(slot)][...]
    }
}
