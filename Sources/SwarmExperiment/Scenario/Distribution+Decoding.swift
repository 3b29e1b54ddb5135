import SwarmKernel

extension Distribution {
    /// The family names a scenario may use, in the order help texts list them.
    public static let familyNames = [
        "constant", "uniform", "exponential", "normal", "lognormal", "gamma", "beta",
        "bernoulli", "poisson", "zipf", "choice",
    ]

    /// Where scenario schemas keep the schema of a distribution (`swarmsim schema`).
    public static let schemaReference = "#/$defs/distribution"

    /// The JSON Schema of a distribution as `decode` reads it: a number, or one family with its
    /// parameters, each family's parameters read by the decoder itself from `{}`.
    public static var schema: JSONValue {
        var options: [JSONValue] = [.object(["type": .string("number"), "description": .string("A constant.")])]
        for name in familyNames {
            var p = ObjectReader.describing(at: ConfigPath([name]))
            _ = decodeParameters(of: name, &p)
            var parameters = JSONValue.object(p.objectSchema)
            if name == "constant" {
                parameters = .object(["anyOf": .array([.object(["type": .string("number")]), parameters])])
            }
            options.append(.object([
                "type": .string("object"), "properties": .object([name: parameters]),
                "required": .array([.string(name)]), "additionalProperties": .bool(false),
            ]))
        }
        return .object([
            "description": .string("A number (a constant) or an object with one key naming the family: \(familyNames.joined(separator: ", ")).") ,
            "anyOf": .array(options),
        ])
    }

    /// Decodes a distribution: a bare number is a constant; otherwise an object with one key, the
    /// family, whose value holds its parameters (`{"lognormal": {"mean": 1, "sd": 0.5}}`).
    ///
    /// Every refused parameter is reported to `log` with its path; the result is nil if any was.
    /// `allowed` is the range every draw must fall in (e.g. 0...inf for durations): a distribution
    /// that could draw outside it is refused, naming the field to change.
    public static func decode(
        _ value: JSONValue, at path: ConfigPath, log: ProblemLog,
        allowed: ClosedRange<Double> = -Double.infinity...Double.infinity
    ) -> Distribution? {
        let before = log.problems.count
        guard let family = decodeFamily(value, at: path, log: log) else { return nil }
        guard log.problems.count == before else { return nil }
        let distribution = Distribution(family)
        let support = distribution.support
        guard allowed.contains(support.lowerBound), allowed.contains(support.upperBound) else {
            log.report(path, "can draw values outside \(describe(allowed)), the range this field allows; its draws lie in \(describe(support))",
                       found: value.brief)
            return nil
        }
        return distribution
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        "[\(formatNumber(range.lowerBound)), \(formatNumber(range.upperBound))]"
            .replacingOccurrences(of: "inf]", with: "inf)").replacingOccurrences(of: "[-inf", with: "(-inf")
    }

    private static func decodeFamily(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) -> Family? {
        if case .number(let constant) = value {
            return ObjectReader.number(.number(constant), at: path, .parameter, log: log).map { .constant($0) }
        }
        guard case .object(let fields) = value, fields.count == 1, let (name, parameters) = fields.first else {
            log.report(path, "must be a number or an object with one key naming the family (\(familyNames.joined(separator: ", ")))",
                       found: value.brief)
            return nil
        }
        let familyPath = path.appending(name)
        guard familyNames.contains(name) else {
            let hint = closestMatch(to: name, among: familyNames).map { "; did you mean \"\($0)\"?" } ?? ""
            log.report(familyPath, "unknown distribution family\(hint) (known: \(familyNames.joined(separator: ", ")))")
            return nil
        }
        if name == "constant", case .number = parameters {
            return ObjectReader.number(parameters, at: familyPath, .parameter, log: log).map { .constant($0) }
        }
        var p = ObjectReader(parameters, at: familyPath, log: log)
        defer { p.finish() }
        return decodeParameters(of: name, &p)
    }

    /// The family `name` with its parameters read by `p` (the problems go to `p`'s log).
    private static func decodeParameters(of name: String, _ p: inout ObjectReader) -> Family {
        let log = p.log
        let familyPath = p.path
        func required(_ key: String, _ rule: NumberRule, _ doc: String) -> Double {
            p.requiredNumber(key, rule, doc: doc) ?? .nan
        }
        switch name {
        case "constant":
            return .constant(required("value", .parameter, "The value every draw takes."))
        case "uniform":
            let low = required("min", .parameter, "Lower end.")
            let high = required("max", .parameter, "Upper end; greater than min.")
            if low.isFinite, high.isFinite, !(high > low) {
                log.report(familyPath.appending("max"), "must be greater than min (\(formatNumber(low)))", found: formatNumber(high))
            }
            return .uniform(min: low, max: high)
        case "exponential":
            return .exponential(mean: required("mean", .positiveParameter, "Mean."))
        case "normal":
            let mean = required("mean", .parameter, "Mean before truncation.")
            let sd = required("sd", .positiveParameter, "Standard deviation before truncation.")
            let low = p.optionalNumber("min", .parameter, doc: "Draws below it are redrawn (truncation); null = none.")
            let high = p.optionalNumber("max", .parameter, doc: "Draws above it are redrawn (truncation); null = none.")
            if let low, let high, !(high > low) {
                log.report(familyPath.appending("max"), "must be greater than min (\(formatNumber(low)))", found: formatNumber(high))
            } else if mean.isFinite, sd > 0, TruncationWindow(mean: mean, sd: sd, low: low, high: high).mass < 0.01 {
                log.report(familyPath, "min and max keep less than 1% of this normal's mass; move them nearer the mean")
            }
            return .normal(mean: mean, sd: sd, min: low, max: high)
        case "lognormal":
            // A mean of at least 1 / maxDistributionParameter keeps (sd / mean)^2, and so the draws, finite.
            let largest = ScenarioLimits.maxDistributionParameter
            let mean = NumberRule("between 1e-15 and 1e15", schema: ["minimum": .number(1 / largest), "maximum": .number(largest)]) {
                $0 >= 1 / largest && $0 <= largest
            }
            let sd = NumberRule("between 0 and 1e15", schema: ["minimum": .number(0), "maximum": .number(largest)]) { $0 >= 0 && $0 <= largest }
            return .lognormal(mean: required("mean", mean, "Mean of the draws (not of their logarithm)."),
                              sd: required("sd", sd, "Standard deviation of the draws (not of their logarithm)."))
        case "gamma":
            return .gamma(shape: required("shape", .shape, "Shape k; smaller shapes draw only 0."),
                          scale: required("scale", .positiveParameter, "Scale theta; the mean is k theta."))
        case "beta":
            return .beta(a: required("a", .shape, "Shape alpha; smaller shapes draw NaN."),
                         b: required("b", .shape, "Shape beta; the mean is a / (a + b)."))
        case "bernoulli":
            return .bernoulli(p: required("p", .probability, "Chance of drawing 1 (else 0)."))
        case "poisson":
            return .poisson(mean: required("mean", .within(0...1e9), "Mean count."))
        case "zipf":
            let n = required("n", .integer(1...1_000_000), "Draws are 1...n.")
            return .zipf(n: Int(exactly: n) ?? 1, s: required("s", .nonNegative, "Exponent: P(k) is proportional to k^-s."))
        default:
            return decodeChoice(&p)
        }
    }

