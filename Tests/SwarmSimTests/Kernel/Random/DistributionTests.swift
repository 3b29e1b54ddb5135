import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

// Statistical checks below use fixed seeds, so each one either always passes or always fails; the
// tolerances come from sampling theory, chosen before the first run and never adjusted to pass.

/// Draws per statistical check. Large enough that a wrong constant in a sampler shows, small enough
/// that a debug build runs every family in a few seconds.
private let sampleCount = 200_000

/// The run seed of every statistical check.
private let testSeed: UInt64 = 20_240_601

/// Half-width, in standard errors, of the acceptance band for each moment check. About 30 such
/// checks run (a mean and a variance per family); P(|Z| > 4) = 6.3e-5 for a normal Z, so by
/// Bonferroni the chance that any of them fails for a correct sampler stays under 30 * 6.3e-5 < 0.2%.
private let zBound = 4.0

/// The asymptotic Kolmogorov critical value at alpha = 0.001: P(sqrt(n) * D > 1.9495) = 0.001.
private let kolmogorovCritical0001 = 1.949

/// Upper 0.001 quantiles of the chi-square distribution by degrees of freedom (standard tables,
/// e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4; checked against scipy.stats.chi2.ppf(0.999, df)).
private let chiSquareCritical0001: [Int: Double] = [
    3: 16.266,
    9: 27.877,
    10: 29.588,
    40: 73.402,
]

/// The generator for statistical check `index`, from a fixed seed.
private func testStream(_ index: Int) -> Xoshiro256StarStar {
    RandomStreams(seed: testSeed).stream("test", index: index)
}

/// `count` draws of `distribution` from test stream `index`.
private func draws(_ distribution: Distribution, stream index: Int, count: Int = sampleCount) -> [Double] {
    var rng = testStream(index)
    return (0..<count).map { _ in distribution.sample(&rng) }
}

/// Mean, unbiased variance and fourth central moment of a sample, by two passes.
private struct SampleMoments {
    let count: Double
    let mean: Double
    let variance: Double
    let fourthCentralMoment: Double

    init(_ values: [Double]) {
        count = Double(values.count)
        let mean = values.reduce(0, +) / count
        var squares = 0.0
        var fourths = 0.0
        for value in values {
            let d2 = (value - mean) * (value - mean)
            squares += d2
            fourths += d2 * d2
        }
        self.mean = mean
        variance = squares / (count - 1)
        fourthCentralMoment = fourths / count
    }

    /// Estimated standard error of the sample variance: sqrt((m4 - s^4) / n).
    var varianceStandardError: Double {
        (max(fourthCentralMoment - variance * variance, 0) / count).squareRoot()
    }
}

