/// The values a numeric field accepts, with the sentence that explains a refusal and the JSON
/// Schema keywords that say the same to an editor.
public struct NumberRule: Sendable {
    public let allows: @Sendable (Double) -> Bool
    /// Completes "must be ...", e.g. "greater than 0".
    public let requirement: String
    /// The JSON Schema keywords of the rule (`minimum`, `exclusiveMinimum`, `maximum`, and
    /// `type: integer` for whole numbers), merged into the field's schema by `ObjectReader`.
    public let schema: [String: JSONValue]

    public init(_ requirement: String, schema: [String: JSONValue] = [:], allows: @escaping @Sendable (Double) -> Bool) {
        self.requirement = requirement
        self.schema = schema
        self.allows = allows
    }

    public static let any = NumberRule("a finite number") { $0.isFinite }
    public static let positive = NumberRule("greater than 0", schema: ["exclusiveMinimum": .number(0)]) { $0.isFinite && $0 > 0 }
    public static let nonNegative = NumberRule("0 or more", schema: ["minimum": .number(0)]) { $0.isFinite && $0 >= 0 }
    public static let probability = NumberRule("a probability between 0 and 1", schema: ["minimum": .number(0), "maximum": .number(1)]) {
        $0 >= 0 && $0 <= 1
    }

    /// A length of time in hours, 0 included (`ScenarioLimits.maxHours` at most); also rates and
    /// multipliers, bounded alike so that the times made from them stay finite.
    public static let hours = within(0...ScenarioLimits.maxHours)
    /// A rate, a multiplier or a price, bounded as times are (`hours`), so that the times and costs
    /// made from it stay finite.
    public static let rate = hours
    /// Tokens per hour: up to a million times the default's 1.5 million.
    public static let tokens = within(0...1e12)
    /// An interval that repeats (a cycle, a poll, a lease): long enough to advance the clock.
    public static let interval = within(ScenarioLimits.minIntervalHours...ScenarioLimits.maxHours)
    /// A distribution's location or bound: at most `ScenarioLimits.maxDistributionParameter` in magnitude.
    public static let parameter = NumberRule(
        "between -1e15 and 1e15",
        schema: ["minimum": .number(-ScenarioLimits.maxDistributionParameter), "maximum": .number(ScenarioLimits.maxDistributionParameter)]
    ) { abs($0) <= ScenarioLimits.maxDistributionParameter }
    /// A distribution's scale: greater than 0, at most `ScenarioLimits.maxDistributionParameter`.
    public static let positiveParameter = NumberRule(
        "greater than 0 and at most 1e15",
        schema: ["exclusiveMinimum": .number(0), "maximum": .number(ScenarioLimits.maxDistributionParameter)]
    ) { $0 > 0 && $0 <= ScenarioLimits.maxDistributionParameter }
    /// A gamma or beta shape: small shapes draw 0 or NaN.
    public static let shape = NumberRule(
        "between 0.001 and 1e15",
        schema: ["minimum": .number(ScenarioLimits.minShape), "maximum": .number(ScenarioLimits.maxDistributionParameter)]
    ) { $0 >= ScenarioLimits.minShape && $0 <= ScenarioLimits.maxDistributionParameter }

    /// Values in `range`, bounds included.
    public static func within(_ range: ClosedRange<Double>) -> NumberRule {
        NumberRule("between \(formatNumber(range.lowerBound)) and \(formatNumber(range.upperBound))",
                   schema: ["minimum": .number(range.lowerBound), "maximum": .number(range.upperBound)]) {
            range.contains($0)
        }
    }

    /// Whole numbers in `range`, bounds included. Checked with `Int(exactly:)`, so a value passes
    /// only when it converts to an `Int` exactly: `Double(Int.max)` (2^63) is in range as a
    /// double but is no `Int`, and converting it would trap.
    public static func integer(_ range: ClosedRange<Int>) -> NumberRule {
        let upper = range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"
        var schema: [String: JSONValue] = ["type": .string("integer"), "minimum": .number(Double(range.lowerBound))]
        if range.upperBound != Int.max { schema["maximum"] = .number(Double(range.upperBound)) }
        return NumberRule("a whole number, at least \(range.lowerBound)\(upper)", schema: schema) {
            Int(exactly: $0).map(range.contains) ?? false
        }
    }
}
