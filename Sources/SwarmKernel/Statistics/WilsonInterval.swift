/// Wilson's score interval for a proportion (Wilson 1927): unlike the normal approximation it
/// stays inside [0, 1] and keeps near its nominal coverage at 0 or all successes and at small n,
/// which is where a robustness share often sits.
public struct WilsonInterval: Sendable, Equatable {
    public let share: Double
    public let low: Double
    public let high: Double

    /// The interval of `successes` out of `trials` (>= 1) at the two-sided normal quantile `z`
    /// (1.959964 for 95%).
    public init(successes: Int, trials: Int, z: Double = 1.959963984540054) {
        precondition(trials >= 1 && (0...trials).contains(successes), "a proportion needs trials and successes among them")
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        share = p
        // At 0 or all successes the bound is exactly 0 or 1; rounding would leave it a hair inside.
        low = successes == 0 ? 0 : max(0, centre - half)
        high = successes == trials ? 1 : min(1, centre + half)
    }
}