/// The one-sample Kolmogorov-Smirnov statistic D = sup |F_n(x) - F(x)|.
private func kolmogorovSmirnov(_ values: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = values.sorted()
    let n = Double(sorted.count)
    var d = 0.0
    for (i, x) in sorted.enumerated() {
        let f = cdf(x)
        d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return d
}

/// Pearson's chi-square statistic of `observed` counts against cell `probabilities`.
private func chiSquare(observed: [Int], probabilities: [Double]) -> Double {
    let n = Double(observed.reduce(0, +))
    return zip(observed, probabilities).reduce(0.0) { sum, cell in
        let expected = n * cell.1
        return sum + (Double(cell.0) - expected) * (Double(cell.0) - expected) / expected
    }
}

/// The normal CDF with the given mean and standard deviation.
private func normalCDF(_ x: Double, mean: Double, sd: Double) -> Double {
    Distribution.standardNormalCDF((x - mean) / sd)
}

/// One configured family for the table-driven checks, with its own stream index.
struct DistributionFamilyCase: Sendable, CustomTestStringConvertible {
    let name: String
    let distribution: Distribution
    let stream: Int
    /// True for families that draw whole numbers only.
    let discrete: Bool

    init(_ name: String, _ family: Distribution.Family, stream: Int, discrete: Bool = false) {
        self.name = name
        distribution = Distribution(family)
        self.stream = stream
        self.discrete = discrete
    }

    var testDescription: String { name }
}

/// Every sampled family, covering both branches of each sampler (truncation sides, gamma shape
/// below and above 1, Poisson by inversion and by PTRS).
private let distributionFamilyCases: [DistributionFamilyCase] = [
    DistributionFamilyCase("uniform(-2, 3)", .uniform(min: -2, max: 3), stream: 1),
    DistributionFamilyCase("exponential(mean 2.5)", .exponential(mean: 2.5), stream: 2),
    DistributionFamilyCase("normal(10, 2)", .normal(mean: 10, sd: 2, min: nil, max: nil), stream: 3),
    DistributionFamilyCase("normal(5, 2) min 4", .normal(mean: 5, sd: 2, min: 4, max: nil), stream: 4),
    DistributionFamilyCase("normal(5, 2) max 4", .normal(mean: 5, sd: 2, min: nil, max: 4), stream: 5),
    DistributionFamilyCase("normal(1, 1.5) in [-1, 2]", .normal(mean: 1, sd: 1.5, min: -1, max: 2), stream: 6),
    DistributionFamilyCase("lognormal(mean 2, sd 1)", .lognormal(mean: 2, sd: 1), stream: 7),
    DistributionFamilyCase("gamma(shape 0.5, scale 2)", .gamma(shape: 0.5, scale: 2), stream: 8),
    DistributionFamilyCase("gamma(shape 3, scale 1.5)", .gamma(shape: 3, scale: 1.5), stream: 9),
    DistributionFamilyCase("beta(2, 5)", .beta(a: 2, b: 5), stream: 10),
    DistributionFamilyCase("bernoulli(0.3)", .bernoulli(p: 0.3), stream: 11, discrete: true),
    DistributionFamilyCase("poisson(3)", .poisson(mean: 3), stream: 12, discrete: true),
    DistributionFamilyCase("poisson(50)", .poisson(mean: 50), stream: 13, discrete: true),
    DistributionFamilyCase("zipf(n 10, s 1.2)", .zipf(n: 10, s: 1.2), stream: 14, discrete: true),
    DistributionFamilyCase("choice(2, 5, 7, 11; weights 1, 2, 3, 4)",
               .choice(values: [2, 5, 7, 11], weights: [1, 2, 3, 4]), stream: 15, discrete: true),
]

@Suite struct DistributionSamplingTests {
    @Test("The sample mean and variance of each family match its theoretical mean and variance within 4 standard errors.",
          arguments: distributionFamilyCases)
    func momentsMatchTheory(_ testCase: DistributionFamilyCase) {
        let distribution = testCase.distribution
        let moments = SampleMoments(draws(distribution, stream: testCase.stream))
        let meanTolerance = zBound * (distribution.variance / moments.count).squareRoot()
        let varianceTolerance = zBound * moments.varianceStandardError
        #expect(abs(moments.mean - distribution.mean) <= meanTolerance,
                "sample mean \(moments.mean), theory \(distribution.mean), tolerance \(meanTolerance)")
        #expect(abs(moments.variance - distribution.variance) <= varianceTolerance,
                "sample variance \(moments.variance), theory \(distribution.variance), tolerance \(varianceTolerance)")
    }

    @Test("Every draw of each family lies inside its declared support, and discrete families draw whole numbers.",
          arguments: distributionFamilyCases)
    func drawsStayInSupport(_ testCase: DistributionFamilyCase) {
        let support = testCase.distribution.support
        let values = draws(testCase.distribution, stream: testCase.stream)
        let outside = values.filter { !support.contains($0) }
        #expect(outside.isEmpty, "\(outside.count) draws outside \(support), e.g. \(outside.prefix(3))")
        if testCase.discrete {
            #expect(values.allSatisfy { $0 == $0.rounded() })
        }
        if case .choice(let choices, _) = testCase.distribution.family {
            #expect(values.allSatisfy { choices.contains($0) })
        }
        if case .uniform(_, let high) = testCase.distribution.family {
            #expect(values.allSatisfy { $0 < high }, "uniform is documented as half-open [min, max)")
        }
    }

    @Test("A constant always draws its value and has variance 0.")
    func constantIsExact() {
        let distribution = Distribution.constant(4.25)
        var rng = testStream(0)
        for _ in 0..<1000 {
            #expect(distribution.sample(&rng) == 4.25)
        }
        #expect(distribution.mean == 4.25)
        #expect(distribution.variance == 0)
        #expect(distribution.support == 4.25...4.25)
    }

    @Test("Two generators on the same stream give bit-identical draws for every family.", arguments: distributionFamilyCases)
    func sameSeedSameDraws(_ testCase: DistributionFamilyCase) {
        let first = draws(testCase.distribution, stream: testCase.stream, count: 2000)
        let second = draws(testCase.distribution, stream: testCase.stream, count: 2000)
        #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
    }
}

