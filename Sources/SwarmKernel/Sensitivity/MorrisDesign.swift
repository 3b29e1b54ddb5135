/// Morris's elementary-effects screening design (Morris 1991), with Campolongo, Cariboni and
/// Saltelli's (2007) optimised spread, in the unit hypercube.
///
/// Each factor takes `levels` values 0, 1/(p-1), ..., 1 (p even). A trajectory starts at a random
/// grid point and moves one factor at a time, in a random order, by delta = p / (2 (p - 1)) up or
/// down, so its k + 1 points give one elementary effect of each of the k factors. To spread the
/// trajectories over the space, `candidates` trajectories are drawn and `trajectories` of them
/// chosen greedily: first the two farthest apart, then each time the candidate whose summed
/// squared distance to those chosen is largest (the distance of two trajectories being the sum of
/// the Euclidean distances between their points). The brute-force optimum of Campolongo et al. is
/// combinatorial; the greedy choice is the one Ruano et al. (2012) show comes close to it.
public struct MorrisDesign: Sendable, Equatable {
    public let factors: Int
    public let levels: Int

    public init(factors: Int, levels: Int) {
        precondition(factors >= 1, "a design needs a factor")
        precondition(levels >= 2 && levels % 2 == 0, "Morris levels must be even and at least 2")
        self.factors = factors
        self.levels = levels
    }

    /// The step each point of a trajectory makes in one factor: p / (2 (p - 1)).
    public var delta: Double {
        Double(levels) / Double(2 * (levels - 1))
    }

    /// Rows in one trajectory.
    public var trajectoryLength: Int {
        factors + 1
    }

    /// `trajectories` trajectories (chosen from `candidates` >= `trajectories`), one after another.
    public func rows(trajectories: Int, candidates: Int, seed: UInt64) -> [[Double]] {
        precondition(trajectories >= 1 && candidates >= trajectories, "need at least as many candidates as trajectories")
        var rng = RandomStreams(seed: seed).stream("morris")
        let pool = (0..<candidates).map { _ in trajectory(&rng) }
        return selectSpread(pool, count: trajectories).flatMap { pool[$0] }
    }

    /// One random trajectory: a start on the grid from which every move stays in [0, 1], a random
    /// direction per factor and a random order of the factors.
    private func trajectory(_ rng: inout Xoshiro256StarStar) -> [[Double]] {
        let startLevels = levels / 2
        var point = (0..<factors).map { _ in Double(rng.nextInt(below: startLevels)) / Double(levels - 1) }
        var upward = (0..<factors).map { _ in rng.nextInt(below: 2) == 1 }
        for factor in 0..<factors where !upward[factor] {
            point[factor] += delta
        }
        var order = Array(0..<factors)
        for position in stride(from: factors - 1, to: 0, by: -1) {
            order.swapAt(position, rng.nextInt(below: position + 1))
        }
        var rows = [point]
        for factor in order {
            point[factor] += upward[factor] ? delta : -delta
            upward[factor].toggle()
            rows.append(point)
        }
        return rows
    }

    /// The indices of `count` trajectories of `pool`, chosen greedily for spread, in pool order.
    private func selectSpread(_ pool: [[[Double]]], count: Int) -> [Int] {
        guard count < pool.count else { return Array(pool.indices) }
        var distance = [[Double]](repeating: [Double](repeating: 0, count: pool.count), count: pool.count)
        for m in pool.indices {
            for l in (m + 1)..<pool.count {
                let d = MorrisDesign.distance(pool[m], pool[l])
                distance[m][l] = d
                distance[l][m] = d
            }
        }
        var chosen: [Int] = []
        if count >= 2 {
            var best = (0, 1)
            for m in pool.indices {
                for l in (m + 1)..<pool.count where distance[m][l] > distance[best.0][best.1] {
                    best = (m, l)
                }
            }
            chosen = [best.0, best.1]
        } else {
            chosen = [0]
        }
        var spread = pool.indices.map { candidate in chosen.reduce(0) { $0 + distance[candidate][$1] * distance[candidate][$1] } }
        while chosen.count < count {
            var next = -1
            for candidate in pool.indices where !chosen.contains(candidate) && (next < 0 || spread[candidate] > spread[next]) {
                next = candidate
            }
            chosen.append(next)
            for candidate in pool.indices {
                spread[candidate] += distance[candidate][next] * distance[candidate][next]
            }
        }
        return chosen.sorted()
    }

    /// Campolongo et al.'s distance between two trajectories: the sum over their pairs of points of
    /// the Euclidean distance.
    static func distance(_ a: [[Double]], _ b: [[Double]]) -> Double {
        var total = 0.0
        for p in a {
            for q in b {
                var squares = 0.0
                for (x, y) in zip(p, q) {
                    squares += (x - y) * (x - y)
                }
                total += squares.squareRoot()
            }
        }
        return total
    }
}
