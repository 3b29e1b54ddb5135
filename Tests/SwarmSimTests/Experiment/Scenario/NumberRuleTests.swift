import Testing
@testable import SwarmExperiment

@Suite struct NumberRuleTests {
    @Test("An integer rule allows only values Int(exactly:) converts: 2^63 compares equal to Double(Int.max) but is no Int.")
    func integersAreExact() {
        let rule = NumberRule.integer(0...Int.max)
        #expect(!rule.allows(Double(Int.max)) && !rule.allows(1e300) && !rule.allows(.infinity) && !rule.allows(.nan) && !rule.allows(2.5))
        #expect(rule.allows(0) && rule.allows(9_007_199_254_740_992) && !rule.allows(-1))
        let log = ProblemLog()
        #expect(ObjectReader.integer(.number(Double(Int.max)), at: ConfigPath(["n"]), 0...Int.max, log: log) == nil)
        #expect(log.problems.map(\.description) == ["n: must be a whole number, at least 0 (found 9.223372036854776e+18)"])
    }
}
