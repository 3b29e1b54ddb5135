import SwarmKernel
import SwarmModel

/// Chosen summary metrics of every run of a plan, by group (variant x sweep point) and replicate:
/// what aggregate.csv, the run table and expectation checks are computed from.
///
/// It keeps only the metrics asked for, as flat arrays of doubles (NaN for undefined), so a plan
/// of millions of runs still fits; time series are never kept.
public final class ReplicateTable: RunSink {
    /// The metrics kept, in slot order.
    public let metrics: [SummaryMetric]
    /// Replicates per group, as in the plan.
    public let replicates: Int
    /// values[(group * metrics.count + metric) * replicates + replicate]; NaN when undefined or not run.
    private var values: [Double]
    private let metricColumns: [Int]

    /// An empty table for the runs of `plan`, keeping `metrics`.
    public convenience init(plan: RunPlan, metrics: [SummaryMetric]) {
        self.init(plan: plan, metrics: metrics, keeping: nil)
    }

    /// A table for the runs of `plan`, keeping `metrics`, holding already the values of `earlier`,
    /// a table of the same metrics for the first replicates of the same groups.
    init(plan: RunPlan, metrics: [SummaryMetric], keeping earlier: ReplicateTable?) {
        self.metrics = metrics
        replicates = plan.replicates
        values = Array(repeating: .nan, count: plan.groups.count * metrics.count * plan.replicates)
        metricColumns = metrics.map { SummaryMetric.allCases.firstIndex(of: $0)! }
        guard let earlier else { return }
        precondition(earlier.metrics == metrics && earlier.replicates <= replicates, "a table grows by replicates only")
        for row in 0..<earlier.values.count / earlier.replicates {
            let from = row * earlier.replicates
            values.replaceSubrange(row * replicates..<row * replicates + earlier.replicates, with: earlier.values[from..<from + earlier.replicates])
        }
    }

    /// Keeps the run's values of the table's metrics, by its position in the plan (a filtered plan
    /// may run only some replicates, so the replicate number is no index).
    public func record(_ run: CompletedRun) {
        let (group, replicate) = (run.id - 1).quotientAndRemainder(dividingBy: replicates)
        record(run, group: group, replicate: replicate)
    }

    /// Keeps the run's values of the table's metrics as those of `group` and `replicate` (the
    /// index among the plan's replicates).
    func record(_ run: CompletedRun, group: Int, replicate: Int) {
        for (slot, column) in metricColumns.enumerated() {
            values[(group * metrics.count + slot) * replicates + replicate] = run.result.summary[column] ?? .nan
        }
    }

    /// The values of `metric` in group `group`, by replicate (in the plan's `replicateIndices`); NaN where undefined.
    public func values(of metric: SummaryMetric, inGroup group: Int) -> ArraySlice<Double> {
        guard let slot = metrics.firstIndex(of: metric) else {
            preconditionFailure("the table does not keep \(metric.rawValue)")
        }
        let start = (group * metrics.count + slot) * replicates
        return values[start..<start + replicates]
    }

    /// Mean, sd and 95% interval of the defined values of `metric` in `group`; nil when none is defined.
    public func summary(of metric: SummaryMetric, inGroup group: Int) -> SampleSummary? {
        let defined = values(of: metric, inGroup: group).filter { !$0.isNaN }
        return defined.isEmpty ? nil : SampleSummary(defined)
    }
}

extension SummaryMetric {
    /// The metrics aggregate.csv summarises across replicates, in column order. Public API.
    public static let aggregated: [SummaryMetric] = [
        .throughput, .effectiveAgents, .efficiency, .lockWaitShare, .idleShare, .drift, .mainRedShare,
        .costPerTaskUSD, .tasksDone, .costPerEffectiveAgentHourUSD, .retryShare,
    ]
}
