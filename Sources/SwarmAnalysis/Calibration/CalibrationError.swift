import SwarmExperiment

/// Why a calibration cannot start: what the user asked for cannot be fitted as given.
public enum CalibrationError: WordedError, Equatable {
    /// A fit that is not `PATH=LOW..HIGH`.
    case malformedFit(String)
    /// A prior range whose low end is not below its high end.
    case emptyRange(path: String, low: Double, high: Double)
    /// A fitted path whose value in the scenario's model is not a number.
    case notANumber(path: String, found: String)
    /// A path fitted twice, or also set.
    case fittedTwice(path: String)
    case alsoSet(path: String)
    /// A log-scale prior whose range is not positive, or a log scale for a path not fitted.
    case logOfNonPositive(path: String, low: Double)
    case logWithoutFit(path: String)
    /// A scenario of several variants or sweep points: a calibration fits one model.
    case severalModels(file: String, variants: Int, points: Int)
    /// An observed folder whose summary has no run (at least `minimumHours` long).
    case noObservedRuns(file: String, minimumHours: Int, runs: Int)

    public func description(in wording: any Wording) -> String {
        switch self {
        case .malformedFit(let text):
            return "\(wording.setting(text, from: .fitted)): expected PATH=LOW..HIGH, a model parameter and its prior range, e.g. agents.count=100..1000"
        case .emptyRange(let path, let low, let high):
            return "\(wording.setting(path, from: .fitted)): the range \(readable(low))..\(readable(high)) is empty; LOW must be below HIGH"
        case .notANumber(let path, let found):
            return "\(wording.setting(path, from: .fitted)): not a number in the scenario's model (found \(found)); only numeric parameters can be fitted"
        case .fittedTwice(let path):
            return "\(wording.setting(path, from: .fitted)): fitted twice; give each parameter one range"
        case .alsoSet(let path):
            return "\(wording.setting(path, from: .fitted)): also given as \(wording.setting(path, from: .assignment)); a fitted parameter takes its values from the calibration"
        case .logOfNonPositive(let path, let low):
            return "\(wording.setting(path, from: .fitted)): a log-uniform prior needs a range above 0 (found \(readable(low)) at its low end)"
        case .logWithoutFit(let path):
            return "\(wording.logScale(path)): \(path) is not fitted; give its range with \(wording.setting("\(path)=LOW..HIGH", from: .fitted))"
        case .severalModels(let file, let variants, let points):
            return "\(file): \(variants) variant\(variants == 1 ? "" : "s") x \(points) sweep point\(points == 1 ? "" : "s"); a calibration fits one model, so give a scenario with one variant and no sweep"
        case .noObservedRuns(let file, let minimumHours, let runs):
            return runs == 0
                ? "\(file): no observed runs; `observe` writes a run only for a stretch of enough commits"
                : "\(file): none of its \(runs) runs lasts \(minimumHours) hours or more"
        }
    }

    private func readable(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