@Suite struct DistributionGoodnessOfFitTests {
    @Test("Exponential draws pass a Kolmogorov-Smirnov test against 1 - exp(-x/mean) at alpha = 0.001.")
    func exponentialKS() {
        let mean = 2.5
        let values = draws(Distribution(.exponential(mean: mean)), stream: 21)
        let d = kolmogorovSmirnov(values) { x in -expm1(-x / mean) }
        #expect(d < kolmogorovCritical0001 / Double(sampleCount).squareRoot(), "D = \(d)")
    }

    @Test("Normal draws pass a Kolmogorov-Smirnov test against the normal CDF at alpha = 0.001.")
    func normalKS() {
        let values = draws(Distribution(.normal(mean: -3, sd: 0.7, min: nil, max: nil)), stream: 22)
        let d = kolmogorovSmirnov(values) { x in normalCDF(x, mean: -3, sd: 0.7) }
        #expect(d < kolmogorovCritical0001 / Double(sampleCount).squareRoot(), "D = \(d)")
    }

    @Test("Truncated normal draws pass a Kolmogorov-Smirnov test against the renormalised normal CDF at alpha = 0.001.")
    func truncatedNormalKS() {
        let (mean, sd, low, high) = (1.0, 1.5, -1.0, 2.0)
        let values = draws(Distribution(.normal(mean: mean, sd: sd, min: low, max: high)), stream: 23)
        let floor = normalCDF(low, mean: mean, sd: sd)
        let mass = normalCDF(high, mean: mean, sd: sd) - floor
        let d = kolmogorovSmirnov(values) { x in (normalCDF(x, mean: mean, sd: sd) - floor) / mass }
        #expect(d < kolmogorovCritical0001 / Double(sampleCount).squareRoot(), "D = \(d)")
    }

    @Test("Lognormal draws pass a Kolmogorov-Smirnov test against the lognormal CDF with the configured mean and sd at alpha = 0.001.")
    func lognormalKS() {
        let (mean, sd) = (2.0, 1.0)
        // ln X ~ N(mu, sigma^2) with E[X] = exp(mu + sigma^2/2) and Var[X] = (exp(sigma^2) - 1) E[X]^2.
        let sigma2 = log(1 + sd * sd / (mean * mean))
        let mu = log(mean) - sigma2 / 2
        let values = draws(Distribution(.lognormal(mean: mean, sd: sd)), stream: 24)
        let d = kolmogorovSmirnov(values) { x in normalCDF(log(x), mean: mu, sd: sigma2.squareRoot()) }
        #expect(d < kolmogorovCritical0001 / Double(sampleCount).squareRoot(), "D = \(d)")
    }

