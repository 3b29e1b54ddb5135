import SwarmKernel

/// The state of main (F8): broken commits that landed and are not fixed yet, and how long main has
/// been red. `tolerant` fixes breaks forward: each later commit fixes an open break with some
/// probability, so a break lasts a few commits. `strict` repairs main before anything else lands.
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

    /// A commit landed: with probability `fixProbability` it fixes one open break.
    mutating func commitLanded(fixProbability: Double, at now: Double, _ rng: inout Xoshiro256StarStar) {
        guard openBreaks > 0, rng.nextUnit() < fixProbability else { return }
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
