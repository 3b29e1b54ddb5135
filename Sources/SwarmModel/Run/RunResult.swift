/// What one run measured: a summary row and one row per sample time, aligned with the column
/// lists below. A nil value is undefined (for example cost per task when no task was done) and is
/// written as an empty cell.
public struct RunResult: Sendable, Equatable {
    public let summary: [Double?]
    public let samples: [[Double?]]

    public init(summary: [Double?], samples: [[Double?]]) {
        precondition(summary.count == RunResult.summaryColumns.count, "summary has \(summary.count) values")
        precondition(samples.allSatisfy { $0.count == RunResult.sampleColumns.count }, "a sample row has the wrong width")
        self.summary = summary
        self.samples = samples
    }

    /// The summary metrics of runs.csv, in column order. Public API: renaming one breaks users.
    public static let summaryColumns = SummaryMetric.allCases.map(\.rawValue)
    /// The per-sample metrics of timeseries.csv, in column order (after the run's identity).
    public static let sampleColumns = SampleMetric.allCases.map(\.rawValue)

    /// The value of `metric` in the summary.
    public subscript(metric: SummaryMetric) -> Double? {
        summary[SummaryMetric.allCases.firstIndex(of: metric)!]
    }
}

/// The summary metrics of one run (docs/ODD.md, section 4.11). Shares are of agent-hours.
public enum SummaryMetric: String, CaseIterable, Sendable {
    case simulatedHours = "simulated_hours"
    case tasksDone = "tasks_done"
    case hardTasksDone = "hard_tasks_done"
    case commits
    case throughput = "throughput_tasks_per_hour"
    case effectiveAgents = "effective_agents"
    case efficiency
    case workShare = "work_share"
    case lockWaitShare = "lock_wait_share"
    case idleShare = "idle_share"
    case reworkShare = "rework_share"
    case rebaseShare = "rebase_share"
    case coordinationShare = "coordination_share"
    case blockedShare = "blocked_share"
    case conflicts
    case lostUpdates = "lost_updates"
    case duplicateTasks = "duplicate_tasks"
    case lockLeaks = "lock_leaks"
    case unlockedWrites = "unlocked_writes"
    case crashes
    case earlyStops = "early_stops"
    case hardTaskAvoidance = "hard_task_avoidance"
    case busyworkShare = "busywork_share"
    case brokenCommits = "broken_commits"
    case mainRedShare = "main_red_share"
    case mainRedTrendPerDay = "main_red_trend_per_day"
    case drift
    case intentDebtHours = "intent_debt_hours"
    case integratorQueueMean = "integrator_queue_mean"
    case integratorWaitHours = "integrator_wait_hours"
    case integratorCapacity = "integrator_capacity_tasks_per_hour"
    case planners
    case hierarchyDepth = "hierarchy_depth"
    case cycles
    case freshStarts = "fresh_starts"
    case inputTokens = "input_tokens"
    case outputTokens = "output_tokens"
    case costUSD = "cost_usd"
    case costPerTaskUSD = "cost_per_task_usd"
    case events
    /// Token cost of each nominal agent-hour of aligned goal value landed: what drift and wasted
    /// work do to the price of useful work, which cost per task (misaligned tasks included) hides.
    /// Last because it came last (schema 2): columns keep their places.
    case costPerEffectiveAgentHourUSD = "cost_per_effective_agent_hour_usd"
    /// Share of agent-hours spent retrying the board: optimistic operations whose versioned write
    /// failed, and the backoff after them (0 elsewhere). Last because it came last (schema 4).
    case retryShare = "retry_share"
}

/// The metrics of one sample interval (from the previous sample time to `time_hours`).
public enum SampleMetric: String, CaseIterable, Sendable {
    case timeHours = "time_hours"
    case tasksDone = "tasks_done"
    case throughput = "throughput_tasks_per_hour"
    case effectiveAgents = "effective_agents"
    case workShare = "work_share"
    case lockWaitShare = "lock_wait_share"
    case idleShare = "idle_share"
    case mainRedShare = "main_red_share"
    case drift
    case integratorQueue = "integrator_queue"
    case costUSD = "cost_usd"
}
