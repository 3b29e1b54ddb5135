import SwarmModel

/// Sizes past which a scenario is refused before anything runs: beyond them a run or a plan would
/// not fit in memory (or would not finish), and failing at once with the field to change beats
/// failing hours later.
public enum ScenarioLimits {
    /// Runs in one plan (variants x sweep points x replicates).
    public static let maxRuns = 10_000_000
    /// Variant x sweep point combinations: each is decoded and its configuration held in memory, with
    /// its resolved document (about 15 KB, so 1.5 GB at this limit) for the run store's addresses.
    public static let maxCells = 100_000
    /// Variant x sweep point combinations decoded even when earlier problems already refuse the
    /// scenario, to report every problem at once; larger plans are decoded only when valid so far.
    static let cellsDecodedDespiteProblems = 1_000
    /// Files in the simulated codebase (areas x files per area): each holds per-file state.
    public static let maxFiles = 50_000_000
    /// Samples of one run's time series, all held in memory until the run ends.
    public static let maxSamplesPerRun = 1_000_000
    /// Replicates of each variant at each sweep point.
    public static let maxReplications = 1_000_000
    /// Agents in one run (`agents.count`).
    public static let maxAgents = 1_000_000
    /// The longest time any field in hours may give (about 114 years), and the largest rate or
    /// multiplier of one: with every time, rate and multiplier bounded, every event time a run
    /// computes is finite.
    public static let maxHours = 1_000_000.0
    /// The shortest interval (cycle, poll, lease, sample) a field may give, 3.6 ms: a shorter one
    /// is lost in the rounding of a clock that reads hours, and its events would repeat at one instant.
    public static let minIntervalHours = 1e-6
    /// The largest magnitude of a distribution's parameter: draws, and the times made from them,
    /// stay finite, and a lognormal's sd / mean stays within what its sampler can represent.
    public static let maxDistributionParameter = 1e15
    /// The smallest shape of a gamma or beta distribution: smaller shapes draw 0 or NaN.
    public static let minShape = 1e-3
    /// The smallest event budget `max_events_per_run` may set.
    public static let minEventBudget = 1_000

    /// Reads `max_events_per_run`, which is recorded only when given, so that scenarios without it
    /// resolve as before.
    static func readEventBudget(_ r: inout ObjectReader) -> Int? {
        let key = "max_events_per_run"
        r.describe(key, ObjectReader.nullable(NumberRule.integer(minEventBudget...Int.max).schema),
                   doc: "Events one run may process before it ends with an error (a runaway run); null = 10 million + 10,000 per agent per simulated hour.",
                   default: .null)
        guard let value = r.value(key) else { return nil }
        let budget = ObjectReader.integer(value, at: r.path.appending(key), minEventBudget...Int.max, log: r.log)
        if let budget { r.record(key, .number(Double(budget))) }
        return budget
    }

    /// An array (a sweep axis) of more values than a plan may have cells.
    static func tooManyValues(at path: ConfigPath, found: String) -> ConfigProblem {
        ConfigProblem(path, "has more values than a plan may have cells (\(maxCells)); split the scenario", found: found)
    }

    /// Reports a codebase too large to hold.
    static func checkModel(_ config: ModelConfig, log: ProblemLog) {
        let files = config.codebase.areas.multipliedReportingOverflow(by: config.codebase.filesPerArea)
        if files.overflow || files.partialValue > maxFiles {
            log.report(ConfigPath(["codebase"]), "areas x files_per_area must be at most 50 million files, to fit in memory",
                       found: "\(config.codebase.areas) x \(config.codebase.filesPerArea)")
        }
    }

    /// Reports a time series too long to hold.
    static func checkSampling(durationHours: Double, sampleEveryHours: Double, log: ProblemLog) {
        guard durationHours > 0, sampleEveryHours > 0 else { return }
        if sampleEveryHours > durationHours {
            log.report(ConfigPath(["sample_every_hours"]), "must be at most duration_hours (\(formatNumber(durationHours)))",
                       found: formatNumber(sampleEveryHours))
        } else if durationHours / sampleEveryHours > Double(maxSamplesPerRun) {
            log.report(ConfigPath(["sample_every_hours"]),
                       "gives more than 1 million samples per run over duration_hours (\(formatNumber(durationHours))); sample less often",
                       found: formatNumber(sampleEveryHours))
        }
    }

    /// Reports a plan with too many variant x point combinations or runs; true when it fits.
    static func checkPlan(variants: Int, points: Int, replicates: Int, log: ProblemLog) -> Bool {
        let cells = variants.multipliedReportingOverflow(by: points)
        let runs = cells.partialValue.multipliedReportingOverflow(by: replicates)
        let found = "\(variants) variants x \(points) sweep points x \(replicates) replicates"
        if cells.overflow || cells.partialValue > maxCells {
            log.report(ConfigPath(["sweep"]), "variants x sweep points must be at most \(maxCells); split the scenario", found: found)
            return false
        }
        if runs.overflow || runs.partialValue > maxRuns {
            log.report(ConfigPath(["replications"]), "the plan must have at most 10 million runs; split the scenario or use fewer replications",
                       found: found)
            return false
        }
        return true
    }
}
