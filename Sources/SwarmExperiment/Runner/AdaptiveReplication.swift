/// Chooses how many replicates a sweep needs to meet a `ReplicationTarget`: it runs the plan with
/// one batch of replicates, then with one more batch at a time, until every variant and sweep
/// point meets the target or the cap is reached.
///
/// Every batch goes through `store`, both as sink and as cache, so each run is simulated once:
/// a larger plan finds the runs of the smaller one stored (a replicate's seed depends on its index
/// alone), and so does the final sweep that runs the chosen count. The count depends on the results
/// alone, which do not depend on `jobs` or timing, so it is deterministic.
public enum AdaptiveReplication {
    /// What adaptive replication chose.
    public struct Choice: Sendable {
        /// The plan with the chosen number of replicates.
        public let plan: RunPlan
        /// The chosen number of replicates per variant and sweep point.
        public var replicates: Int { plan.replicates }
        /// The widest relative 95% half-width of the target's metric among the plan's groups, with
        /// that many replicates: at most the target's width unless the cap stopped the search.
        public let widestRelativeHalfWidth: Double
    }

    /// Runs batches of `plan(replicates)` into `store` until `target` is met (see the type's
    /// description), simulating up to `jobs` runs at once, and returns the count chosen.
    ///
    /// - Throws: what `plan` throws, the store's errors, and `ExperimentInterrupted` when the task is
    ///   cancelled (the runs finished so far are in the store).
    public static func choose(
        _ target: ReplicationTarget, plan: (_ replicates: Int) throws -> RunPlan, store: any RunSink & RunCache, jobs: Int,
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> Choice {
        var replicates = target.batch
        while true {
            let batchPlan = try plan(replicates)
            let table = ReplicateTable(plan: batchPlan, metrics: [target.metric])
            try await ExperimentRunner.run(batchPlan, into: [store, table], jobs: jobs, cache: store)
            guard let next = target.next(after: replicates, table: table, groups: batchPlan.groups.count) else {
                return Choice(plan: batchPlan, widestRelativeHalfWidth: target.widestRelativeHalfWidth(in: table, groups: batchPlan.groups.count))
            }
            replicates = next
        }
    }
}