    @Test("Poisson(3) draws pass a chi-square test over cells 0...9 and 10+ at alpha = 0.001 (df 10).")
    func poissonSmallMeanChiSquare() {
        let mean = 3.0
        var pmf = [exp(-mean)]
        for k in 1...9 { pmf.append(pmf[k - 1] * mean / Double(k)) }
        let probabilities = pmf + [1 - pmf.reduce(0, +)]
        var observed = Array(repeating: 0, count: 11)
        for value in draws(Distribution(.poisson(mean: mean)), stream: 25) {
            observed[min(Int(value), 10)] += 1
        }
        let statistic = chiSquare(observed: observed, probabilities: probabilities)
        #expect(statistic < chiSquareCritical0001[10]!, "chi-square \(statistic), counts \(observed)")
    }

    @Test("Poisson(50) draws (the PTRS branch) pass a chi-square test over cells <=30, 31...69 and 70+ at alpha = 0.001 (df 40).")
    func poissonLargeMeanChiSquare() {
        let mean = 50.0
        var pmf = [exp(-mean)]
        for k in 1...69 { pmf.append(pmf[k - 1] * mean / Double(k)) }
        let lowTail = pmf[0...30].reduce(0, +)
        let probabilities = [lowTail] + Array(pmf[31...69]) + [1 - pmf.reduce(0, +)]
        var observed = Array(repeating: 0, count: probabilities.count)
        for value in draws(Distribution(.poisson(mean: mean)), stream: 26) {
            observed[min(max(Int(value), 30), 70) - 30] += 1
        }
        #expect(probabilities.count == 41)
        let statistic = chiSquare(observed: observed, probabilities: probabilities)
        #expect(statistic < chiSquareCritical0001[40]!, "chi-square \(statistic)")
    }

    @Test("Zipf(n 10, s 1.2) draws pass a chi-square test against k^-s / H at alpha = 0.001 (df 9).")
    func zipfChiSquare() {
        let weights = (1...10).map { pow(Double($0), -1.2) }
        let total = weights.reduce(0, +)
        var observed = Array(repeating: 0, count: 10)
        for value in draws(Distribution(.zipf(n: 10, s: 1.2)), stream: 27) {
            observed[Int(value) - 1] += 1
        }
        let statistic = chiSquare(observed: observed, probabilities: weights.map { $0 / total })
        #expect(statistic < chiSquareCritical0001[9]!, "chi-square \(statistic), counts \(observed)")
    }

    @Test("Choice draws pass a chi-square test against the normalised weights at alpha = 0.001 (df 3).")
    func choiceChiSquare() {
        let values: [Double] = [11, 2, 7, 5]
        let weights: [Double] = [4, 1, 3, 2]
        var observed = Array(repeating: 0, count: 4)
        for value in draws(Distribution(.choice(values: values, weights: weights)), stream: 28) {
            observed[values.firstIndex(of: value)!] += 1
        }
        let statistic = chiSquare(observed: observed, probabilities: weights.map { $0 / 10 })
        #expect(statistic < chiSquareCritical0001[3]!, "chi-square \(statistic), counts \(observed)")
    }

    @Test("Beta with tiny shapes still draws numbers in [0, 1], never NaN.")
    func betaTinyShapesNeverNaN() {
        // Both gamma draws underflow to 0 when U^(1/a) does (U < ~0.024 for a = 0.005), giving 0/0.
        let distribution = Distribution(.beta(a: 0.005, b: 0.005))
        let values = draws(distribution, stream: 30)
        #expect(values.allSatisfy { (0...1).contains($0) }, "\(values.filter(\.isNaN).count) NaN draws")
    }

    @Test("A zero weight is never drawn, wherever it sits in the table.")
    func zeroWeightNeverDrawn() {
        let distribution = Distribution(.choice(values: [1, 2, 3, 4], weights: [0, 1, 0, 1]))
        let values = draws(distribution, stream: 29, count: 20_000)
        #expect(!values.contains(1) && !values.contains(3))
    }
}