    private static func decodeChoice(_ p: inout ObjectReader) -> Family {
        let log = p.log
        let path = p.path
        func numbers(_ key: String, _ rule: NumberRule, _ doc: String) -> [Double]? {
            p.describe(key, ["type": .string("array"), "minItems": .number(1), "items": .object(["type": .string("number")].merging(rule.schema) { $1 })],
                       doc: doc)
            // A required key given as null is reported as missing (by `require`), not as mistyped.
            guard let value = p.given(key), !(value == .null && p.requiredKeys.contains(key)) else { return nil }
            guard case .array(let items) = value, !items.isEmpty else {
                log.report(path.appending(key), "must be a non-empty array of numbers", found: value.brief)
                return nil
            }
            let parsed = items.enumerated().map {
                ObjectReader.number($0.element, at: path.appending(key).appending(index: $0.offset), rule, log: log) ?? .nan
            }
            return parsed
        }
        p.require("values")
        let givenValues = numbers("values", .parameter, "The values to draw from.")
        let givenWeights = numbers("weights", NumberRule("between 0 and 1e15", schema: ["minimum": .number(0), "maximum": .number(ScenarioLimits.maxDistributionParameter)]) {
                                       $0 >= 0 && $0 <= ScenarioLimits.maxDistributionParameter
                                   },
                                   "One weight per value (default: equal); not all 0.")
        guard let values = givenValues else {
            return .choice(values: [0], weights: [1])
        }
        let weights = givenWeights ?? Array(repeating: 1, count: values.count)
        if weights.count != values.count {
            log.report(path.appending("weights"), "must have one weight per value (\(values.count))", found: "\(weights.count)")
        } else if weights.allSatisfy(\.isFinite), !(weights.reduce(0, +) > 0) {
            log.report(path.appending("weights"), "must not all be 0")
        }
        return .choice(values: values, weights: weights.count == values.count ? weights : Array(repeating: 1, count: values.count))
    }
}

extension Distribution {
    /// The distribution written as a scenario would write it (constants as bare numbers).
    public var jsonValue: JSONValue {
        func family(_ name: String, _ parameters: [String: Double?]) -> JSONValue {
            .object([name: .object(parameters.compactMapValues { $0.map(JSONValue.number) })])
        }
        switch self.family {
        case .constant(let value): return .number(value)
        case .uniform(let low, let high): return family("uniform", ["min": low, "max": high])
        case .exponential(let mean): return family("exponential", ["mean": mean])
        case .normal(let mean, let sd, let low, let high): return family("normal", ["mean": mean, "sd": sd, "min": low, "max": high])
        case .lognormal(let mean, let sd): return family("lognormal", ["mean": mean, "sd": sd])
        case .gamma(let shape, let scale): return family("gamma", ["shape": shape, "scale": scale])
        case .beta(let a, let b): return family("beta", ["a": a, "b": b])
        case .bernoulli(let p): return family("bernoulli", ["p": p])
        case .poisson(let mean): return family("poisson", ["mean": mean])
        case .zipf(let n, let s): return family("zipf", ["n": Double(n), "s": s])
        case .choice(let values, let weights):
            return .object(["choice": .object(["values": .array(values.map(JSONValue.number)), "weights": .array(weights.map(JSONValue.number))])])
        }
    }
}

extension ObjectReader {
    /// A distribution field (see `Distribution.decode`); `fallback` when absent or refused.
    public mutating func distribution(
        _ key: String, default fallback: Distribution,
        allowed: ClosedRange<Double> = -Double.infinity...Double.infinity, doc: String
    ) -> Distribution {
        let result = given(key).flatMap { Distribution.decode($0, at: path.appending(key), log: log, allowed: allowed) } ?? fallback
        record(key, result.jsonValue)
        let unbounded = allowed == -Double.infinity...Double.infinity
        describe(key, ["$ref": .string(Distribution.schemaReference)],
                 doc: doc + (unbounded ? "" : " Its draws must lie in \(Distribution.describe(allowed))."), default: fallback.jsonValue)
        return result
    }
}
