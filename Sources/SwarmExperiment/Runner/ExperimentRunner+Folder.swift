import Foundation
import SwarmModel

extension ExperimentRunner {
    /// Runs all of `plan` (see `run(_:shard:into:jobs:cache:isolation:)` for `jobs` and `cache`) and
    /// writes its results into `directory`, all or none (see `ResultsWriter`): runs.csv,
    /// timeseries.csv, aggregate.csv, usl.csv and scenario.resolved.json. `sinks` (a progress display, a run
    /// store) receive every run too, after the files.
    /// Returns the replicates' values of `SummaryMetric.aggregated`, for a summary table.
    ///
    /// On any error, interruption included, the temporary files are removed before it is rethrown
    /// and the folder's earlier results stay as they were. The files' own failures are thrown as
    /// `ResultsWriteError`; the sinks' and the cache's errors (and `ExperimentInterrupted`) as they are.
    public static func run(
        _ plan: RunPlan, writingTo directory: URL, alsoInto sinks: [any RunSink] = [], jobs: Int = 1,
        cache: (any RunCache)? = nil, isolation: isolated (any Actor)? = #isolation
    ) async throws -> ReplicateTable {
        func failure(_ error: any Error) -> ResultsWriteError {
            ResultsWriteError(folder: directory.relativePath, reason: SystemErrorText.plain(error))
        }
        let writer: ResultsWriter
        do {
            writer = try ResultsWriter(plan: plan, directory: directory)
        } catch {
            throw failure(error)
        }
        let table = ReplicateTable(plan: plan, metrics: SummaryMetric.aggregated)
        do {
            try await run(plan, into: [writer, table] + sinks, jobs: jobs, cache: cache)
            do {
                try writer.commit(aggregating: table)
            } catch {
                throw failure(error)
            }
        } catch {
            writer.discard()
            throw error
        }
        return table
    }
}
