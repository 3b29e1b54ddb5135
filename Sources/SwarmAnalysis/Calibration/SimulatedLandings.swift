import SwarmModel

extension LandingStatistics {
    /// Tasks landed in each sample interval of `result`, from its cumulative `tasks_done`: with
    /// hourly samples, the simulated counterpart of an observed run's commits per hour.
    public static func landingsPerSample(of result: RunResult) -> [Double] {
        let column = RunResult.sampleColumns.firstIndex(of: SampleMetric.tasksDone.rawValue)!
        var previous = 0.0
        return result.samples.map { row in
            let done = row[column] ?? previous
            defer { previous = done }
            return done - previous
        }
    }

    /// The statistics of a simulated run sampled every hour (files per commit undefined: the model
    /// does not report the files of each landing).
    public init(simulated result: RunResult) {
        self.init(hourlyLandings: LandingStatistics.landingsPerSample(of: result), filesPerCommit: nil)
    }
}
