/// One of `count` deterministic slices of a run plan, for splitting a sweep across processes or
/// machines (GNU parallel, a Slurm job array). Shard K of N holds the runs whose 0-based plan
/// position p has p % N == K - 1: the slice depends on the plan alone, so every process agrees on
/// who runs what, and the N shards together hold every run exactly once.
///
/// Slices are dealt round-robin rather than cut into blocks because plans run from small swarms to
/// large ones: blocks would give the last shard all the expensive runs, while dealing gives every
/// shard a share of every variant and sweep point.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which slice, from 1 to `count`.
    public let index: Int
    /// How many slices the plan is dealt into, at least 1.
    public let count: Int

    /// The whole plan: slice 1 of 1.
    public static let whole = Shard(index: 1, count: 1)!

    /// Slice `index` (1-based) of `count`, or nil unless 1 <= index <= count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// True for the shard that is the whole plan.
    public var isWhole: Bool { count == 1 }

    /// "K/N", as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }

    /// The 0-based positions in `plan` of this shard's runs, ascending.
    /// - Complexity: O(1); the positions are computed when read.
    public func positions(in plan: RunPlan) -> LazyMapCollection<Range<Int>, Int> {
        let first = index - 1
        let runs = plan.count > first ? (plan.count - first + count - 1) / count : 0
        return (0..<runs).lazy.map { first + $0 * count }
    }
}
