/// The sweep of a scenario: a full-factorial grid over model parameters named by dotted paths
/// (`"agents.count": [1, 2, 5]`). Points are numbered in grid order, the first axis varying slowest,
/// as a scenario author reads the sweep top to bottom.
public struct SweepGrid: Sendable, Equatable {
    /// One swept parameter and the values it takes, in the order written.
    public struct Axis: Sendable, Equatable {
        /// The dotted path, as written: `agents.count`.
        public let path: String
        /// The path split at dots: `["agents", "count"]`.
        public let components: [String]
        public let values: [JSONValue]

        public init(path: String, values: [JSONValue]) {
            self.path = path
            self.components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            self.values = values
        }
    }

    /// The axes in the order the scenario writes them.
    public let axes: [Axis]

    public init(axes: [Axis] = []) {
        self.axes = axes
    }

    /// Points in the grid: the product of the axes' value counts (1 without axes).
    /// - Complexity: O(axes); callers check `ScenarioLimits` before relying on it not overflowing.
    public var pointCount: Int {
        axes.reduce(1) { $0 * $1.values.count }
    }

    /// The index into each axis's values at `point`; the last axis varies fastest.
    public func coordinates(of point: Int) -> [Int] {
        precondition(point >= 0 && point < pointCount, "point \(point) is outside the grid of \(pointCount)")
        var remainder = point
        var indices = Array(repeating: 0, count: axes.count)
        for (position, axis) in axes.enumerated().reversed() {
            indices[position] = remainder % axis.values.count
            remainder /= axis.values.count
        }
        return indices
    }

    /// The point whose index into each axis's values is `coordinates` (inverse of `coordinates(of:)`).
    public func point(at coordinates: [Int]) -> Int {
        precondition(coordinates.count == axes.count, "one coordinate per axis")
        return zip(axes, coordinates).reduce(0) { $0 * $1.0.values.count + $1.1 }
    }

    /// Each axis's value at `point`, as (dotted path, value) parameters in axis order.
    public func parameters(at point: Int) -> [RunSpec.Parameter] {
        zip(axes, coordinates(of: point)).map { RunSpec.Parameter(path: $0.path, value: $0.values[$1]) }
    }
}
