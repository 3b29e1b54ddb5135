/// One run of an observed swarm: a stretch of commits in which no two consecutive commits are more
/// than the split rule's gap apart, counted in whole hours from its first commit.
public struct ActivityRun: Sendable, Equatable {
    /// 1-based, in time order, among the runs kept.
    public let id: Int
    /// The first and last commit times, seconds since 1970.
    public let start: Int
    public let end: Int
    /// Commits landed in hour h of the run, [start + h hours, start + (h + 1) hours), for h = 0, 1, ...
    /// up to the hour of the last commit.
    public let hourlyCommits: [Int]
    /// Files touched by each commit of the run, in commit order.
    public let filesPerCommit: [Int]

    /// The statistics of the run (`LandingStatistics`).
    public var statistics: LandingStatistics {
        LandingStatistics(hourlyLandings: hourlyCommits.map(Double.init), filesPerCommit: filesPerCommit.map(Double.init))
    }
}

/// How a commit log is split into runs: a quiet gap longer than `gapHours` between two consecutive
/// commits ends a run, and runs of fewer than `minimumCommits` commits (a stray fix between runs)
/// are dropped.
public struct RunSplitRule: Sendable, Equatable {
    public let gapHours: Double
    public let minimumCommits: Int

    public static let defaultGapHours = 1.0
    public static let defaultMinimumCommits = 100

    public init(gapHours: Double = defaultGapHours, minimumCommits: Int = defaultMinimumCommits) {
        precondition(gapHours > 0 && gapHours.isFinite && minimumCommits >= 1, "a split rule needs a positive gap and minimum")
        self.gapHours = gapHours
        self.minimumCommits = minimumCommits
    }

    /// The runs of `commits` (sorted by time), and how many stretches were dropped as too small.
    public func split(_ commits: [ObservedCommit]) -> (runs: [ActivityRun], dropped: Int) {
        var stretches: [ArraySlice<ObservedCommit>] = []
        var first = commits.startIndex
        for index in commits.indices.dropFirst() where Double(commits[index].time - commits[index - 1].time) > gapHours * 3_600 {
            stretches.append(commits[first..<index])
            first = index
        }
        if first < commits.endIndex { stretches.append(commits[first...]) }
        let kept = stretches.filter { $0.count >= minimumCommits }
        let runs = kept.enumerated().map { offset, stretch in
            let start = stretch.first!.time
            var hourly = Array(repeating: 0, count: (stretch.last!.time - start) / 3_600 + 1)
            for commit in stretch { hourly[(commit.time - start) / 3_600] += 1 }
            return ActivityRun(id: offset + 1, start: start, end: stretch.last!.time, hourlyCommits: hourly,
                               filesPerCommit: stretch.map(\.filesChanged))
        }
        return (runs, stretches.count - kept.count)
    }
}
