/// The state of main (F8): broken commits that landed and are not fixed yet, per area of the
/// codebase, and how long main has been red (any area broken). `tolerant` fixes each break forward
/// with a fix task; `strict` repairs main before anything else lands.
///
/// A break belongs to the area of the task that landed it: its failing tests are that subsystem's,
/// so it fails the checks of changes that touch the area and no others (a modular codebase), unless
/// `commits.break_scope` is main (a monolith: every break fails every check).
struct MainBranch {
    private(set) var openBreaks = 0
    /// Open breaks in each area of the codebase.
    private var openBreaksByArea: [Int]
    /// Hours main was red before `redSince`.
    private var redHoursClosed = 0.0
    /// When main last turned red, while it is red.
    private var redSince: Double?

    init(areas: Int) {
        openBreaksByArea = Array(repeating: 0, count: areas)
    }

    var isRed: Bool { openBreaks > 0 }

    /// Whether a break in `area` is open.
    func isRed(area: Int) -> Bool {
        openBreaksByArea[area] > 0
    }

    /// Hours main has been red up to `now`.
    func redHours(at now: Double) -> Double {
        redHoursClosed + (redSince.map { now - $0 } ?? 0)
    }

    /// A broken change to `area` landed at `now`.
    mutating func breakMain(area: Int, at now: Double) {
        if openBreaks == 0 { redSince = now }
        openBreaks += 1
        openBreaksByArea[area] += 1
    }

    /// A fix to `area` landed at `now`: one open break there is repaired.
    mutating func fixOne(area: Int, at now: Double) {
        openBreaksByArea[area] -= 1
        close(count: 1, at: now)
    }

    /// Clears every break (strict mode's repair).
    mutating func repairAll(at now: Double) {
        for area in openBreaksByArea.indices { openBreaksByArea[area] = 0 }
        close(count: openBreaks, at: now)
    }

    private mutating func close(count: Int, at now: Double) {
        guard count > 0 else { return }
        openBreaks -= count
        if openBreaks == 0, let since = redSince {
            redHoursClosed += now - since
            redSince = nil
        }
    }

    /// Books that do not add up: per-area counts that are negative or do not sum to the total.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        if openBreaksByArea.contains(where: { $0 < 0 }) { problems.append("an area of main has a negative count of breaks") }
        if openBreaksByArea.reduce(0, +) != openBreaks {
            problems.append("main's areas hold \(openBreaksByArea.reduce(0, +)) breaks, main \(openBreaks)")
        }
        if isRed != (redSince != nil) { problems.append("main is red without a time it turned red, or the reverse") }
        return problems
    }
}
