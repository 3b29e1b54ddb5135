import SwarmExperiment

/// How much of a metric's variation across design points is replicate noise, so that no index is
/// read as signal when it is noise: the variance of a point's mean that its replicates' spread
/// alone explains (the within-point variance over the number of replicates, averaged over the
/// points), as a share of the variance of the point means across the design. A share near 1 means
/// the factors explain little that the seeds do not; near 0, the indices are about the factors.
public struct SeedNoise: Sendable, Equatable {
    public let metric: String
    public let replicates: Int
    /// Sample variance of the point means across the design.
    public let pointVariance: Double
    /// Mean over points of (sample variance of the replicates) / replicates; nil with one replicate.
    public let noiseVariance: Double?

    /// The noise of `replicates[point]`, each point's values by replicate.
    public init(metric: String, replicates: [[Double]]) {
        self.metric = metric
        let count = replicates.first?.count ?? 0
        self.replicates = count
        let means = replicates.map { $0.reduce(0, +) / Double($0.count) }
        pointVariance = SeedNoise.sampleVariance(means)
        noiseVariance = count < 2 ? nil : replicates.map { SeedNoise.sampleVariance($0) / Double(count) }.reduce(0, +) / Double(replicates.count)
    }

    /// noiseVariance / pointVariance: nil when either is undefined or the points never differ.
    public var share: Double? {
        guard let noiseVariance, pointVariance > 0, noiseVariance.isFinite, pointVariance.isFinite else { return nil }
        return noiseVariance / pointVariance
    }

    public static let header = ["metric", "replicates", "point_variance", "replicate_noise_variance", "noise_share"]

    public var cells: [CSVCell] {
        [.text(metric), .integer(replicates), .number(pointVariance), .number(noiseVariance), .number(share)]
    }

    /// One line per metric for a terminal: its noise share, and a warning where noise dominates.
    public static func summary(_ noise: [SeedNoise]) -> String {
        noise.map { entry in
            guard let share = entry.share else {
                return "seed noise of \(entry.metric): not measurable (\(entry.replicates) replicate\(entry.replicates == 1 ? "" : "s") per point, or no variation)\n"
            }
            let percent = formatNumber((share * 1000).rounded() / 10)
            let warning = share > 0.5 ? ": most of it; these indices are mostly noise, raise --replications" : ""
            return "seed noise of \(entry.metric): \(percent)% of its variance across points\(warning)\n"
        }.joined()
    }

    private static func sampleVariance(_ values: [Double]) -> Double {
        guard values.count > 1 else { return .nan }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }
}
