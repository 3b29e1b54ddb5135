/// xoshiro256** 1.0 (Blackman and Vigna, 2018): the generator behind every random draw in swarmsim.
///
/// 256 bits of state, period 2^256 - 1, passes BigCrush and PractRand; seeded through SplitMix64 as
/// its authors recommend. Uniform doubles and bounded integers are derived here rather than through
/// the standard library's `random(in:using:)`, whose algorithms are not promised to stay the same
/// across Swift versions: swarmsim's outputs must.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose 256-bit state is four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
        // SplitMix64 outputs are a bijection of distinct counters, so all four being zero is impossible.
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1): never 0, so `log` of it is finite, and never 1.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        // (2^53 - 1) + 0.5 rounds up to 2^53, so the top value is clamped below 1.
        Swift.min((Double(next() >> 11) + 0.5) * 0x1.0p-53, 0x1.fffffffffffffp-1)
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's multiply-and-reject method).
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
