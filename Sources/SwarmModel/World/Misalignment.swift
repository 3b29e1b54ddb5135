import DequeModule
import Foundation

/// Drift (F9): the chance that a unit of work goes in a wrong direction grows with the context age
/// of whoever does it, m(a) = m0 + (mmax - m0)(1 - exp(-a / tau)), and the drift metric is the
/// misaligned share of value landed in a trailing window.
struct Misalignment {
    let config: DriftConfig
    /// Landings in the trailing window: (time, value, misaligned value).
    private var window = Deque<(time: Double, value: Double, misaligned: Double)>()
    private var windowValue = 0.0
    private var windowMisaligned = 0.0

    init(_ config: DriftConfig) {
        self.config = config
    }

    /// m(age): the probability that work done at context age `age` hours is misaligned.
    func probability(age: Double) -> Double {
        config.initialMisalignment + (config.maxMisalignment - config.initialMisalignment) * (1 - exp(-age / config.tauHours))
    }

    /// The integral of m over context ages 0 to `age`: misalignment accumulated by a context that
    /// has aged `age` hours without a fresh start.
    func accumulated(age: Double) -> Double {
        let m0 = config.initialMisalignment, tau = config.tauHours
        return m0 * age + (config.maxMisalignment - m0) * (age - tau * (1 - exp(-age / tau)))
    }

    /// How far a planner's focus has narrowed to the area it is in, in [0, 1) (tunnel vision).
    func focus(age: Double) -> Double {
        1 - exp(-age / config.focusTauHours)
    }

    /// Records a landing, and forgets those that have left the window: the window's landings, not
    /// the run's, stay in memory, however long apart the samples that read the drift are.
    mutating func recordLanding(value: Double, misaligned: Bool, at now: Double) {
        forgetLandings(before: now - config.windowHours)
        window.append((now, value, misaligned ? value : 0))
        windowValue += value
        if misaligned { windowMisaligned += value }
    }

    /// Misaligned share of value landed in the window ending at `now`; nil when nothing landed.
    mutating func drift(at now: Double) -> Double? {
        forgetLandings(before: now - config.windowHours)
        guard windowValue > 1e-12, !window.isEmpty else { return nil }
        return min(1, max(0, windowMisaligned / windowValue))
    }

    private mutating func forgetLandings(before start: Double) {
        while let first = window.first, first.time < start {
            windowValue -= first.value
            windowMisaligned -= first.misaligned
            window.removeFirst()
        }
    }
}