@Suite struct DistributionMomentTests {
    /// Z, E[Z X] and E[Z X^2] of the standard normal over [a, b], by composite Simpson's rule.
    private func standardNormalPartialMoments(_ a: Double, _ b: Double) -> (mass: Double, first: Double, second: Double) {
        let intervals = 40_000
        let h = (b - a) / Double(intervals)
        var sums = (0.0, 0.0, 0.0)
        for i in 0...intervals {
            let x = a + Double(i) * h
            let weight: Double = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2)
            let density = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            sums.0 += weight * density
            sums.1 += weight * x * density
            sums.2 += weight * x * x * density
        }
        return (sums.0 * h / 3, sums.1 * h / 3, sums.2 * h / 3)
    }

    @Test("A standard normal truncated below at 0 (half-normal) has mean sqrt(2/pi) and variance 1 - 2/pi.")
    func halfNormalMoments() {
        let distribution = Distribution(.normal(mean: 0, sd: 1, min: 0, max: nil))
        #expect(abs(distribution.mean - (2 / Double.pi).squareRoot()) < 1e-14)
        #expect(abs(distribution.variance - (1 - 2 / Double.pi)) < 1e-14)
    }

    @Test("An untruncated normal's mean and variance are exactly its mean and sd squared.")
    func untruncatedNormalMoments() {
        let distribution = Distribution(.normal(mean: 3.7, sd: 1.3, min: nil, max: nil))
        #expect(distribution.mean == 3.7)
        #expect(distribution.variance == 1.3 * 1.3)
    }

    @Test("Truncated normal mean and variance agree with numerical integration of the density over the window.",
          arguments: [
              (1.0, 1.5, -1.0 as Double?, 2.0 as Double?),
              (5.0, 2.0, nil, 4.0),
              (-3.0, 0.5, -3.2, nil),
              (0.0, 1.0, 1.5, 4.0),
          ])
    func truncatedNormalMomentsByIntegration(_ mean: Double, _ sd: Double, _ low: Double?, _ high: Double?) {
        let distribution = Distribution(.normal(mean: mean, sd: sd, min: low, max: high))
        // Outside +-12 sd the standard normal density is below 1e-31: an infinite bound may stop there.
        let a = low.map { ($0 - mean) / sd } ?? -12
        let b = high.map { ($0 - mean) / sd } ?? 12
        let partial = standardNormalPartialMoments(a, b)
        let standardMean = partial.first / partial.mass
        let expectedMean = mean + sd * standardMean
        let expectedVariance = sd * sd * (partial.second / partial.mass - standardMean * standardMean)
        // Simpson's error with h <= 4e-4 is O(h^4) ~ 1e-14; 1e-9 leaves room for rounding in the sums.
        #expect(abs(distribution.mean - expectedMean) < 1e-9 * max(1, abs(expectedMean)))
        #expect(abs(distribution.variance - expectedVariance) < 1e-9 * sd * sd)
    }

    @Test("Zipf's mean and variance equal the sums over k^-s / H computed directly.")
    func zipfMomentsFromDefinition() {
        let (n, s) = (10, 1.2)
        let weights = (1...n).map { pow(Double($0), -s) }
        let total = weights.reduce(0, +)
        let mean = weights.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element } / total
        let square = weights.enumerated().reduce(0.0) { $0 + pow(Double($1.offset + 1), 2) * $1.element } / total
        let distribution = Distribution(.zipf(n: n, s: s))
        #expect(abs(distribution.mean - mean) < 1e-12 * mean)
        #expect(abs(distribution.variance - (square - mean * mean)) < 1e-10)
    }

    @Test("Choice's mean and variance equal the weighted sums over its values computed directly.")
    func choiceMomentsFromDefinition() {
        let distribution = Distribution(.choice(values: [2, 5, 7, 11], weights: [1, 2, 3, 4]))
        // Mean (2 + 10 + 21 + 44) / 10 = 7.7; E[X^2] = (4 + 50 + 147 + 484) / 10 = 68.5.
        #expect(abs(distribution.mean - 7.7) < 1e-12)
        #expect(abs(distribution.variance - (68.5 - 7.7 * 7.7)) < 1e-10)
    }

    @Test("Choice's variance stays accurate and non-negative when its values are large or equal.")
    func choiceVarianceWithoutCancellation() {
        // E[X^2] - E[X]^2 cancels catastrophically here: the true variances are 0.25 and 0.
        let close = Distribution(.choice(values: [1e8, 1e8 + 1], weights: [1, 1]))
        let equal = Distribution(.choice(values: [0.9, 0.9], weights: [1, 2]))
        #expect(abs(close.variance - 0.25) < 1e-9)
        #expect(equal.variance >= 0)
    }

    @Test("standardNormalCDF matches known values of the standard normal CDF, including deep in the tail.")
    func standardNormalCDFValues() {
        #expect(Distribution.standardNormalCDF(0) == 0.5)
        #expect(abs(Distribution.standardNormalCDF(1.959963984540054) - 0.975) < 1e-15)
        #expect(abs(Distribution.standardNormalCDF(-1) - 0.15865525393145707) < 1e-15)
        // Phi(-10) = 7.619853024160527e-24: relative accuracy must hold where 1 - Phi(10) would round to 0.
        #expect(abs(Distribution.standardNormalCDF(-10) / 7.619853024160527e-24 - 1) < 1e-12)
    }
}

