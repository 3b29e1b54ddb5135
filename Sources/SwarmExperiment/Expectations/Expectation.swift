import SwarmModel

/// A claim a scenario makes about its own results, which `swarmsim check` tests: "twenty flat-lock
/// peers deliver between 1 and 3 effective agents". It turns a scenario from a demo into a
/// regression test of a stylized fact.
///
/// An expectation is checked at every variant and sweep point it selects: `variant` and `where`
/// narrow the selection, and swept paths that `where` leaves out are checked at each of their values.
public struct Expectation: Sendable, Equatable {
    /// What is measured at a variant and point.
    public enum Statistic: Sendable, Equatable {
        /// The metric's mean across replicates.
        case mean
        /// The ratio of the metric's mean to another metric's mean at the same variant and point.
        case relativeTo(SummaryMetric)
        /// The ratio of the metric's mean to its mean in `variant`, at the point reached by moving
        /// the checked point's swept values to `conditions` (the same point when empty).
        case versus(variant: String, conditions: [String: JSONValue])
    }

    /// The direction of a trend along a swept path.
    public enum Direction: String, Sendable, CaseIterable {
        case decreasing = "decreasing_in"
        case increasing = "increasing_in"
    }

    /// What makes the statistic pass.
    public enum Criterion: Sendable, Equatable {
        /// The statistic lies within the bounds given (either may be open).
        case bounds(atLeast: Double?, atMost: Double?)
        /// Along the swept `path`, the mean at one end lies beyond the mean at the other end by more
        /// than both confidence half-widths.
        case trend(Direction, path: String)

        /// The swept path of a trend; nil for bounds.
        public var trendPath: String? {
            if case .trend(_, let path) = self { return path }
            return nil
        }
    }

    /// The author's sentence, printed with the result.
    public let description: String
    public let metric: SummaryMetric
    /// The variant checked; nil for every variant.
    public let variant: String?
    /// Swept paths pinned to one of their values.
    public let conditions: [String: JSONValue]
    public let statistic: Statistic
    public let criterion: Criterion

    public init(description: String, metric: SummaryMetric, variant: String?, conditions: [String: JSONValue],
                statistic: Statistic, criterion: Criterion) {
        self.description = description
        self.metric = metric
        self.variant = variant
        self.conditions = conditions
        self.statistic = statistic
        self.criterion = criterion
    }
}

extension Expectation {
    /// Whether `sweep` has every point this expectation names: each value it pins (its own and
    /// its `versus`'s) among its path's values, and a trend's path swept over two numbers or more.
    /// A scenario narrowed by settings keeps only the expectations that apply.
    func applies(to sweep: SweepGrid) -> Bool {
        var pinned = conditions
        if case .versus(_, let other) = statistic { pinned.merge(other) { own, _ in own } }
        let values = { (path: String) in sweep.axes.first { $0.path == path }?.values ?? [] }
        guard pinned.allSatisfy({ values($0.key).contains($0.value) }) else { return false }
        guard let path = criterion.trendPath else { return true }
        let trend = values(path)
        return trend.count >= 2 && trend.allSatisfy { if case .number = $0 { true } else { false } }
    }
}
