/// Latin hypercube sampling (McKay, Beckman and Conover 1979) in the unit hypercube: each factor's
/// range is cut into `count` equal strata and each stratum holds exactly one of the points, at a
/// uniform place within it; the strata are paired across factors by independent random
/// permutations. Every factor's marginal is thus covered evenly with few points, which is what a
/// robustness sweep over plausible configurations needs.
public enum LatinHypercube {
    /// `count` points of `factors` coordinates in [0, 1), drawn from the streams of `seed`.
    public static func rows(factors: Int, count: Int, seed: UInt64) -> [[Double]] {
        precondition(factors >= 1 && count >= 1, "a Latin hypercube needs a factor and a point")
        var rng = RandomStreams(seed: seed).stream("latin-hypercube")
        var rows = [[Double]](repeating: [Double](repeating: 0, count: factors), count: count)
        for factor in 0..<factors {
            var strata = Array(0..<count)
            for position in stride(from: count - 1, to: 0, by: -1) {
                strata.swapAt(position, rng.nextInt(below: position + 1))
            }
            for row in 0..<count {
                rows[row][factor] = (Double(strata[row]) + rng.nextUnit()) / Double(count)
            }
        }
        return rows
    }
}
