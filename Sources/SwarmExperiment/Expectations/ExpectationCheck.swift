import SwarmModel

/// The result of checking one expectation at one variant and sweep point.
public struct ExpectationOutcome: Sendable {
    /// The expectation's position in the scenario's `expect` array.
    public let index: Int
    public let expectation: Expectation
    /// Where it was checked: the variant and the swept values, e.g. `flat-lock, agents.count=20`.
    public let place: String
    public let passed: Bool
    /// What was measured against what was expected, in one line.
    public let detail: String
}

/// Checks a scenario's expectations against the replicates of a finished plan.
///
/// The statistic is the mean across replicates with its 95% Student-t interval (a ratio uses the
/// delta method, see `Estimate.ratio`). Bounds are checked on the estimate itself; the interval is
/// reported so a reader can judge how close a call it was. A trend passes only when the means at
/// the two ends of the swept path differ by more than both half-widths.
public enum ExpectationCheck {
    /// The metrics a `ReplicateTable` must keep to check `expectations`.
    public static func metrics(for expectations: [Expectation]) -> [SummaryMetric] {
        SummaryMetric.allCases.filter { metric in
            expectations.contains { $0.metric == metric || $0.statistic == .relativeTo(metric) }
        }
    }

    /// Every outcome of every expectation of `plan`'s scenario, in expectation order, then plan order.
    public static func evaluate(_ plan: RunPlan, table: ReplicateTable) -> [ExpectationOutcome] {
        let results = Results(plan: plan, table: table)
        var outcomes: [ExpectationOutcome] = []
        for (number, expectation) in plan.scenario.expectations.enumerated() {
            for (index, group) in plan.groups.enumerated() where selects(expectation, group, results.sweep) {
                let coordinates = results.sweep.coordinates(of: group.point)
                let outcome: (passed: Bool, detail: String)
                switch expectation.criterion {
                case .bounds(let atLeast, let atMost):
                    let estimate = results.statistic(expectation, group: index, coordinates: coordinates)
                    outcome = checkBounds(estimate, label: label(of: expectation), atLeast: atLeast, atMost: atMost)
                case .trend(let direction, let path):
                    let axis = results.sweep.axes.firstIndex { $0.path == path }!
                    let ends = results.sweep.moving(coordinates, axis: axis, to: extremeIndex(results.sweep.axes[axis].values, highest: true))
                    let high = results.group(group.variant, ends).flatMap { Estimate.mean(table.values(of: expectation.metric, inGroup: $0)) }
                    let low = Estimate.mean(table.values(of: expectation.metric, inGroup: index))
                    outcome = checkTrend(expectation.metric, direction, axis: results.sweep.axes[axis], low: low, high: high)
                }
                let place = ([group.variant] + zip(results.sweep.axes, coordinates).compactMap { axis, index in
                    axis.path == expectation.criterion.trendPath ? nil : "\(axis.path)=\(axis.values[index].plainText)"
                }).joined(separator: ", ")
                outcomes.append(ExpectationOutcome(index: number, expectation: expectation, place: place,
                                                   passed: outcome.passed, detail: outcome.detail))
            }
        }
        return outcomes
    }

    /// A finished plan's replicate values, found by variant and sweep coordinates.
    private struct Results {
        let table: ReplicateTable
        let sweep: SweepGrid
        /// The index of each variant's first group; groups are variant-major, so a variant's group
        /// at a point is its first group plus the point.
        private var firstGroup: [String: Int] = [:]

        init(plan: RunPlan, table: ReplicateTable) {
            self.table = table
            sweep = plan.scenario.sweep
            for (index, group) in plan.groups.enumerated() where firstGroup[group.variant] == nil {
                firstGroup[group.variant] = index
            }
        }

        func group(_ variant: String, _ coordinates: [Int]) -> Int? {
            firstGroup[variant].map { $0 + sweep.point(at: coordinates) }
        }

