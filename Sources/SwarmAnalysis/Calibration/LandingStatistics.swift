/// The summary statistics of one run's hourly landing series, the same for an observed run (commits
/// per hour) and a simulated one (tasks landed per hour, sampled hourly), so that calibration
/// compares like with like. Quantiles interpolate linearly between order statistics (Hyndman and
/// Fan's type 7, the default of R and numpy).
public struct LandingStatistics: Sendable, Equatable {
    /// Values by statistic, in `LandingStatistic.allCases` order; nil where undefined (the rate at
    /// hour 24 of a run shorter than 25 hours, files per commit of a simulated run).
    public let values: [Double?]

    public init(values: [Double?]) {
        precondition(values.count == LandingStatistic.allCases.count, "one value per statistic")
        self.values = values
    }

    /// The statistics of `hourlyLandings` (landings in hour 0, 1, ... of the run) and, when known,
    /// the files each landing touched.
    public init(hourlyLandings: [Double], filesPerCommit: [Double]?) {
        let hours = hourlyLandings.count
        let peak = hourlyLandings.max()
        let peakHour = peak.flatMap { hourlyLandings.firstIndex(of: $0) }
        let sorted = hourlyLandings.sorted()
        let median = LandingStatistics.quantile(sorted, 0.5)
        let files = filesPerCommit?.sorted()
        var values = [Double?](repeating: nil, count: LandingStatistic.allCases.count)
        func set(_ statistic: LandingStatistic, _ value: Double?) {
            values[LandingStatistic.allCases.firstIndex(of: statistic)!] = value.flatMap { $0.isFinite ? $0 : nil }
        }
        set(.hours, Double(hours))
        set(.commits, hourlyLandings.reduce(0, +))
        set(.peak, peak)
        set(.peakHour, peakHour.map(Double.init))
        set(.median, median)
        set(.p90, LandingStatistics.quantile(sorted, 0.9))
        set(.peakToMedian, peak.flatMap { peak in median.flatMap { $0 > 0 ? peak / $0 : nil } })
        set(.hour24ToPeak, hours > 24 ? peak.flatMap { $0 > 0 ? hourlyLandings[24] / $0 : nil } : nil)
        set(.filesMedian, files.flatMap { LandingStatistics.quantile($0, 0.5) })
        set(.filesP90, files.flatMap { LandingStatistics.quantile($0, 0.9) })
        self.values = values
    }

    public subscript(statistic: LandingStatistic) -> Double? {
        values[LandingStatistic.allCases.firstIndex(of: statistic)!]
    }

    /// The type 7 quantile `p` of `sorted` (ascending); nil when empty.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}

/// The statistics of a run's landing series, named as the columns of observed-summary.csv and ppc.csv.
public enum LandingStatistic: String, CaseIterable, Sendable {
    /// Whole hours from the first landing to the end of the hour of the last (a simulated run: its duration).
    case hours
    case commits
    /// The most landings in one hour.
    case peak = "peak_per_hour"
    /// The 0-based hour of the (first) peak.
    case peakHour = "peak_hour"
    case median = "median_per_hour"
    case p90 = "p90_per_hour"
    case peakToMedian = "peak_to_median"
    /// Landings in hour 24 (the 25th) over the peak: how far the rate has decayed after a day.
    case hour24ToPeak = "hour24_to_peak"
    case filesMedian = "files_per_commit_median"
    case filesP90 = "files_per_commit_p90"

    /// The statistics a calibration's distance compares by default: those of the landing curve's
    /// shape and level. Not hours (a simulation's duration is set to the observed one), commits (the median
    /// times the hours, near enough), nor files per commit (the model does not report the files of
    /// each landing, so a simulated run has none).
    public static let fitted: [LandingStatistic] = [.peak, .peakHour, .median, .p90, .peakToMedian, .hour24ToPeak]
}
