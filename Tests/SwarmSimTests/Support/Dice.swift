@testable import SwarmKernel

/// Seeded choices for tests that damage files at random: the same seed gives the same damages on
/// every machine, so a failure can be replayed.
struct Dice {
    private var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// A number in 0..<count.
    mutating func pick(_ count: Int) -> Int {
        Int(generator.next() % UInt64(count))
    }

    /// One of `choices`.
    mutating func one<T>(of choices: [T]) -> T {
        choices[pick(choices.count)]
    }
}
