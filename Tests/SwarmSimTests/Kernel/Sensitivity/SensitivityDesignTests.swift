import Testing
@testable import SwarmKernel

@Suite struct SensitivityDesignTests {
    @Test("The unscrambled sequence starts as every Joe-Kuo Sobol' generator does: 0, 1/2, then (3/4, 1/4), (1/4, 3/4).")
    func unscrambledStart() {
        let points = SobolSequence(dimensions: 2, seed: 1, scrambled: false).points(4)
        #expect(points == [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]])
    }

    @Test("2^m scrambled points are a net: in every one of 128 dimensions, each interval of width 2^-m holds exactly one point.")
    func scrambledNetIsBalanced() {
        for seed: UInt64 in [1, 7] {
            let count = 1 << 10
            let points = SobolSequence(dimensions: SobolSequence.maxDimensions, seed: seed).points(count)
            for dimension in 0..<SobolSequence.maxDimensions {
                let cells = Set(points.map { Int($0[dimension] * Double(count)) })
                #expect(cells.count == count, "dimension \(dimension), seed \(seed)")
            }
            // Dimensions 1 and 2 form a (0, 2)-sequence: every 2^-5 x 2^-5 box holds one of 2^10 points.
            let boxes = Set(points.map { Int($0[0] * 32) * 32 + Int($0[1] * 32) })
            #expect(boxes.count == count)
        }
    }

    @Test("The scramble depends on the seed and nothing else.")
    func scrambleIsSeeded() {
        let a = SobolSequence(dimensions: 5, seed: 3).points(64)
        #expect(a == SobolSequence(dimensions: 5, seed: 3).points(64))
        #expect(a != SobolSequence(dimensions: 5, seed: 4).points(64))
        #expect(a[0] != [0, 0, 0, 0, 0])
    }

    @Test("A Saltelli block is A, each AB_i (A with B's column i), each BA_i with second order, then B.")
    func saltelliLayout() {
        let design = SaltelliDesign(factors: 3, secondOrder: true)
        let rows = design.rows(baseSamples: 4, seed: 1)
        let sobol = SobolSequence(dimensions: 6, seed: 1).points(4)
        #expect(rows.count == 4 * 8)
        for block in 0..<4 {
            let a = Array(sobol[block][..<3])
            let b = Array(sobol[block][3...])
            let base = block * design.blockSize
            #expect(rows[base] == a && rows[base + design.bRow] == b)
            for i in 0..<3 {
                var ab = a
                ab[i] = b[i]
                var ba = b
                ba[i] = a[i]
                #expect(rows[base + design.abRow(i)] == ab && rows[base + design.baRow(i)] == ba)
            }
        }
    }

    @Test("A Latin hypercube has exactly one point in each of the N strata of every factor.")
    func latinHypercubeStrata() {
        let rows = LatinHypercube.rows(factors: 4, count: 50, seed: 2)
        for factor in 0..<4 {
            #expect(Set(rows.map { Int($0[factor] * 50) }) == Set(0..<50))
        }
    }

    @Test("Each Morris trajectory moves every factor once by +-delta, on the grid of levels, inside [0, 1].")
    func morrisTrajectories() {
        let design = MorrisDesign(factors: 5, levels: 4)
        let rows = design.rows(trajectories: 10, candidates: 40, seed: 1)
        #expect(rows.count == 10 * 6)
        let grid = (0..<4).map { Double($0) / 3 }
        for trajectory in 0..<10 {
            var moved = Set<Int>()
            for step in 0..<5 {
                let before = rows[trajectory * 6 + step]
                let after = rows[trajectory * 6 + step + 1]
                let changed = (0..<5).filter { before[$0] != after[$0] }
                #expect(changed.count == 1)
                #expect(abs(abs(after[changed[0]] - before[changed[0]]) - design.delta) < 1e-12)
                moved.insert(changed[0])
            }
            #expect(moved == Set(0..<5))
            for point in rows[(trajectory * 6)..<(trajectory * 6 + 6)] {
                #expect(point.allSatisfy { x in grid.contains { abs($0 - x) < 1e-12 } })
            }
        }
    }

    @Test("Choosing trajectories for spread spreads them: the chosen set is farther apart than the first N candidates.")
    func morrisSpread() {
        let design = MorrisDesign(factors: 4, levels: 4)
        func spread(_ rows: [[Double]]) -> Double {
            let trajectories = stride(from: 0, to: rows.count, by: 5).map { Array(rows[$0..<($0 + 5)]) }
            var total = 0.0
            for m in trajectories.indices {
                for l in (m + 1)..<trajectories.count {
                    total += pow2(MorrisDesign.distance(trajectories[m], trajectories[l]))
                }
            }
            return total.squareRoot()
        }
        func pow2(_ x: Double) -> Double { x * x }
        let chosen = design.rows(trajectories: 10, candidates: 100, seed: 5)
        let unchosen = design.rows(trajectories: 10, candidates: 10, seed: 5)
        #expect(spread(chosen) > spread(unchosen))
    }
}
