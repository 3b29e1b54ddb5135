/// The sweep of a scenario: a full-factorial grid over model parameters named by dotted paths
/// (`"agents.count": [1, 2, 5]`). Paired axes (`"zip"`) vary together, as one dimension of the
/// grid. Points are numbered in grid order, the first dimension varying slowest, as a scenario
/// author reads the sweep top to bottom.
public struct SweepGrid: Sendable, Equatable {
    /// One swept parameter and the values it takes, in the order written.
    public struct Axis: Sendable, Equatable {
        /// The dotted path, as written: `agents.count`.
        public let path: String
        /// The path split at dots: `["agents", "count"]`.
        public let components: [String]
        public let values: [JSONValue]
        /// Where the values were written (the scenario's sweep, or a setting that replaced them),
        /// so that a problem with a value points there.
        public let origin: ConfigPath

        public init(path: String, values: [JSONValue], origin: ConfigPath? = nil) {
            self.path = path
            self.components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            self.values = values
            self.origin = origin ?? ConfigPath(["sweep", path])
        }

        /// This axis with other values, written at `origin`.
        func replacingValues(_ values: [JSONValue], origin: ConfigPath) -> Axis {
            Axis(path: path, values: values, origin: origin)
        }
    }

    /// The axes in the order the scenario writes them.
    public let axes: [Axis]
    /// The grid's dimensions in order, each the indices into `axes` that vary together: one axis
    /// alone, or the paired axes of a `zip`, which have as many values each.
    public let dimensions: [[Int]]

    /// A grid of `axes`, each its own dimension except those `paired` (groups of indices into
    /// `axes`, each group one dimension placed at its first axis).
    public init(axes: [Axis] = [], paired: [[Int]] = []) {
        self.axes = axes
        var dimensions: [[Int]] = []
        for index in axes.indices {
            if let group = paired.first(where: { $0.contains(index) }) {
                if group.first == index { dimensions.append(group) }
            } else {
                dimensions.append([index])
            }
        }
        self.dimensions = dimensions
    }

    /// Whether the axis at `index` is paired with others.
    public func isPaired(_ index: Int) -> Bool {
        dimensions.contains { $0.count > 1 && $0.contains(index) }
    }

    /// The same grid with only the axes `keep` accepts, their pairing kept.
    func filter(_ keep: (Axis) -> Bool) -> SweepGrid {
        let kept = axes.indices.filter { keep(axes[$0]) }
        let renumbered = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        return SweepGrid(axes: kept.map { axes[$0] }, paired: dimensions.map { $0.compactMap { renumbered[$0] } }.filter { $0.count > 1 })
    }

    /// The same grid with the axis at `index` replaced.
    func replacing(_ index: Int, with axis: Axis) -> SweepGrid {
        var axes = self.axes
        axes[index] = axis
        return SweepGrid(axes: axes, paired: dimensions.filter { $0.count > 1 })
    }

    /// The same grid with `axis` added as a dimension of its own, last.
    func appending(_ axis: Axis) -> SweepGrid {
        SweepGrid(axes: axes + [axis], paired: dimensions.filter { $0.count > 1 })
    }

    /// Values in each dimension: its first axis's count (decoding checks paired axes agree).
    private func length(of dimension: [Int]) -> Int {
        dimension.first.map { axes[$0].values.count } ?? 1
    }

    /// Points in the grid: the product of the dimensions' value counts (1 without axes).
    /// - Complexity: O(axes); callers check `ScenarioLimits` before relying on it not overflowing.
    public var pointCount: Int {
        dimensions.reduce(1) { $0 * length(of: $1) }
    }

    /// The index into each axis's values at `point`; the last dimension varies fastest, and paired
    /// axes share their index.
    public func coordinates(of point: Int) -> [Int] {
        precondition(point >= 0 && point < pointCount, "point \(point) is outside the grid of \(pointCount)")
        var remainder = point
        var indices = Array(repeating: 0, count: axes.count)
        for dimension in dimensions.reversed() {
            let length = length(of: dimension)
            for axis in dimension { indices[axis] = remainder % length }
            remainder /= length
        }
        return indices
    }

    /// The point whose index into each axis's values is `coordinates` (inverse of `coordinates(of:)`;
    /// paired axes are read at their dimension's first axis).
    public func point(at coordinates: [Int]) -> Int {
        precondition(coordinates.count == axes.count, "one coordinate per axis")
        return dimensions.reduce(0) { $0 * length(of: $1) + coordinates[$1[0]] }
    }

    /// `coordinates` with the axis at `index` moved to its value `value`, and the axes paired
    /// with it moved along.
    public func moving(_ coordinates: [Int], axis index: Int, to value: Int) -> [Int] {
        var moved = coordinates
        for axis in dimensions.first(where: { $0.contains(index) }) ?? [index] {
            moved[axis] = value
        }
        return moved
    }

    /// Each axis's value at `point`, as (dotted path, value) parameters in axis order.
    public func parameters(at point: Int) -> [RunSpec.Parameter] {
        zip(axes, coordinates(of: point)).map { RunSpec.Parameter(path: $0.path, value: $0.values[$1]) }
    }
}
