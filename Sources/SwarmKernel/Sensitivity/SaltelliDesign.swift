/// Saltelli's sampling scheme for Sobol' indices (Saltelli 2002; Saltelli et al. 2010), in the
/// unit hypercube, laid out as SALib lays it out so that either tool can analyse the other's design.
///
/// Two matrices A and B of N rows come from one scrambled Sobol' sequence in 2k dimensions (A its
/// first k coordinates, B its last k). Each of the N blocks is, in order: A's row; for each factor
/// i, A's row with column i taken from B's (AB_i); with second-order indices, for each i, B's row
/// with column i from A's (BA_i); then B's row. So N (k + 2) rows, or N (2k + 2) with second order.
public struct SaltelliDesign: Sendable, Equatable {
    public let factors: Int
    public let secondOrder: Bool

    public init(factors: Int, secondOrder: Bool) {
        precondition(factors >= 1, "a design needs a factor")
        self.factors = factors
        self.secondOrder = secondOrder
    }

    /// The most factors the Sobol' sequence's dimensions carry.
    public static let maxFactors = SobolSequence.maxDimensions / 2

    /// Rows in one block (one row of A and B, and the rows mixed from them).
    public var blockSize: Int {
        secondOrder ? 2 * factors + 2 : factors + 2
    }

    /// Row of block holding A, AB_i, BA_i and B (offsets within a block).
    public var aRow: Int { 0 }
    public func abRow(_ factor: Int) -> Int { 1 + factor }
    public func baRow(_ factor: Int) -> Int { 1 + factors + factor }
    public var bRow: Int { blockSize - 1 }

    /// The design of `baseSamples` blocks (N, a power of two keeps the Sobol' net balanced), from
    /// the Sobol' sequence scrambled with `seed`.
    public func rows(baseSamples: Int, seed: UInt64) -> [[Double]] {
        precondition(factors <= SaltelliDesign.maxFactors, "at most \(SaltelliDesign.maxFactors) factors")
        let sequence = SobolSequence(dimensions: 2 * factors, seed: seed)
        var rows: [[Double]] = []
        rows.reserveCapacity(baseSamples * blockSize)
        for index in 0..<baseSamples {
            let point = sequence.point(index)
            let a = Array(point[..<factors])
            let b = Array(point[factors...])
            rows.append(a)
            for i in 0..<factors {
                var mixed = a
                mixed[i] = b[i]
                rows.append(mixed)
            }
            if secondOrder {
                for i in 0..<factors {
                    var mixed = b
                    mixed[i] = a[i]
                    rows.append(mixed)
                }
            }
            rows.append(b)
        }
        return rows
    }
}
