import SwarmKernel
import SwarmExperiment

/// A sampling design over a scenario's factors: rows of unit-hypercube coordinates, and the same
/// rows in the factors' own values, as `swarmsim sensitivity sample` writes them (one column per
/// factor, named by its path) and as design points are run.
public struct SensitivityDesign: Sendable {
    public let factors: [Factor]
    public let method: SensitivityMethod
    /// Whether a Sobol' design has the rows of second-order indices.
    public let secondOrder: Bool
    /// The levels of a Morris design (its step is p / (2 (p - 1))).
    public let morrisLevels: Int
    /// Coordinates in [0, 1], one row per design point.
    public let unitRows: [[Double]]

    /// Why a design cannot be made.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case noFactors
        case tooManyFactors(found: Int, allowed: Int)
        case sobolBaseNotPowerOfTwo(found: Int)
        case countTooSmall(method: SensitivityMethod, found: Int, least: Int)
        case tooManyRows(found: Int, allowed: Int)

        public var description: String {
            switch self {
            case .noFactors:
                return "no factors: give the scenario a \"factors\" object of parameters and ranges"
            case .tooManyFactors(let found, let allowed):
                return "\(found) factors; a Sobol' design takes at most \(allowed)"
            case .sobolBaseNotPowerOfTwo(let found):
                let up = 1 << (Int.bitWidth - max(found - 1, 1).leadingZeroBitCount)
                return "--n must be a power of two for a Sobol' design, which keeps the Sobol' net balanced (found \(found); try \(up))"
            case .countTooSmall(let method, let found, let least):
                return "--n must be at least \(least) for \(method.rawValue) (found \(found))"
            case .tooManyRows(let found, let allowed):
                return "the design would have \(found) rows; at most \(allowed)"
            }
        }
    }

    /// The most rows a design may have (a design is held in memory and each row is a model run).
    public static let maxRows = 10_000_000

    /// The design of `method` with `n` base samples (Sobol': blocks of k + 2 or 2k + 2 rows;
    /// Morris: trajectories of k + 1 rows, chosen from `morrisCandidates` at `morrisLevels`; Latin
    /// hypercube: points), scrambled and drawn with `seed`.
    public init(factors: [Factor], method: SensitivityMethod, n: Int, secondOrder: Bool = false, seed: UInt64 = 1,
                morrisLevels: Int = 4, morrisCandidates: Int? = nil) throws(Problem) {
        guard !factors.isEmpty else { throw .noFactors }
        let k = factors.count
        let rowCount: Int
        switch method {
        case .sobol:
            guard k <= SaltelliDesign.maxFactors else { throw .tooManyFactors(found: k, allowed: SaltelliDesign.maxFactors) }
            guard n >= 2 else { throw .countTooSmall(method: method, found: n, least: 2) }
            guard n & (n - 1) == 0 else { throw .sobolBaseNotPowerOfTwo(found: n) }
            rowCount = n.multipliedReportingOverflow(by: SaltelliDesign(factors: k, secondOrder: secondOrder).blockSize).partialValue
        case .morris:
            guard n >= 2 else { throw .countTooSmall(method: method, found: n, least: 2) }
            rowCount = n.multipliedReportingOverflow(by: k + 1).partialValue
        case .lhs:
            guard n >= 1 else { throw .countTooSmall(method: method, found: n, least: 1) }
            rowCount = n
        }
        guard rowCount > 0, rowCount <= SensitivityDesign.maxRows else { throw .tooManyRows(found: rowCount, allowed: SensitivityDesign.maxRows) }
        self.factors = factors
        self.method = method
        self.secondOrder = secondOrder && method == .sobol
        self.morrisLevels = morrisLevels
        switch method {
        case .sobol:
            unitRows = SaltelliDesign(factors: k, secondOrder: secondOrder).rows(baseSamples: n, seed: seed)
        case .morris:
            let candidates = max(morrisCandidates ?? 4 * n, n)
            unitRows = MorrisDesign(factors: k, levels: morrisLevels).rows(trajectories: n, candidates: candidates, seed: seed)
        case .lhs:
            unitRows = LatinHypercube.rows(factors: k, count: n, seed: seed)
        }
    }

    /// Each row in the factors' values.
    public var valueRows: [[JSONValue]] {
        unitRows.map { row in zip(factors, row).map { $0.value(at: $1) } }
    }

    /// The design as CSV text: a header of factor paths, then one row per point.
    public var csv: String {
        var text = ""
        CSVWriter.writeHeader(factors.map(\.path), to: &text)
        for row in valueRows {
            CSVWriter.writeRow(row.map(CSVCell.json), to: &text)
        }
        return text
    }
}
