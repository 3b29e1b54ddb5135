extension UniversalScalabilityLaw {
    /// Why `fit(n:x:)` found no law. The points usually come from a user's file, so a fit refuses
    /// what it cannot answer rather than returning zeros; the caller adds where the points came from.
    public enum FitError: Error, Sendable, Equatable, CustomStringConvertible {
        /// `n` and `x` differ in length.
        case mismatchedCounts(n: Int, x: Int)
        /// Point `index` (0-based) has an agent count that is not a finite number of at least 1.
        case agentCountOutOfRange(index: Int, value: Double)
        /// Point `index` (0-based) has a throughput that is not a finite number.
        case throughputNotFinite(index: Int, value: Double)
        /// Three parameters need at least three distinct agent counts.
        case tooFewAgentCounts(points: Int, distinct: Int)
        /// Every candidate's squared residuals overflow a double: the values are too large to fit.
        case overflow

        public var description: String {
            switch self {
            case .mismatchedCounts(let n, let x):
                return "\(n) agent counts but \(x) throughputs"
            case .agentCountOutOfRange(let index, let value):
                return "point \(index + 1): the agent count must be a finite number, at least 1 (found \(value))"
            case .throughputNotFinite(let index, let value):
                return "point \(index + 1): the throughput must be a finite number (found \(value))"
            case .tooFewAgentCounts(let points, let distinct):
                let counts = distinct == 1 ? "1 agent count" : "\(distinct) distinct agent counts"
                return "\(points) point\(points == 1 ? "" : "s") at \(counts); a fit needs at least 3 distinct agent counts"
            case .overflow:
                return "the values are too large to fit in double precision (the squared residuals overflow)"
            }
        }
    }
}