/// The state word s1 that makes xoshiro256**'s next output equal `output`, by inverting
/// output = rotl(s1 * 5, 7) * 9: s1 = rotr(output * 9^-1, 7) * 5^-1 (mod 2^64).
private func stateWord(producing output: UInt64) -> UInt64 {
    func inverse(_ x: UInt64) -> UInt64 {
        var y = x  // x * x = 1 mod 8 for odd x; each Newton step doubles the correct low bits.
        for _ in 0..<5 { y = y &* (2 &- x &* y) }
        return y
    }
    let rotated = output &* inverse(9)
    let unrotated = (rotated >> 7) | (rotated << 57)
    return unrotated &* inverse(5)
}

@Suite struct RandomGeneratorTests {
    @Test("xoshiro256** from state {1, 2, 3, 4} yields the reference implementation's first outputs.")
    func xoshiroReferenceOutputs() {
        var rng = Xoshiro256StarStar(seed: 0)
        (rng.s0, rng.s1, rng.s2, rng.s3) = (1, 2, 3, 4)
        let outputs = (0..<6).map { _ in rng.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240,
                            1_216_172_134_540_287_360, 607_988_272_756_665_600])
    }

    @Test("SplitMix64 from seed 1234567 yields the reference implementation's first outputs.")
    func splitMixReferenceOutputs() {
        var seeder = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in seeder.next() }
        #expect(outputs == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                            4_593_380_528_125_082_431, 16_408_922_859_458_223_821])
    }

    @Test("A xoshiro generator seeded with s starts from the first four SplitMix64 outputs of s.")
    func seedingThroughSplitMix() {
        for seed: UInt64 in [0, 1, 42, .max] {
            var seeder = SplitMix64(seed: seed)
            let rng = Xoshiro256StarStar(seed: seed)
            #expect([rng.s0, rng.s1, rng.s2, rng.s3] == (0..<4).map { _ in seeder.next() })
        }
    }

    @Test("Stream names hash with 64-bit FNV-1a, matching its published test vectors.")
    func fnv1aVectors() {
        #expect(RandomStreams.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(RandomStreams.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(RandomStreams.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test("Stream seeds and first draws are pinned to values from an independent implementation, so they cannot drift.")
    func pinnedStreamSeeds() {
        // Computed in Python from the documented recipe: mix(mix(mix(seed ^ 0x5EED...) ^ fnv1a(name)) ^ index).
        #expect(RandomStreams(seed: 42).streamSeed("test", index: 0) == 8_967_855_156_297_735_082)
        #expect(RandomStreams(seed: 42).streamSeed("agent.traits", index: 17) == 13_889_948_846_157_488_337)
        #expect(RandomStreams(seed: 7).streamSeed("x", index: -1) == 17_093_621_404_726_616_274)
        var rng = RandomStreams(seed: 42).stream("test", index: 0)
        #expect((0..<3).map { _ in rng.next() }
                == [2_790_074_281_973_452_818, 18_038_651_923_483_402_640, 12_651_968_301_795_194_566])
    }

    @Test("nextInt(below: 10) is uniform by a chi-square test at alpha = 0.001 (df 9).")
    func nextIntIsUniform() {
        var rng = testStream(40)
        var observed = Array(repeating: 0, count: 10)
        for _ in 0..<sampleCount {
            observed[rng.nextInt(below: 10)] += 1
        }
        let statistic = chiSquare(observed: observed, probabilities: Array(repeating: 0.1, count: 10))
        #expect(statistic < chiSquareCritical0001[9]!, "chi-square \(statistic), counts \(observed)")
    }

    @Test("nextInt(below:) stays in 0..<bound for small, awkward and huge bounds.")
    func nextIntNeverReachesBound() {
        var rng = testStream(41)
        for bound in [1, 2, 3, 7, 10, 1000, (1 << 62) + 1, 3 << 61, Int.max] {
            var seen = Set<Int>()
            for _ in 0..<10_000 {
                let value = rng.nextInt(below: bound)
                #expect(value >= 0 && value < bound)
                if bound <= 10 { seen.insert(value) }
            }
            if bound <= 10 { #expect(seen.count == bound, "bound \(bound) reached only \(seen.sorted())") }
        }
    }

    @Test("nextOpenUnit is above 0 even when the generator outputs 0, where nextUnit returns exactly 0.")
    func openUnitNeverZero() {
        // From state {1, 2, 3, 4} the second output is 0.
        var rng = Xoshiro256StarStar(seed: 0)
        (rng.s0, rng.s1, rng.s2, rng.s3) = (1, 2, 3, 4)
        var twin = rng
        _ = rng.next()
        _ = twin.next()
        #expect(rng.nextOpenUnit() == 0x1.0p-54)
        #expect(twin.nextUnit() == 0)

        var stream = testStream(42)
        for _ in 0..<sampleCount {
            let u = stream.nextOpenUnit()
            #expect(u > 0 && u < 1)
        }
    }

    @Test("nextOpenUnit stays below 1 even when the generator outputs its largest value.")
    func openUnitNeverOne() {
        var rng = Xoshiro256StarStar(seed: 0)
        (rng.s0, rng.s1, rng.s2, rng.s3) = (0, stateWord(producing: .max), 0, 0)
        var probe = rng
        #expect(probe.next() == UInt64.max)
        var unit = rng
        #expect(unit.nextUnit() < 1)
        // (2^53 - 1) + 0.5 is not representable and rounds to 2^53, so the result is exactly 1.
        #expect(rng.nextOpenUnit() < 1)
    }

    @Test("Identical run seeds, names and indices give identical sequences.")
    func identicalSeedsIdenticalSequences() {
        var a = RandomStreams(seed: 99).stream("task.difficulty", index: 3)
        var b = RandomStreams(seed: 99).stream("task.difficulty", index: 3)
        #expect((0..<1000).map { _ in a.next() } == (0..<1000).map { _ in b.next() })
    }

    @Test("A different run seed, stream name or index gives a different sequence.")
    func differentKeysDifferentSequences() {
        func head(_ seed: UInt64, _ name: String, _ index: Int) -> [UInt64] {
            var rng = RandomStreams(seed: seed).stream(name, index: index)
            return (0..<4).map { _ in rng.next() }
        }
        let keys: [(UInt64, String, Int)] = [
            (1, "agent.traits", 0), (2, "agent.traits", 0), (1, "agent.trait", 0),
            (1, "agent.traits", 1), (1, "agent.traits", -1), (1, "task.difficulty", 0), (0, "", 0),
        ]
        let heads = keys.map { head($0.0, $0.1, $0.2) }
        #expect(Set(heads).count == keys.count)
        #expect(Set(keys.map { RandomStreams(seed: $0.0).streamSeed($0.1, index: $0.2) }).count == keys.count)
    }

    @Test("Drawing more from one stream leaves another stream's draws unchanged.")
    func streamsDoNotInterfere() {
        let streams = RandomStreams(seed: 5)
        var alone = streams.stream("b", index: 2)
        let expected = (0..<100).map { _ in alone.next() }

        var busy = streams.stream("a", index: 2)
        var other = streams.stream("b", index: 2)
        var interleaved: [UInt64] = []
        for i in 0..<100 {
            for _ in 0..<(i % 7) * 13 { _ = busy.next() }
            interleaved.append(other.next())
        }
        #expect(interleaved == expected)
    }
}

