/// The shared machinery a trace follows, each as one number over time.
public enum SharedTrack: Int, CaseIterable, Sendable {
    /// The flat-lock board lock: 0 free, 1 held by an agent, 2 held by nobody (forgotten or
    /// orphaned by a crash, until its lease expires). Always 0 where there is no board lock.
    case boardLock
    /// Agents in line for the board lock.
    case boardLockQueue
    /// Build slots in use (0 with unlimited slots).
    case buildSlotsInUse
    /// Agents in line for a build slot.
    case buildQueue
    /// Agents in line for the strict commit gate.
    case commitGateQueue
    /// Breaks on main not fixed yet: main is red while above 0.
    case mainOpenBreaks

    /// The track's name in a trace file.
    public var name: String {
        switch self {
        case .boardLock: return "board lock"
        case .boardLockQueue: return "board lock queue"
        case .buildSlotsInUse: return "build slots in use"
        case .buildQueue: return "build queue"
        case .commitGateQueue: return "commit gate queue"
        case .mainOpenBreaks: return "main open breaks"
        }
    }
}
