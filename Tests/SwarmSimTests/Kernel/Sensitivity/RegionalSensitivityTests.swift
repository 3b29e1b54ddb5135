import Testing
@testable import SwarmKernel

@Suite struct RegionalSensitivityTests {
    @Test("The Kolmogorov-Smirnov distance is 1 for separated groups, 0 for identical ones, and the largest CDF gap otherwise.")
    func distance() throws {
        let separated = try #require(RegionalSensitivity(holding: [0.6, 0.7, 0.9], failing: [0.1, 0.2]))
        #expect(separated.distance == 1 && separated.shift > 0)
        #expect(try #require(RegionalSensitivity(holding: [0.1, 0.5], failing: [0.5, 0.1])).distance == 0)
        // CDFs at 0.2: 1/2 against 0/2; at 0.3: 1/2 against 1/2; at 0.4: 1 against 1/2: the largest gap is 1/2.
        #expect(try #require(RegionalSensitivity(holding: [0.2, 0.4], failing: [0.3, 0.9])).distance == 0.5)
        #expect(RegionalSensitivity(holding: [], failing: [0.3]) == nil)
    }

    @Test("Wilson's interval: 0 of 10 is [0, 0.2775], 5 of 10 is [0.2366, 0.7634], 10 of 10 is [0.7225, 1] (Wilson 1927).")
    func wilson() {
        let none = WilsonInterval(successes: 0, trials: 10)
        #expect(none.low == 0 && abs(none.high - 0.27753) < 1e-5)
        let half = WilsonInterval(successes: 5, trials: 10)
        #expect(abs(half.low - 0.23659) < 1e-5 && abs(half.high - 0.76341) < 1e-5)
        let all = WilsonInterval(successes: 10, trials: 10)
        #expect(abs(all.low - 0.72247) < 1e-5 && all.high == 1)
    }
}