        /// The expectation's statistic at a group: a mean, or a ratio to another metric or group.
        func statistic(_ expectation: Expectation, group: Int, coordinates: [Int]) -> Estimate? {
            let values = table.values(of: expectation.metric, inGroup: group)
            switch expectation.statistic {
            case .mean:
                return Estimate.mean(values)
            case .relativeTo(let other):
                return Estimate.ratio(values, table.values(of: other, inGroup: group))
            case .versus(let variant, let conditions):
                var moved = coordinates
                for (position, axis) in sweep.axes.enumerated() {
                    if let pinned = conditions[axis.path] { moved = sweep.moving(moved, axis: position, to: axis.values.firstIndex(of: pinned)!) }
                }
                return self.group(variant, moved).flatMap { Estimate.ratio(values, table.values(of: expectation.metric, inGroup: $0)) }
            }
        }
    }

    /// Whether `group` is one `expectation` is checked at. A trend is checked once per line along
    /// its path: at the group holding the path's lowest value.
    private static func selects(_ expectation: Expectation, _ group: RunPlan.Group, _ sweep: SweepGrid) -> Bool {
        guard expectation.variant.map({ $0 == group.variant }) ?? true else { return false }
        let coordinates = sweep.coordinates(of: group.point)
        for (axis, index) in zip(sweep.axes, coordinates) {
            if let pinned = expectation.conditions[axis.path], axis.values[index] != pinned { return false }
            if axis.path == expectation.criterion.trendPath, index != extremeIndex(axis.values, highest: false) { return false }
        }
        return true
    }

    /// The index of the lowest or highest number among `values` (all numbers, as decoding checked).
    private static func extremeIndex(_ values: [JSONValue], highest: Bool) -> Int {
        let numbers = values.map { if case .number(let number) = $0 { number } else { Double.nan } }
        let extreme = highest ? numbers.max()! : numbers.min()!
        return numbers.firstIndex(of: extreme)!
    }

    /// How the statistic is named in the output.
    private static func label(of expectation: Expectation) -> String {
        let metric = expectation.metric.rawValue
        switch expectation.statistic {
        case .mean:
            return metric
        case .relativeTo(let other):
            return "\(metric) / \(other.rawValue)"
        case .versus(let variant, let conditions):
            let point = conditions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.plainText)" }
            return "\(metric) relative to \(([variant] + point).joined(separator: ", "))"
        }
    }

    private static func describe(_ estimate: Estimate) -> String {
        let interval = estimate.halfWidth.map {
            "95% CI \(readableNumber(estimate.value - $0)) to \(readableNumber(estimate.value + $0))"
        } ?? "no CI from \(estimate.count) replicate"
        return "\(readableNumber(estimate.value)) (\(interval))"
    }

    private static func checkBounds(_ estimate: Estimate?, label: String, atLeast: Double?, atMost: Double?) -> (Bool, String) {
        let expected: String
        switch (atLeast, atMost) {
        case (let low?, let high?): expected = "between \(readableNumber(low)) and \(readableNumber(high))"
        case (let low?, nil): expected = "at least \(readableNumber(low))"
        case (nil, let high?): expected = "at most \(readableNumber(high))"
        case (nil, nil): expected = "anything"
        }
        guard let estimate else {
            return (false, "\(label) is undefined in every replicate; expected \(expected)")
        }
        let passed = (atLeast.map { estimate.value >= $0 } ?? true) && (atMost.map { estimate.value <= $0 } ?? true)
        return (passed, "\(label) = \(describe(estimate)); expected \(expected)")
    }

    private static func checkTrend(
        _ metric: SummaryMetric, _ direction: Expectation.Direction, axis: SweepGrid.Axis, low: Estimate?, high: Estimate?
    ) -> (Bool, String) {
        let claim = "\(metric.rawValue) \(direction.rawValue.replacingOccurrences(of: "_", with: " ")) \(axis.path)"
        let lowValue = axis.values[extremeIndex(axis.values, highest: false)].plainText
        let highValue = axis.values[extremeIndex(axis.values, highest: true)].plainText
        guard let low, let high else {
            return (false, "\(claim): undefined at \(low == nil ? lowValue : highValue)")
        }
        let detail = "\(claim): \(describe(low)) at \(lowValue), \(describe(high)) at \(highValue)"
        guard let lowHalf = low.halfWidth, let highHalf = high.halfWidth else {
            return (false, "\(detail); a trend needs at least 2 replicates")
        }
        let passed = switch direction {
        case .decreasing: high.value + highHalf < low.value - lowHalf
        case .increasing: high.value - highHalf > low.value + lowHalf
        }
        return (passed, detail)
    }
}
