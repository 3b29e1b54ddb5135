/// Walker's alias method with Vose's construction (1991): a draw from n weighted outcomes in O(1)
/// from one random number, where a search of the cumulative weights costs O(log n) of unpredictable
/// branches. Zipf and choice draw through it (their files and hotspots are drawn on every task).
@usableFromInline
struct AliasTable: Sendable {
    /// Per column: the probability of giving the column's own outcome, and the outcome given otherwise.
    @usableFromInline let keep: [Double]
    @usableFromInline let alias: [Int]

    /// A table for outcomes 0..<weights.count with probabilities proportional to `weights` (which
    /// decoding has checked: finite, non-negative, not all 0).
    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var keep = Array(repeating: 1.0, count: n)
        var alias = Array(0..<n)
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let under = small.last, let over = large.last {
            small.removeLast()
            large.removeLast()
            keep[under] = scaled[under]
            alias[under] = over
            scaled[over] = (scaled[over] + scaled[under]) - 1
            if scaled[over] < 1 { small.append(over) } else { large.append(over) }
        }
        // Columns left over are full up to rounding, and keep their own outcome.
        self.keep = keep
        self.alias = alias
    }

    /// One outcome: the integer part of n U picks a column, its fraction decides between the
    /// column's outcome and its alias.
    @inlinable
    func index(_ rng: inout Xoshiro256StarStar) -> Int {
        let u = rng.nextUnit() * Double(keep.count)
        // n U can round up to n itself when U is within 2^-53 of 1.
        let column = min(Int(u), keep.count - 1)
        return u - Double(column) < keep[column] ? column : alias[column]
    }
}
