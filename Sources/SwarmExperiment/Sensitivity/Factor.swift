import Foundation

/// One uncertain input of a scenario, for sensitivity and robustness analysis: a model parameter
/// named by its dotted path (`board.hours_per_entry`, `profiles.default.competence`,
/// `topology.kind`) and the range of values it plausibly takes.
///
/// A design samples factors in the unit hypercube; `value(at:)` maps a coordinate u in [0, 1] to
/// the parameter's value, monotonically, so that a design's rows can be read in the factor's units
/// and a Morris step's direction read from them.
public struct Factor: Sendable, Equatable {
    /// The values a factor takes.
    public enum Range: Sendable, Equatable {
        /// Uniform between the bounds.
        case uniform(low: Double, high: Double)
        /// Uniform in the logarithm: as likely to be within 1-2x of the low bound as within 2-4x,
        /// for a parameter known only to within orders of magnitude. Both bounds positive.
        case logUniform(low: Double, high: Double)
        /// A whole number from low to high inclusive, each equally likely (a swarm's size, a span).
        case integer(low: Int, high: Int)
        /// One of the values, equally likely: numbers, names (a topology kind, a profile) or any JSON.
        case choice([JSONValue])
    }

    /// The dotted path, as written.
    public let path: String
    /// The path split at dots.
    public let components: [String]
    public let range: Range

    public init(path: String, range: Range) {
        self.path = path
        components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.range = range
    }

    /// The parameter's value at unit coordinate `u` (clamped to [0, 1]): linear or logarithmic
    /// interpolation of the bounds, or choice number floor(u k) of k (the last at u = 1).
    public func value(at u: Double) -> JSONValue {
        let u = min(max(u, 0), 1)
        switch range {
        case .uniform(let low, let high):
            return .number(low + u * (high - low))
        case .logUniform(let low, let high):
            return .number(exp(log(low) + u * (log(high) - log(low))))
        case .integer(let low, let high):
            return .number(Double(low + min(Int(u * Double(high - low + 1)), high - low)))
        case .choice(let values):
            return values[min(Int(u * Double(values.count)), values.count - 1)]
        }
    }

    /// The position of `value` along the factor, to order two values a Morris step moves between:
    /// the number itself for a numeric range, the index among the choices otherwise; nil when the
    /// value is not one the factor takes.
    public func rank(of value: JSONValue) -> Double? {
        switch range {
        case .uniform, .logUniform, .integer:
            if case .number(let number) = value { return number }
            return nil
        case .choice(let values):
            return values.firstIndex(of: value).map(Double.init)
        }
    }

    /// The values checked when a scenario is loaded, each with where it is written: the bounds and
    /// their midpoint (which catches a whole-number parameter given a continuous range), or every
    /// choice.
    var probes: [(value: JSONValue, origin: ConfigPath)] {
        let written = ConfigPath(["factors", path])
        switch range {
        case .uniform(let low, let high):
            let place = written.appending("uniform")
            return [(.number(low), place.appending(index: 0)), (.number(high), place.appending(index: 1)), (.number((low + high) / 2), place)]
        case .logUniform(let low, let high):
            let place = written.appending("log_uniform")
            return [(.number(low), place.appending(index: 0)), (.number(high), place.appending(index: 1)), (value(at: 0.5), place)]
        case .integer(let low, let high):
            let place = written.appending("integer")
            return [(.number(Double(low)), place.appending(index: 0)), (.number(Double(high)), place.appending(index: 1))]
        case .choice(let values):
            let place = written.appending("choice")
            return values.enumerated().map { ($1, place.appending(index: $0)) }
        }
    }
}
