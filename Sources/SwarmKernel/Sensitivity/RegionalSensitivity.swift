/// Regional sensitivity analysis (Hornberger and Spear 1981; Spear and Hornberger 1980): split the
/// sampled configurations by whether a claim holds, and ask which factor's values differ most
/// between the two groups. The two-sample Kolmogorov-Smirnov distance between a factor's values
/// where the claim holds and where it fails is near 0 for a factor the claim does not care about
/// and 1 for a factor that alone decides it.
public struct RegionalSensitivity: Sendable, Equatable {
    /// The largest gap between the two groups' empirical distribution functions.
    public let distance: Double
    /// Mean of the factor's unit coordinate where the claim holds, less where it fails: positive
    /// when the claim holds towards the top of the factor's range.
    public let shift: Double

    /// The separation of `holding` from `failing` (unit coordinates of one factor); nil when
    /// either group is empty, so that nothing separates them.
    public init?(holding: [Double], failing: [Double]) {
        guard !holding.isEmpty, !failing.isEmpty else { return nil }
        let a = holding.sorted()
        let b = failing.sorted()
        var i = 0
        var j = 0
        var gap = 0.0
        while i < a.count || j < b.count {
            let x = Swift.min(i < a.count ? a[i] : .infinity, j < b.count ? b[j] : .infinity)
            while i < a.count && a[i] == x { i += 1 }
            while j < b.count && b[j] == x { j += 1 }
            gap = Swift.max(gap, abs(Double(i) / Double(a.count) - Double(j) / Double(b.count)))
        }
        distance = gap
        shift = a.reduce(0, +) / Double(a.count) - b.reduce(0, +) / Double(b.count)
    }
}
