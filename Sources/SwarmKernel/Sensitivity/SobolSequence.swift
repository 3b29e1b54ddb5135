/// A scrambled Sobol' low-discrepancy sequence in up to 128 dimensions, with 32 binary digits per
/// coordinate (2^32 points), on Joe and Kuo's direction numbers (`SobolDirectionNumbers`).
///
/// Scrambled as Matousek's linear matrix scramble plus a digital shift (the scheme scipy's
/// `qmc.Sobol(scramble=True)` uses, which SALib samples with): each dimension's direction numbers
/// are multiplied by a random lower-triangular binary matrix with a unit diagonal, and every point
/// is XORed with a random shift. The scramble keeps the net's balance (each of 2^m points falls in
/// every elementary interval of its size once) while removing the unscrambled sequence's bias
/// towards its first point, the origin. Draws come from the seeded `Xoshiro256StarStar` only, so a
/// seed gives the same points everywhere.
public struct SobolSequence: Sendable {
    /// The most dimensions the direction numbers carry.
    public static let maxDimensions = SobolDirectionNumbers.table.count + 1
    private static let digits = 32

    public let dimensions: Int
    /// `directions[d][k]`: the (scrambled) direction number of digit k of dimension d.
    private let directions: [[UInt32]]
    private let shifts: [UInt32]

    /// A sequence of `dimensions` (1...maxDimensions) scrambled with the random streams of `seed`;
    /// unscrambled (the plain Joe-Kuo sequence, which starts at the origin) when `scrambled` is false.
    public init(dimensions: Int, seed: UInt64, scrambled: Bool = true) {
        precondition((1...SobolSequence.maxDimensions).contains(dimensions), "Sobol' dimensions must be 1...\(SobolSequence.maxDimensions)")
        self.dimensions = dimensions
        var rng = RandomStreams(seed: seed).stream("sobol-scramble")
        var directions: [[UInt32]] = []
        var shifts: [UInt32] = []
        for dimension in 0..<dimensions {
            let plain = SobolSequence.unscrambledDirections(dimension)
            guard scrambled else {
                directions.append(plain)
                shifts.append(0)
                continue
            }
            let matrix = SobolSequence.randomLowerTriangular(&rng)
            directions.append(plain.map { SobolSequence.multiply(matrix, $0) })
            shifts.append(UInt32(truncatingIfNeeded: rng.next() >> 32))
        }
        self.directions = directions
        self.shifts = shifts
    }

    /// Point `index` (0 ..< 2^32), each coordinate in [0, 1). Points are in Gray-code order, as
    /// every Sobol' generator numbers them, so the first 2^m points form a (t, m, s)-net.
    public func point(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < 1 << SobolSequence.digits, "Sobol' index out of range")
        let gray = UInt32(index ^ (index >> 1))
        return (0..<dimensions).map { dimension in
            var x = shifts[dimension]
            var bits = gray
            var digit = 0
            while bits != 0 {
                if bits & 1 == 1 { x ^= directions[dimension][digit] }
                bits >>= 1
                digit += 1
            }
            return Double(x) / 4_294_967_296.0
        }
    }

    /// The first `count` points.
    public func points(_ count: Int) -> [[Double]] {
        (0..<count).map(point)
    }

    /// Direction numbers V_1...V_32 of `dimension` (0-based) as left-aligned 32-bit fractions:
    /// dimension 0 is the van der Corput sequence; the others follow the recurrence of Bratley
    /// and Fox from Joe and Kuo's initial numbers and primitive polynomial.
    static func unscrambledDirections(_ dimension: Int) -> [UInt32] {
        let count = digits
        guard dimension > 0 else { return (1...count).map { UInt32(1) << UInt32(count - $0) } }
        let (degree, coefficients, initial) = SobolDirectionNumbers.table[dimension - 1]
        var v = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            if i < degree {
                v[i] = initial[i] << UInt32(count - 1 - i)
            } else {
                var value = v[i - degree] ^ (v[i - degree] >> UInt32(degree))
                for k in 1..<degree where (coefficients >> UInt32(degree - 1 - k)) & 1 == 1 {
                    value ^= v[i - k]
                }
                v[i] = value
            }
        }
        return v
    }

    /// A random lower-triangular binary matrix with ones on the diagonal, as rows: row r (digit r,
    /// the most significant first) is a mask over the digits 0...r, digit c at bit 31 - c.
    private static func randomLowerTriangular(_ rng: inout Xoshiro256StarStar) -> [UInt32] {
        (0..<digits).map { row in
            let diagonal = UInt32(1) << UInt32(digits - 1 - row)
            guard row > 0 else { return diagonal }
            let random = UInt32(truncatingIfNeeded: rng.next() >> 32)
            return diagonal | (random & (UInt32.max << UInt32(digits - row)))
        }
    }

    /// The matrix times the digit vector `v` over GF(2): digit r of the result is the parity of
    /// row r and `v`.
    private static func multiply(_ matrix: [UInt32], _ v: UInt32) -> UInt32 {
        var result: UInt32 = 0
        for (row, mask) in matrix.enumerated() where (mask & v).nonzeroBitCount % 2 == 1 {
            result |= UInt32(1) << UInt32(digits - 1 - row)
        }
        return result
    }
}
