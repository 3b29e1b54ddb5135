import Foundation

extension ExperimentRunner {
    /// Runs every run of `plan` and writes runs.csv, timeseries.csv, aggregate.csv and
    /// scenario.resolved.json into `directory`, all or none (see `ResultsWriter`). Returns the
    /// replicates' values of `SummaryMetric.aggregated`, for a summary table.
    public static func run(_ plan: RunPlan, writingTo directory: URL) throws -> ReplicateTable {
        let writer = try ResultsWriter(plan: plan, directory: directory)
        let table = ReplicateTable(plan: plan, metrics: SummaryMetric.aggregated)
        try run(plan, into: [writer, table])
        try writer.commit(aggregating: table)
        return table
    }
}
