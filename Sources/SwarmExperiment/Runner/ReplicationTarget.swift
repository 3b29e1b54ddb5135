import SwarmModel

/// How precise a sweep must be before it stops adding replicates (`AdaptiveReplication`): in every
/// variant x sweep point, the 95% interval half-width of `metric`'s mean, relative to the mean,
/// at most `relativeHalfWidth`. Replicates come in batches of `batch`, up to `cap`, so the count
/// used is deterministic: it depends on the results, never on timing or the number of jobs.
public struct ReplicationTarget: Sendable, Equatable {
    public let metric: SummaryMetric
    public let relativeHalfWidth: Double
    public let batch: Int
    public let cap: Int

    public init(metric: SummaryMetric = .throughput, relativeHalfWidth: Double, batch: Int, cap: Int) {
        precondition(relativeHalfWidth > 0 && batch >= 2 && cap >= batch, "a replication target needs width > 0 and 2 <= batch <= cap")
        self.metric = metric
        self.relativeHalfWidth = relativeHalfWidth
        self.batch = batch
        self.cap = cap
    }

    /// The target for a scenario written with `replications` replicates: batches of that many (at
    /// least 2, for an interval), up to `maxReplicates` (at least one batch).
    public init(metric: SummaryMetric = .throughput, relativeHalfWidth: Double, batchesOf replications: Int, upTo maxReplicates: Int) {
        let batch = max(2, replications)
        self.init(metric: metric, relativeHalfWidth: relativeHalfWidth, batch: batch, cap: max(batch, maxReplicates))
    }

    /// The widest relative half-width among the groups of `table` (`table` must keep `metric`).
    /// A group whose values are all equal has width 0; one whose mean is 0 but whose values vary,
    /// or with no defined value, has infinite width (it can never meet a relative target).
    public func widestRelativeHalfWidth(in table: ReplicateTable, groups: Int) -> Double {
        (0..<groups).map { group in
            guard let summary = table.summary(of: metric, inGroup: group), let halfWidth = summary.halfWidth else {
                return .infinity
            }
            if halfWidth == 0 { return 0 }
            return summary.mean == 0 ? .infinity : halfWidth / abs(summary.mean)
        }.max() ?? 0
    }

    /// The replicates to run next after `replicates` gave `table`; nil when the target is met or the
    /// cap is reached.
    public func next(after replicates: Int, table: ReplicateTable, groups: Int) -> Int? {
        guard replicates < cap, widestRelativeHalfWidth(in: table, groups: groups) > relativeHalfWidth else { return nil }
        return min(cap, replicates + batch)
    }
}