/// The ziggurat normal (NormalZiggurat.swift) and the gammas drawn on top of it: tables, tail and
/// shapes that the moment checks above see too rarely or too loosely.
@Suite struct NormalZigguratTests {
    @Test("Every layer of the normal ziggurat's tables has the same area v, the base strip with its tail included.")
    func layersHaveEqualArea() {
        let r = normalZigguratR
        let v = r * exp(-r * r / 2) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())
        let edges = (0..<256).map { Double(bitPattern: normalZigguratLayers[2 * $0]) * 0x1p52 }
        let base = edges[0] * exp(-r * r / 2)
        #expect(abs(base - v) < 1e-12, "base \(base), v \(v)")
        for layer in 1..<256 {
            let area = edges[layer] * (normalZigguratDensities[layer - 1] - normalZigguratDensities[layer])
            #expect(abs(area - v) < 1e-12, "layer \(layer): area \(area), v \(v)")
            #expect(abs(normalZigguratDensities[layer] / exp(-edges[layer] * edges[layer] / 2) - 1) < 1e-13, "layer \(layer)")
        }
        #expect(edges[255] == r)
    }

    @Test("Draws from the normal ziggurat's tail (beyond r) pass a Kolmogorov-Smirnov test against the normal's tail CDF at alpha = 0.001.")
    func tailKS() {
        var rng = testStream(40)
        let count = 50_000
        // A point of the base layer past its threshold: the slow path samples the tail.
        let values = (0..<count).map { _ in Distribution.standardNormalSlowPath(layer: 0, negative: false, position: (1 << 52) - 1, &rng) }
        let r = normalZigguratR
        let beyondR = erfc(r / 2.0.squareRoot())
        let d = kolmogorovSmirnov(values) { x in 1 - erfc(x / 2.0.squareRoot()) / beyondR }
        #expect(d < kolmogorovCritical0001 / Double(count).squareRoot(), "D = \(d)")
        #expect(values.allSatisfy { $0 > r })
    }

    @Test("Gamma(3, 1.5) draws pass a Kolmogorov-Smirnov test against 1 - exp(-y)(1 + y + y^2/2), y = x/1.5, at alpha = 0.001.")
    func gammaIntegerShapeKS() {
        let values = draws(Distribution(.gamma(shape: 3, scale: 1.5)), stream: 41)
        let d = kolmogorovSmirnov(values) { x in
            let y = x / 1.5
            return 1 - exp(-y) * (1 + y + y * y / 2)
        }
        #expect(d < kolmogorovCritical0001 / Double(sampleCount).squareRoot(), "D = \(d)")
    }

    @Test("Gamma(0.5, 2) draws (boosted, shape below 1) pass a Kolmogorov-Smirnov test against the chi-square(1) CDF erf(sqrt(x/2)) at alpha = 0.001.")
    func gammaHalfShapeKS() {
        let values = draws(Distribution(.gamma(shape: 0.5, scale: 2)), stream: 42)
        let d = kolmogorovSmirnov(values) { x in erf((x / 2).squareRoot()) }
        #expect(d < kolmogorovCritical0001 / Double(sampleCount).squareRoot(), "D = \(d)")
    }
}
