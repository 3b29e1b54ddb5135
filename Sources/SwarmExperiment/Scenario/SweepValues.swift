import Foundation

/// The values of one sweep axis as a user writes them: a JSON array (`[1, 10, 100]`, as
/// BehaviorSpace lists them) or a range (`{"from": 1, "to": 100, "step": 10}`, OMNeT++'s
/// `1..100 step 10`; `{"from": 1, "to": 1000, "log_points": 7}`, evenly spaced on a log scale).
enum SweepValues {
    /// The most values one range may make: more would be a typo, not a sweep.
    static let maxRangeValues = 10_000

    /// Whether `value` is written as a range (an object with `from`) rather than as values.
    static func isRange(_ value: JSONValue) -> Bool {
        if case .object(let fields) = value { return fields["from"] != nil }
        return false
    }

    /// The values an axis takes: a non-empty array (repeats are reported and kept, so the rest of
    /// the scenario can still be checked against the axis) or a range, expanded. Nil after
    /// reporting when it is neither.
    static func decode(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) -> [JSONValue]? {
        if isRange(value) { return expand(value, at: path, log: log) }
        guard case .array(let values) = value, !values.isEmpty else {
            log.report(path, "must be a non-empty array of the values to try, or a range such as {\"from\": 1, \"to\": 100, \"step\": 10}",
                       found: value.brief)
            return nil
        }
        // Checked before anything costly: a longer axis alone makes more cells than a plan may have.
        guard values.count <= ScenarioLimits.maxCells else {
            log.report(ScenarioLimits.tooManyValues(at: path, found: "\(values.count) values"))
            return nil
        }
        for index in repeatedIndices(values) {
            log.report(path.appending(index: index), "repeats an earlier value", found: values[index].brief)
        }
        return values
    }

    /// The indices of the values equal to an earlier one, in order: one pass with a hash set, so
    /// linear (expected) however long the axis, where comparing each value with those before it
    /// took seconds at 100,000 values.
    private static func repeatedIndices(_ values: [JSONValue]) -> [Int] {
        var seen = Set<JSONValue>()
        return values.indices.filter { !seen.insert(values[$0]).inserted }
    }

    /// The values a setting on a swept path gives the axis: an array or a range keeps a sweep,
    /// anything else is the one value the axis takes.
    static func decodeSetting(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) -> [JSONValue]? {
        if case .array = value { return decode(value, at: path, log: log) }
        if isRange(value) { return expand(value, at: path, log: log) }
        return [value]
    }

    /// The JSON Schema of a range.
    static var rangeSchema: JSONValue {
        let number = JSONValue.object(["type": .string("number")])
        return .object([
            "type": .string("object"),
            "properties": .object([
                "from": number, "to": number, "step": number,
                "log_points": .object(["type": .string("integer"), "minimum": .number(2)]),
            ]),
            "required": .array([.string("from"), .string("to")]),
            "oneOf": .array([.object(["required": .array([.string("step")])]), .object(["required": .array([.string("log_points")])])]),
            "additionalProperties": .bool(false),
            "description": .string("from, to (included when a step lands on it) and either step or log_points (that many values, evenly spaced on a log scale, whole numbers when from and to are)."),
        ])
    }

    /// Expands a range: `from`, `to` and either `step` (from, from + step, ... up to `to`, included
    /// when a step lands on it) or `log_points` (that many values from `from` to `to`, both
    /// included, evenly spaced on a log scale; rounded to whole numbers when `from` and `to` are
    /// whole, as counts are). Values are rounded to 12 significant digits, so that 0.1 + 0.2
    /// is written 0.3, as the user meant.
    private static func expand(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) -> [JSONValue]? {
        guard case .object(let fields) = value else { return nil }
        let known = ["from", "to", "step", "log_points"]
        for key in fields.keys.sorted() where !known.contains(key) {
            log.report(path.appending(key), "unknown key of a range\(suggestion(for: key, among: known, heading: "range keys"))")
        }
        let number = { (key: String) -> Double? in
            fields[key].flatMap { ObjectReader.number($0, at: path.appending(key), .any, log: log) }
        }
        let (from, to) = (number("from"), number("to"))
        if fields["to"] == nil { log.report(path.appending("to"), "is required: the range's last value") }
        switch (fields["step"], fields["log_points"]) {
        case (nil, nil):
            log.report(path, "needs step or log_points: {\"from\": 1, \"to\": 100, \"step\": 10} or {\"from\": 1, \"to\": 1000, \"log_points\": 7}")
            return nil
        case (.some, .some):
            log.report(path.appending("log_points"), "give step or log_points, not both")
            return nil
        case (.some, nil):
            guard let from, let to, let step = number("step") else { return nil }
            return linear(from: from, to: to, step: step, at: path, log: log)
        case (nil, .some(let points)):
            guard let count = ObjectReader.integer(points, at: path.appending("log_points"), 2...maxRangeValues, log: log),
                  let from, let to else { return nil }
            return logarithmic(from: from, to: to, count: count, at: path, log: log)
        }
    }

    private static func linear(from: Double, to: Double, step: Double, at path: ConfigPath, log: ProblemLog) -> [JSONValue]? {
        guard step != 0, (to - from) / step >= 0 else {
            log.report(path.appending("step"), "must be non-zero and lead from \(formatNumber(from)) towards \(formatNumber(to))",
                       found: formatNumber(step))
            return nil
        }
        let steps = ((to - from) / step * (1 + 1e-12)).rounded(.down)
        guard steps < Double(maxRangeValues) else {
            log.report(path.appending("step"), "makes more than \(maxRangeValues) values; take a larger step", found: formatNumber(step))
            return nil
        }
        return (0...Int(steps)).map { .number(rounded(from + Double($0) * step)) }
    }

    private static func logarithmic(from: Double, to: Double, count: Int, at path: ConfigPath, log: ProblemLog) -> [JSONValue]? {
        guard from > 0, to > 0, from != to else {
            log.report(path, "a log range needs from and to positive and different",
                       found: "from \(formatNumber(from)), to \(formatNumber(to))")
            return nil
        }
        let whole = from == from.rounded() && to == to.rounded()
        let values = (0..<count).map { index -> Double in
            let value = from * pow(to / from, Double(index) / Double(count - 1))
            return index == 0 ? from : index == count - 1 ? to : whole ? value.rounded() : rounded(value)
        }
        if let repeated = values.indices.dropFirst().first(where: { values[$0] == values[$0 - 1] }) {
            log.report(path.appending("log_points"), "repeats the whole number \(formatNumber(values[repeated])); ask for fewer points",
                       found: "\(count)")
            return nil
        }
        return values.map(JSONValue.number)
    }

    /// `value` to 12 significant digits: clears the last bits of noise that adding steps leaves.
    private static func rounded(_ value: Double) -> Double {
        Double(String(format: "%.12g", value)) ?? value
    }
}
