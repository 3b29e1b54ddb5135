import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel

/// The board's listing: picks by rejection over difficulty classes must draw tasks exactly as the
/// linear rule did (weight exp(-s d) over the sum of the weights), and listing order must survive
/// removals from the middle, which deferral of the oldest task depends on.
@Suite struct BoardListingTests {
    /// Difficulties of the listed tasks: both ends of [0, 1], two tasks in one class, and a spread.
    private let difficulties: [Double] = [0, 0.05, 0.051, 0.2, 0.33, 0.5, 0.61, 0.75, 0.9, 1]

    /// The rule the board used before classes: each listed task's probability, exp(-s d) over the sum.
    private func linearRuleProbabilities(avoidance: Double) -> [Double] {
        let weights = difficulties.map { exp(-avoidance * $0) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Pearson's chi-square statistic of `observed` counts against cell `probabilities`.
    private func chiSquare(observed: [Int], probabilities: [Double]) -> Double {
        let n = Double(observed.reduce(0, +))
        return zip(observed, probabilities).reduce(0.0) { sum, cell in
            let expected = n * cell.1
            return sum + (Double(cell.0) - expected) * (Double(cell.0) - expected) / expected
        }
    }

    // The chi-square's upper 0.001 quantile with 9 degrees of freedom (ten cells) is 27.877
    // (scipy.stats.chi2.ppf(0.999, 9)); the seed is fixed, so the check always passes or always fails.
    @Test("Picks follow the linear rule exp(-s d) / sum by a chi-square test at alpha = 0.001 (df 9), for s = 0, 2.4 and 8.",
          arguments: [(0.0, 1), (2.4, 2), (8.0, 3)])
    func picksFollowTheLinearRule(avoidance: Double, stream: Int) {
        var listing = BoardListing(avoidanceStrength: 8)
        for (index, difficulty) in difficulties.enumerated() {
            listing.append(Int32(index * 3), difficulty: difficulty)
        }
        var rng = RandomStreams(seed: 20_261_130).stream("board-pick", index: stream)
        var counts = Array(repeating: 0, count: difficulties.count)
        for _ in 0..<200_000 {
            counts[Int(listing.pick(avoidance: avoidance, &rng)) / 3] += 1
        }
        #expect(chiSquare(observed: counts, probabilities: linearRuleProbabilities(avoidance: avoidance)) < 27.877)
    }

    // Past the class cap (s > 1,024) a try by rejection would almost never be accepted, so the pick
    // scans instead: tasks a millionth apart at s = 1e6 (the schema's largest) weigh e^0 ... e^-9.
    @Test("At the largest avoidance strength a pick ends and still follows exp(-s d) / sum (chi-square, alpha = 0.001, df 9).")
    func strongestAvoidanceFollowsTheLinearRule() {
        var listing = BoardListing(avoidanceStrength: 1e6)
        for index in 0..<10 {
            listing.append(Int32(index), difficulty: 0.5 + Double(index) * 1e-6)
        }
        var rng = RandomStreams(seed: 20_261_130).stream("board-pick", index: 4)
        var counts = Array(repeating: 0, count: 10)
        for _ in 0..<200_000 {
            counts[Int(listing.pick(avoidance: 1e6, &rng))] += 1
        }
        let weights = (0..<10).map { exp(-1e6 * (Double($0) * 1e-6)) }
        let total = weights.reduce(0, +)
        #expect(chiSquare(observed: counts, probabilities: weights.map { $0 / total }) < 27.877)
    }

    @Test("Removals anywhere keep the rest in listing order, through compactions; picks draw only listed tasks.")
    func removalsKeepListingOrder() {
        var listing = BoardListing(avoidanceStrength: 8)
        var expected: [Int32] = []
        for slot in 0..<200 {
            listing.append(Int32(slot), difficulty: Double(slot % 17) / 16)
            expected.append(Int32(slot))
        }
        var rng = RandomStreams(seed: 7).stream("board-order", index: 0)
        for round in 0..<150 {
            let slot = round % 3 == 0 ? listing.oldest! : listing.pick(avoidance: 4, &rng)
            #expect(listing.contains(slot))
            listing.remove(slot)
            expected.removeAll { $0 == slot }
            #expect(!listing.contains(slot))
            if round % 10 == 0 {
                let newcomer = Int32(200 + round)
                listing.append(newcomer, difficulty: 0.5)
                expected.append(newcomer)
            }
        }
        #expect(listing.slots == expected)
        #expect(listing.count == expected.count)
        #expect(listing.oldest == expected.first)
    }

    @Test("Claims keep their writing order through removals and compactions, and are found by task slot and counted by agent.")
    func claimsKeepWritingOrder() {
        var claims = ClaimList()
        let stamp = TaskBoard.Stamp(time: 0, guarded: true)
        for slot in 0..<100 {
            claims.append(TaskBoard.Claim(slot: Int32(slot), agent: AgentID(slot % 7), claimed: stamp))
        }
        for slot in stride(from: 0, to: 100, by: 3) {
            #expect(claims.remove(on: Int32(slot))?.slot == Int32(slot))
        }
        #expect(claims.remove(on: 3) == nil)
        claims.removeAll { $0.slot % 5 == 0 }
        let expected = (0..<100).filter { $0 % 3 != 0 && $0 % 5 != 0 }.map(Int32.init)
        #expect(claims.map(\.slot) == expected)
        #expect(claims.count == expected.count)
        #expect(claims.claim(on: 4)?.agent == AgentID(4))
        #expect(claims.claim(on: 9) == nil)
        #expect(claims.claims(by: AgentID(4)) == expected.filter { $0 % 7 == 4 }.count)
    }
}
