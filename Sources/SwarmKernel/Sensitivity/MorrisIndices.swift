/// Morris's screening measures from elementary effects (Morris 1991; Campolongo et al. 2007): per
/// factor, mu (the mean effect: its sign says the direction, but effects of both signs cancel),
/// mu* (the mean absolute effect: how much the factor matters) and sigma (their standard
/// deviation: how much the effect depends on where the other factors are, i.e. non-linearity or
/// interaction), each with a bootstrap interval over the trajectories.
public struct MorrisIndices: Sendable {
    public let mu: [IndexEstimate]
    public let muStar: [IndexEstimate]
    public let sigma: [IndexEstimate]

    /// `effects[t][i]`: the elementary effect of factor i on trajectory t, (f(x + delta e_i) -
    /// f(x)) / delta in the unit hypercube. Needs two trajectories or more (sigma is a sample
    /// standard deviation).
    public init(effects: [[Double]], bootstrap: BootstrapSettings) {
        precondition(effects.count >= 2, "Morris measures need two trajectories or more")
        let factors = effects[0].count
        let resamples = bootstrap.resampledIndices(count: effects.count, stream: "morris-bootstrap")
        func measure(_ statistic: ([Double]) -> Double) -> [IndexEstimate] {
            (0..<factors).map { i in
                let column = effects.map { $0[i] }
                let replicates = resamples.map { picks in statistic(picks.map { column[$0] }) }
                return IndexEstimate.percentile(statistic(column), replicates: replicates, confidence: bootstrap.confidence)
            }
        }
        mu = measure { $0.reduce(0, +) / Double($0.count) }
        muStar = measure { $0.reduce(0) { $0 + abs($1) } / Double($0.count) }
        sigma = measure { values in
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        }
    }
}
