import SwarmKernel
import SwarmModel

/// The fingerprint of the simulator's behaviour: a digest of the results of the canonical runs
/// (`CanonicalRuns`: every topology, every mechanism and fault), of the model's continuous laws on a
/// grid (`CanonicalRuns.probes`) and of draws from every distribution family, bit for bit. Any change to what the simulator does changes some of those numbers, and so
/// the fingerprint, without anyone editing a string.
///
/// It is part of every run's address (through `SwarmSimVersion.build`), so a run store never hands
/// back a result that the engine asking would not produce: runs of another engine are kept but
/// never found. Computed once per process, in about 15 ms, and only by commands that
/// address runs. (OMNeT++ fingerprints trajectories the same way, for regression tests.)
public enum EngineFingerprint {
    /// The fingerprint of this build: 64 lowercase hexadecimal digits.
    public static let current = compute(CanonicalRuns.configurations.map(\.config))

    /// The fingerprint of the runs of `configurations` (with the canonical seed and duration).
    static func compute(_ configurations: [ModelConfig]) -> String {
        var bytes: [UInt8] = []
        func append(_ value: Double?) {
            let bits = value.map { $0.bitPattern } ?? 0x7FF8_DEAD_0000_0000  // nil: a NaN no result holds
            withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
        }
        for config in configurations {
            let result = Simulation.run(config, seed: CanonicalRuns.seed, durationHours: CanonicalRuns.hours, sampleEveryHours: 6)
            result.summary.forEach(append)
            result.samples.joined().forEach(append)
            CanonicalRuns.probes(config).forEach(append)
        }
        var random = RandomStreams(seed: CanonicalRuns.seed).stream("engine.fingerprint")
        for distribution in distributionFamilies {
            for _ in 0..<64 { append(distribution.sample(&random)) }
        }
        return SHA256.hex(bytes)
    }

    /// One distribution of each family (with truncation, and with tiny beta shapes, which take
    /// another path), so that a change to any sampler shows.
    private static let distributionFamilies: [Distribution] = [
        Distribution(.constant(2)), Distribution(.uniform(min: 1, max: 3)), Distribution(.exponential(mean: 2)),
        Distribution(.normal(mean: 1, sd: 0.3, min: 0.5, max: 1.4)), Distribution(.lognormal(mean: 1, sd: 0.5)),
        Distribution(.gamma(shape: 0.5, scale: 2)), Distribution(.gamma(shape: 3, scale: 0.5)), Distribution(.beta(a: 2, b: 5)),
        Distribution(.beta(a: 0.01, b: 0.02)), Distribution(.bernoulli(p: 0.3)), Distribution(.poisson(mean: 3)),
        Distribution(.poisson(mean: 60)), Distribution(.zipf(n: 50, s: 1.1)), Distribution(.choice(values: [1, 2, 5], weights: [3, 1, 1])),
    ]
}
