import SwarmKernel

/// A statistic estimated across replicates, with the half-width of its 95% Student-t interval:
/// what an expectation is checked against.
public struct Estimate: Sendable, Equatable {
    public let value: Double
    /// Half-width of the 95% interval; nil below two observations.
    public let halfWidth: Double?
    /// Observations (replicates, or replicate pairs for a ratio) it rests on.
    public let count: Int

    /// The mean of the defined (non-NaN) values; nil when none is defined.
    public static func mean(_ values: some Sequence<Double>) -> Estimate? {
        let defined = values.filter { !$0.isNaN }
        guard !defined.isEmpty else { return nil }
        let summary = SampleSummary(defined)
        return Estimate(value: summary.mean, halfWidth: summary.halfWidth, count: summary.count)
    }

    /// The ratio of means mean(a) / mean(b) over the replicates where both are defined, paired by
    /// replicate; nil when no pair is defined or mean(b) is 0.
    ///
    /// The interval comes from the delta method: the ratio's standard error is that of the mean of
    /// z_i = (a_i - R b_i) / mean(b), with a t quantile on n - 1 degrees of freedom. Pairing by
    /// replicate accounts for the common random numbers every variant and point of a replicate share.
    public static func ratio(_ numerators: some Sequence<Double>, _ denominators: some Sequence<Double>) -> Estimate? {
        let pairs = zip(numerators, denominators).filter { !$0.0.isNaN && !$0.1.isNaN }
        guard !pairs.isEmpty else { return nil }
        let meanA = SampleSummary(pairs.map(\.0)).mean
        let meanB = SampleSummary(pairs.map(\.1)).mean
        guard meanB != 0 else { return nil }
        let ratio = meanA / meanB
        let linearised = SampleSummary(pairs.map { ($0.0 - ratio * $0.1) / meanB })
        return Estimate(value: ratio, halfWidth: linearised.halfWidth, count: pairs.count)
    }
}
