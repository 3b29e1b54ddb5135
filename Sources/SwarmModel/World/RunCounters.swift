/// The running totals of one run, from which the summary and each sample are computed.
/// Plain stored numbers: updating one costs an add, never an allocation.
struct RunCounters {
    var tasksDone = 0
    var hardTasksDone = 0
    var commits = 0
    var busyworkCommits = 0
    var alignedValue = 0.0
    var misalignedValue = 0.0
    var conflicts = 0
    /// Board updates undone by a write made on a stale copy (claims, done marks, listings).
    var lostUpdates = 0
    /// Changes discarded as they were about to land because the board no longer recorded their
    /// peer's claim.
    var discardedChanges = 0
    var duplicateTasks = 0
    var lockLeaks = 0
    var unlockedWrites = 0
    var crashes = 0
    /// Agent-hours on board operations whose versioned write failed, and backing off after them.
    var retryHours = 0.0
    var earlyStops = 0
    var brokenCommits = 0
    var cycles = 0
    var freshStarts = 0
    /// Agent-hours per `Activity`, for closed stretches (the open ones are added when read).
    var activityHours = Array(repeating: 0.0, count: Activity.shares.count)
    var costUSD = 0.0
    var inputTokens = 0.0
    var outputTokens = 0.0
    /// Integrator queue: time integral of its length, and the waits of changes taken for review.
    var integratorQueueArea = 0.0
    var integratorWaitTotal = 0.0
    var reviews = 0
    var reviewHours = 0.0
}
