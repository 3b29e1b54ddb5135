/// The state of main (F8): broken commits that landed and are not fixed yet, and how long main has
/// been red. `tolerant` fixes each break forward with a fix task; `strict` repairs main before
/// anything else lands.
struct MainBranch {
    private(set) var openBreaks = 0
    /// Hours main was red before `redSince`.
    private var redHoursClosed = 0.0
    /// When main last turned red, while it is red.
    private var redSince: Double?

    var isRed: Bool { openBreaks > 0 }

    /// Hours main has been red up to `now`.
    func redHours(at now: Double) -> Double {
        redHoursClosed + (redSince.map { now - $0 } ?? 0)
    }

    /// A broken change landed at `now`.
    mutating func breakMain(at now: Double) {
        if openBreaks == 0 { redSince = now }
        openBreaks += 1
    }

    /// A fix landed at `now`: one open break is repaired.
    mutating func fixOne(at now: Double) {
        fix(count: 1, at: now)
    }

    /// Clears every break (strict mode's repair).
    mutating func repairAll(at now: Double) {
        fix(count: openBreaks, at: now)
    }

    private mutating func fix(count: Int, at now: Double) {
        guard count > 0 else { return }
        openBreaks -= count
        if openBreaks == 0, let since = redSince {
            redHoursClosed += now - since
            redSince = nil
        }
    }
}
