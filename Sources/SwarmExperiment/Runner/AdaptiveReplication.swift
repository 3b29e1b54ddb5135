/// Chooses how many replicates a sweep needs to meet a `ReplicationTarget`: it runs the plan with
/// one batch of replicates, then one more batch at a time, until every variant and sweep point
/// meets the target or the cap is reached.
///
/// Each batch runs only its new replicates, and their values join those of the earlier batches in
/// one table, so no run is read back between batches. Every batch goes through `store`, both as
/// sink and as cache, so each run is simulated once: the final sweep that runs the chosen count
/// finds them all stored (a replicate's seed depends on its index alone), and so does a later
/// choice. The count depends on the results alone, which do not depend on `jobs` or timing, so it
/// is deterministic.
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
        var (replicates, earlier) = (target.batch, 0)
        var table: ReplicateTable?
        while true {
            let batchPlan = try plan(replicates)
            let grown = ReplicateTable(plan: batchPlan, metrics: [target.metric], keeping: table)
            let newReplicates = batchPlan.withReplicates(earlier..<replicates)
            try await ExperimentRunner.run(newReplicates, into: [store, NewReplicates(table: grown, view: newReplicates)], jobs: jobs, cache: store)
            guard let next = target.next(after: replicates, table: grown, groups: batchPlan.groups.count) else {
                return Choice(plan: batchPlan, widestRelativeHalfWidth: target.widestRelativeHalfWidth(in: grown, groups: batchPlan.groups.count))
            }
            (table, earlier, replicates) = (grown, replicates, next)
        }
    }

    /// Puts the runs of `view` (some replicates of the table's plan) in `table`, at their group
    /// and replicate: their positions are the view's, not the plan's.
    private final class NewReplicates: RunSink {
        let table: ReplicateTable
        let viewReplicates: Int

        init(table: ReplicateTable, view: RunPlan) {
            self.table = table
            viewReplicates = view.replicates
        }

        func record(_ run: CompletedRun) {
            table.record(run, group: (run.id - 1) / viewReplicates, replicate: run.spec.replicate)
        }
    }
}
