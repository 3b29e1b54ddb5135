import Foundation
import SwarmExperiment

/// A parameter a calibration fits, with its uniform prior: `PATH=LOW..HIGH` (`agents.count=100..1000`).
public struct FittedParameter: Sendable, Equatable {
    public let path: [String]
    public let low: Double
    public let high: Double
    /// True for a whole-number parameter (an agent count): each particle's value is rounded when
    /// simulated and in the calibrated scenario, while the posterior keeps the continuous values.
    public let isInteger: Bool
    /// True when the prior is uniform in the logarithm (a rate or a time spanning orders of
    /// magnitude): particles then move in log space, while every output gives natural values.
    public let logScale: Bool

    public var dottedPath: String { path.joined(separator: ".") }

    public init(path: [String], low: Double, high: Double, isInteger: Bool, logScale: Bool = false) {
        precondition(!logScale || low > 0, "a log-uniform prior needs a positive range")
        self.path = path
        self.low = low
        self.high = high
        self.isInteger = isInteger
        self.logScale = logScale
    }

    /// The prior's range in the space particles move in.
    var searchRange: (low: Double, high: Double) {
        logScale ? (log(low), log(high)) : (low, high)
    }

    /// The parameter's value at `coordinate`, a point of the search space.
    func value(at coordinate: Double) -> Double {
        logScale ? exp(coordinate) : coordinate
    }

    /// Parses `PATH=LOW..HIGH`, refusing a malformed text and an empty range. Whether the path is a
    /// number of the model is checked against the scenario (`Calibration`).
    public static func parse(_ text: String) throws(CalibrationError) -> (path: [String], low: Double, high: Double) {
        guard let equals = text.firstIndex(of: "=") else { throw .malformedFit(text) }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let range = text[text.index(after: equals)...].components(separatedBy: "..")
        guard !path.contains(""), range.count == 2,
              let low = Double(range[0].trimmingCharacters(in: .whitespaces)), let high = Double(range[1].trimmingCharacters(in: .whitespaces)),
              low.isFinite, high.isFinite else { throw .malformedFit(text) }
        guard low < high else { throw .emptyRange(path: path.joined(separator: "."), low: low, high: high) }
        return (path, low, high)
    }

    /// The value simulated for `value` drawn from the prior.
    public func simulated(_ value: Double) -> Double {
        isInteger ? value.rounded() : value
    }

    /// The setting that gives the parameter `value` (a natural value, not a search coordinate) in a run.
    func setting(_ value: Double) -> Setting {
        Setting(path: path, value: .number(simulated(value)), origin: .fitted)
    }
}
