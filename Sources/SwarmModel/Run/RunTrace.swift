/// One run, moment by moment, for looking at (`swarmsim trace`): each agent's activities as
/// slices cut exactly where the time accounting books them (`World.setActivity`), so the slices'
/// total per activity is what the run's shares count, and the shared machinery's levels each time
/// one changes. Only a run asked to trace records one; other runs pay a branch per change.
public struct RunTrace: Sendable {
    /// Agent `agent` doing `activity` from `start` to `end` (hours).
    public struct Slice: Sendable, Equatable {
        public let agent: Int
        public let activity: Activity
        public let start: Double
        public fileprivate(set) var end: Double
    }

    /// Shared track `track` holds `value` from `time` (hours) until its next level.
    public struct Level: Sendable, Equatable {
        public let track: SharedTrack
        public let time: Double
        public let value: Int
    }

    /// Each agent's role, by agent number.
    public let roles: [Role]
    /// Every slice of positive length, in the order they ended; an agent's consecutive stretches of
    /// one activity are one slice.
    public private(set) var slices: [Slice] = []
    /// Every change of a shared track's value, in time order; each track starts with its value at 0.
    public private(set) var levels: [Level] = []
    /// When the run ended (hours): every agent's slices tile 0 to `end`.
    public internal(set) var end = 0.0
    /// Per agent, the index in `slices` of its latest slice, or -1.
    private var latestSlice: [Int]
    /// Per track, its latest value.
    private var latestLevel: [Int?]

    /// The slices by agent, each agent's in time order: how trace files list them.
    public var slicesByAgent: [Slice] {
        slices.sorted { ($0.agent, $0.start) < ($1.agent, $1.start) }
    }

    init(roles: [Role]) {
        self.roles = roles
        latestSlice = Array(repeating: -1, count: roles.count)
        latestLevel = Array(repeating: nil, count: SharedTrack.allCases.count)
    }

    /// Agent `agent` did `activity` from `start` to `end`: a new slice, or the latest one extended
    /// when it is the same activity.
    mutating func record(_ agent: Int, _ activity: Activity, from start: Double, to end: Double) {
        guard end > start else { return }
        let latest = latestSlice[agent]
        if latest >= 0 && slices[latest].activity == activity && slices[latest].end == start {
            slices[latest].end = end
            return
        }
        latestSlice[agent] = slices.count
        slices.append(Slice(agent: agent, activity: activity, start: start, end: end))
    }

    /// Track `track` reads `value` at `time`; recorded when it changed.
    mutating func record(_ track: SharedTrack, _ value: Int, at time: Double) {
        guard latestLevel[track.rawValue] != value else { return }
        latestLevel[track.rawValue] = value
        levels.append(Level(track: track, time: time, value: value))
    }
}
