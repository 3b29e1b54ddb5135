/// Records a sample row at each sample time and turns the run's counters into its summary row.
struct RunSampler {
    let agentCount: Int
    private(set) var rows: [[Double?]] = []
    private var previous = Snapshot()

    /// The cumulative quantities a sample row is the difference of.
    private struct Snapshot {
        var time = 0.0
        var tasksDone = 0
        var alignedValue = 0.0
        var activityHours = Array(repeating: 0.0, count: Activity.shares.count)
        var redHours = 0.0
    }

    init(agentCount: Int) {
        self.agentCount = agentCount
    }

    /// Records the row for the interval ending at `time`.
    mutating func record<T: Topology>(_ world: inout World, topology: T, at time: Double) {
        guard time > previous.time else { return }
        var now = Snapshot(time: time, tasksDone: world.counters.tasksDone, alignedValue: world.counters.alignedValue,
                           activityHours: world.counters.activityHours, redHours: world.main.redHours(at: time))
        var openCost = 0.0
        for agent in world.agents where agent.activitySince < time {
            now.activityHours[agent.activity.share.rawValue] += time - agent.activitySince
            if agent.activity.isActive { openCost += (time - agent.activitySince) * agent.traits.usdPerHour }
        }
        let span = time - previous.time
        let agentHours = span * Double(agentCount)
        func share(_ activity: Activity) -> Double {
            (now.activityHours[activity.rawValue] - previous.activityHours[activity.rawValue]) / agentHours
        }
        var row = [Double?](repeating: nil, count: SampleMetric.allCases.count)
        func set(_ metric: SampleMetric, _ value: Double?) {
            row[SampleMetric.allCases.firstIndex(of: metric)!] = value
        }
        set(.timeHours, time)
        set(.tasksDone, Double(now.tasksDone))
        set(.throughput, Double(now.tasksDone - previous.tasksDone) / span)
        set(.effectiveAgents, (now.alignedValue - previous.alignedValue) / span)
        set(.workShare, share(.working))
        set(.lockWaitShare, share(.lockWait))
        set(.idleShare, share(.idle))
        set(.mainRedShare, (now.redHours - previous.redHours) / span)
        set(.drift, world.misalignment.drift(at: time))
        set(.integratorQueue, Double(topology.integratorQueueLength))
        set(.costUSD, world.counters.costUSD + openCost)
        rows.append(row)
        previous = now
    }

    /// The summary of a run that ended at `end`, all activities closed.
    func result<T: Topology>(world: World, topology: T, end: Double) -> RunResult {
        let c = world.counters
        let agentHours = end * Double(agentCount)
        var summary = [Double?](repeating: nil, count: SummaryMetric.allCases.count)
        func set(_ metric: SummaryMetric, _ value: Double?) {
            summary[SummaryMetric.allCases.firstIndex(of: metric)!] = value.flatMap { $0.isFinite ? $0 : nil }
        }
        func share(_ activity: Activity) -> Double { c.activityHours[activity.rawValue] / agentHours }
        let effective = c.alignedValue / end
        set(.simulatedHours, end)
        set(.tasksDone, Double(c.tasksDone))
        set(.hardTasksDone, Double(c.hardTasksDone))
        set(.commits, Double(c.commits))
        set(.throughput, Double(c.tasksDone) / end)
        set(.effectiveAgents, effective)
        set(.efficiency, effective / Double(agentCount))
        set(.workShare, share(.working))
        set(.lockWaitShare, share(.lockWait))
        set(.idleShare, share(.idle))
        set(.reworkShare, share(.reworking))
        set(.rebaseShare, share(.rebasing))
        set(.coordinationShare, share(.coordinating))
        set(.blockedShare, share(.blocked))
        set(.conflicts, Double(c.conflicts))
        set(.lostUpdates, Double(c.lostUpdates))
        set(.duplicateTasks, Double(c.duplicateTasks))
        set(.lockLeaks, Double(c.lockLeaks))
        set(.unlockedWrites, Double(c.unlockedWrites))
        set(.crashes, Double(c.crashes))
        set(.earlyStops, Double(c.earlyStops))
        let backlogHardShare = world.backlog.offered > 0 ? Double(world.backlog.hardOffered) / Double(world.backlog.offered) : 0
        if c.tasksDone > 0 && backlogHardShare > 0 {
            set(.hardTaskAvoidance, 1 - (Double(c.hardTasksDone) / Double(c.tasksDone)) / backlogHardShare)
        }
        set(.busyworkShare, c.commits > 0 ? Double(c.busyworkCommits) / Double(c.commits) : nil)
        set(.brokenCommits, Double(c.brokenCommits))
        set(.mainRedShare, world.main.redHours(at: end) / end)
        set(.mainRedTrendPerDay, redTrendPerDay())
        var drift = world.misalignment
        set(.drift, drift.drift(at: end))
        set(.intentDebtHours, c.misalignedValue)
        if let reviewers = topology.reviewers {
            set(.integratorQueueMean, c.integratorQueueArea / end)
            set(.integratorWaitHours, c.reviews > 0 ? c.integratorWaitTotal / Double(c.reviews) : nil)
            set(.integratorCapacity, c.reviewHours > 0 ? Double(c.reviews) / c.reviewHours * Double(reviewers) : nil)
        }
        set(.planners, Double(topology.planners))
        set(.hierarchyDepth, Double(topology.depth))
        set(.cycles, Double(c.cycles))
        set(.freshStarts, Double(c.freshStarts))
        set(.inputTokens, c.inputTokens)
        set(.outputTokens, c.outputTokens)
        set(.costUSD, c.costUSD)
        set(.costPerTaskUSD, c.tasksDone > 0 ? c.costUSD / Double(c.tasksDone) : nil)
        set(.events, Double(world.events.processedCount))
        // As the store's schema 2 migration computes it from stored columns, to the last bit.
        set(.costPerEffectiveAgentHourUSD, effective > 0 ? c.costUSD / (effective * end) : nil)
        set(.retryShare, c.retryHours / agentHours)
        return RunResult(summary: summary, samples: rows)
    }

    /// Least-squares slope of the per-sample red share against time, per day, over the samples
    /// taken after the first day: > 0 means main is red more and more often (F8's "no upward
    /// trend" check). Main starts green, so the first day's rise to its usual red share is warm-up,
    /// not a trend; counted, it alone tilts a week's slope up by several thousandths a day.
    private func redTrendPerDay() -> Double? {
        let timeIndex = SampleMetric.allCases.firstIndex(of: .timeHours)!
        let redIndex = SampleMetric.allCases.firstIndex(of: .mainRedShare)!
        let points = rows.compactMap { row -> (Double, Double)? in
            guard let t = row[timeIndex], t > 24, let red = row[redIndex] else { return nil }
            return (t, red)
        }
        guard points.count >= 3 else { return nil }
        let meanT = points.reduce(0) { $0 + $1.0 } / Double(points.count)
        let meanR = points.reduce(0) { $0 + $1.1 } / Double(points.count)
        let sxx = points.reduce(0) { $0 + ($1.0 - meanT) * ($1.0 - meanT) }
        let sxy = points.reduce(0) { $0 + ($1.0 - meanT) * ($1.1 - meanR) }
        return sxx > 0 ? sxy / sxx * 24 : nil
    }
}
