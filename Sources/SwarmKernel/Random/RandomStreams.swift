/// The source of every independent random stream of one run.
///
/// A stream is named by what it drives ("agent.traits", "task.difficulty") and an entity index.
/// Its seed is a hash of (run seed, name, index) alone, so agent 17's traits are the same draws
/// whichever topology runs and however many agents there are (common random numbers), and drawing
/// more from one stream never shifts another.
public struct RandomStreams: Sendable {
    /// The run seed every stream is derived from.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The generator for stream `name`, entity `index`. Calling this twice returns two copies of the
    /// same stream, so keep the generator rather than asking again.
    public func stream(_ name: String, index: Int = 0) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: streamSeed(name, index: index))
    }

    /// The 64-bit seed of stream `name`, entity `index`.
    public func streamSeed(_ name: String, index: Int = 0) -> UInt64 {
        var h = SplitMix64.mix(seed ^ 0x5EED_5EED_5EED_5EED)
        h = SplitMix64.mix(h ^ RandomStreams.fnv1a(name))
        h = SplitMix64.mix(h ^ UInt64(bitPattern: Int64(index)))
        return h
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`: stable across processes and platforms,
    /// unlike `Hasher`, which Swift seeds anew in every process.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
