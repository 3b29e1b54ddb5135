/// Mean, standard deviation and a Student-t confidence interval of independent observations
/// (typically one value per replicate).
public struct SampleSummary: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n - 1 denominator); nil below 2 observations.
    public let standardDeviation: Double?
    /// Half-width of the two-sided confidence interval around `mean`; nil below 2 observations.
    public let halfWidth: Double?
    /// The confidence level of `halfWidth`, e.g. 0.95.
    public let confidence: Double

    /// Summarises `values`; NaN values are not expected (callers drop undefined observations).
    public init<Values: Collection>(_ values: Values, confidence: Double = 0.95) where Values.Element == Double {
        precondition(!values.isEmpty, "cannot summarise no observations")
        count = values.count
        self.confidence = confidence
        // Two-pass mean and variance: exact enough for replicate counts, and order-stable.
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        if values.count >= 2 {
            let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let sd = (squares / Double(values.count - 1)).squareRoot()
            standardDeviation = sd
            halfWidth = StudentT.criticalValue(confidence: confidence, observations: values.count) * sd / Double(values.count).squareRoot()
        } else {
            standardDeviation = nil
            halfWidth = nil
        }
    }

    /// True when `value` lies inside the confidence interval.
    public func covers(_ value: Double) -> Bool {
        guard let halfWidth else { return false }
        return abs(value - mean) <= halfWidth
    }
}
