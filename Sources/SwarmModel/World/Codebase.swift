import SwarmKernel

/// The files of the codebase, grouped into areas, each remembering the last commit that touched it.
/// A file touched after an agent's base commit is a conflict for that agent.
///
/// File ids run area by area: file `rank - 1` of area `a` is `a * filesPerArea + rank - 1`, and rank 1
/// is the area's hottest file, so Zipf-distributed ranks make hotspots.
public struct Codebase: Sendable {
    public let areas: Int
    public let filesPerArea: Int
    /// Chance that a task also touches a hotspot file of another area.
    public let crossAreaProbability: Double
    /// Commits landed so far; commit k is the k-th (1-based).
    public private(set) var commitCount = 0
    /// The last commit that touched each file (0: none yet).
    public private(set) var lastChange: [Int]
    /// Zipf over ranks 1...filesPerArea: which file of an area a task touches.
    let hotspot: Distribution
    /// Per file: nominal agent-hours of misaligned work landed in it and not reverted.
    private(set) var misalignedEffort: [Double]

    init(_ config: CodebaseConfig) {
        areas = config.areas
        filesPerArea = config.filesPerArea
        crossAreaProbability = config.crossAreaProbability
        lastChange = Array(repeating: 0, count: config.areas * config.filesPerArea)
        hotspot = Distribution(.zipf(n: config.filesPerArea, s: config.hotspotSkew))
        misalignedEffort = Array(repeating: 0, count: config.areas * config.filesPerArea)
    }

    /// A file of `area` drawn with hotspot skew.
    func drawFile(in area: Int, _ rng: inout Xoshiro256StarStar) -> Int32 {
        Int32(area * filesPerArea + Int(hotspot.sample(&rng)) - 1)
    }

    /// The area a file belongs to.
    func area(of file: Int32) -> Int {
        Int(file) / filesPerArea
    }

    /// Records a commit touching `files`.
    mutating func commit(_ files: ArraySlice<Int32>) {
        commitCount += 1
        for file in files {
            lastChange[Int(file)] = commitCount
        }
    }

    /// A misaligned change of `effort` nominal agent-hours landed in `files`: each keeps its share.
    mutating func recordMisaligned(effort: Double, in files: ArraySlice<Int32>) {
        guard !files.isEmpty else { return }
        let share = effort / Double(files.count)
        for file in files { misalignedEffort[Int(file)] += share }
    }

    /// The misaligned effort in `file` is reverted: returns it, and the file holds none.
    mutating func revertMisaligned(in file: Int32) -> Double {
        defer { misalignedEffort[Int(file)] = 0 }
        return misalignedEffort[Int(file)]
    }

    /// Files among `files` changed by commits after `base`.
    func changedSince(_ base: Int, _ files: ArraySlice<Int32>) -> Int {
        var count = 0
        for file in files where lastChange[Int(file)] > base {
            count += 1
        }
        return count
    }
}
