/// First-order (S1), total (ST) and optionally second-order (S2) Sobol' indices from the outputs
/// of a `SaltelliDesign`, with bootstrap intervals.
///
/// Estimators: S1 of Saltelli et al. (2010), V_i = mean(f(B) (f(AB_i) - f(A))); ST of Jansen
/// (1999), V_Ti = mean((f(A) - f(AB_i))^2) / 2; S2 of Saltelli (2002),
/// V_ij = mean(f(BA_i) f(AB_j) - f(A) f(B)) - V_i - V_j; each over the variance of f(A) and f(B)
/// together. The outputs are first standardised (less their mean, over their standard deviation),
/// as SALib does: the estimators are not invariant to a shift of the output, and centring lowers
/// their variance. The bootstrap resamples the N blocks with replacement.
public struct SobolIndices: Sendable {
    public let design: SaltelliDesign
    public let firstOrder: [IndexEstimate]
    public let total: [IndexEstimate]
    /// `secondOrder[i][j]` for i < j (nil elsewhere); empty without second order.
    public let secondOrder: [[IndexEstimate?]]

    /// Why outputs cannot be analysed.
    public enum Problem: Error, Sendable, Equatable {
        /// The number of outputs is not a whole number of blocks (or is none).
        case notWholeBlocks(outputs: Int, blockSize: Int)
        /// Every output is the same: there is no variance to apportion.
        case constantOutput
    }

    /// The indices of `outputs`, one per design row in the design's order.
    public init(design: SaltelliDesign, outputs: [Double], bootstrap: BootstrapSettings) throws(Problem) {
        let size = design.blockSize
        guard !outputs.isEmpty, outputs.count % size == 0 else { throw .notWholeBlocks(outputs: outputs.count, blockSize: size) }
        let mean = outputs.reduce(0, +) / Double(outputs.count)
        let sd = (outputs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(outputs.count)).squareRoot()
        guard sd > 0, sd.isFinite else { throw .constantOutput }
        let y = outputs.map { ($0 - mean) / sd }
        let blocks = outputs.count / size
        let estimator = Estimator(design: design, y: y)
        let whole = estimator.indices(blocks: Array(0..<blocks))
        let resampled = bootstrap.resampledIndices(count: blocks, stream: "sobol-bootstrap").map(estimator.indices)
        let k = design.factors
        func interval(_ pick: (Estimator.Point) -> Double) -> IndexEstimate {
            IndexEstimate.percentile(pick(whole), replicates: resampled.map(pick), confidence: bootstrap.confidence)
        }
        self.design = design
        firstOrder = (0..<k).map { i in interval { $0.first[i] } }
        total = (0..<k).map { i in interval { $0.total[i] } }
        secondOrder = design.secondOrder
            ? (0..<k).map { i in (0..<k).map { j in j > i ? interval { $0.second[i][j] } : nil } }
            : []
    }

    /// The estimators on a chosen list of blocks (the whole design, or a bootstrap resample).
    private struct Estimator {
        struct Point {
            var first: [Double]
            var total: [Double]
            var second: [[Double]]
        }

        let design: SaltelliDesign
        let y: [Double]

        func indices(blocks: [Int]) -> Point {
            let k = design.factors
            let size = design.blockSize
            let n = Double(blocks.count)
            var sumAB = 0.0
            var sumSquares = 0.0
            var sum = 0.0
            var firstSums = [Double](repeating: 0, count: k)
            var totalSums = [Double](repeating: 0, count: k)
            var secondSums = [[Double]](repeating: [Double](repeating: 0, count: k), count: design.secondOrder ? k : 0)
            for block in blocks {
                let base = block * size
                let a = y[base + design.aRow]
                let b = y[base + design.bRow]
                sum += a + b
                sumSquares += a * a + b * b
                sumAB += a * b
                for i in 0..<k {
                    let ab = y[base + design.abRow(i)]
                    firstSums[i] += b * (ab - a)
                    totalSums[i] += (a - ab) * (a - ab)
                }
                if design.secondOrder {
                    for i in 0..<k {
                        let ba = y[base + design.baRow(i)]
                        for j in (i + 1)..<k {
                            secondSums[i][j] += ba * y[base + design.abRow(j)]
                        }
                    }
                }
            }
            let pooledMean = sum / (2 * n)
            let variance = sumSquares / (2 * n) - pooledMean * pooledMean
            let first = firstSums.map { $0 / n / variance }
            let total = totalSums.map { $0 / (2 * n) / variance }
            var second = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
            if design.secondOrder {
                for i in 0..<k {
                    for j in (i + 1)..<k {
                        second[i][j] = (secondSums[i][j] - sumAB) / n / variance - first[i] - first[j]
                    }
                }
            }
            return Point(first: first, total: total, second: second)
        }
    }
}
