import Testing
@testable import SwarmAnalysis

@Suite struct SeedNoiseTests {
    @Test("Point means 1, 2, 3 (variance 1) from two replicates of variance 2 each: noise variance 2 / 2 = 1, all of it noise.")
    func allNoise() throws {
        let noise = SeedNoise(metric: "m", replicates: [[0, 2], [1, 3], [2, 4]])
        #expect(noise.pointVariance == 1 && noise.noiseVariance == 1 && noise.share == 1)
    }

    @Test("Replicates that agree leave the share 0; one replicate per point leaves it unmeasurable, and the summary says so.")
    func noNoiseAndUnmeasurable() {
        #expect(SeedNoise(metric: "m", replicates: [[1, 1], [5, 5]]).share == 0)
        let single = SeedNoise(metric: "m", replicates: [[1], [5]])
        #expect(single.noiseVariance == nil && single.share == nil)
        #expect(SeedNoise.summary([single]) == "seed noise of m: not measurable (1 replicate per point, or no variation)\n")
        #expect(SeedNoise.summary([SeedNoise(metric: "m", replicates: [[0, 2], [1, 3], [2, 4]])])
                == "seed noise of m: 100% of its variance across points: most of it; these indices are mostly noise, raise --replications\n")
    }
}
