/// A sensitivity index estimated from a design: its point estimate on the whole design and a
/// bootstrap percentile interval (Efron) at the confidence asked for.
public struct IndexEstimate: Sendable, Equatable {
    public let estimate: Double
    public let low: Double
    public let high: Double

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// The estimate and its percentile interval from `replicates`, the statistic recomputed on
    /// each bootstrap resample.
    static func percentile(_ estimate: Double, replicates: [Double], confidence: Double) -> IndexEstimate {
        let sorted = replicates.sorted()
        let tail = (1 - confidence) / 2
        return IndexEstimate(estimate: estimate, low: quantile(sorted, tail), high: quantile(sorted, 1 - tail))
    }

    /// The `q` quantile of sorted values, interpolated linearly between order statistics (type 7 of
    /// Hyndman and Fan, R's and numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard sorted.count > 1 else { return sorted.first ?? .nan }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}

/// How a bootstrap is drawn: resamples, the confidence of the intervals and the seed of the draws.
public struct BootstrapSettings: Sendable, Equatable {
    public let resamples: Int
    public let confidence: Double
    public let seed: UInt64

    public init(resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 1) {
        precondition(resamples >= 1 && confidence > 0 && confidence < 1, "bootstrap needs resamples and a confidence in (0, 1)")
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// `resamples` lists of `count` indices drawn with replacement from 0 ..< count.
    func resampledIndices(count: Int, stream: String) -> [[Int]] {
        var rng = RandomStreams(seed: seed).stream(stream)
        return (0..<resamples).map { _ in (0..<count).map { _ in rng.nextInt(below: count) } }
    }
}
