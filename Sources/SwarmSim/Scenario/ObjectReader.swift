/// Reads the fields of one JSON object, reporting wrong types, refused values and unknown keys
/// (with a did-you-mean suggestion) to a shared `ProblemLog` instead of throwing at the first.
///
/// Every getter takes the default used when the key is absent, so a document states only what it
/// changes. Call `finish()` once all fields are read: keys never asked for are reported as unknown.
///
/// Each getter also records the value it settled on in `resolved`, so reading a document yields
/// the same document with every default filled in: `swarmsim describe` and scenario.resolved.json
/// come from the very code that decodes, and cannot drift from it.
public struct ObjectReader {
    public let path: ConfigPath
    public let log: ProblemLog
    private let fields: [String: JSONValue]
    private var knownKeys: [String] = []
    /// The fields read so far, each with the value used (given or default).
    public private(set) var resolved: [String: JSONValue] = [:]

    /// A reader over `value`; reports a problem and reads nothing but defaults when it is not an object.
    public init(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) {
        self.path = path
        self.log = log
        if case .object(let fields) = value {
            self.fields = fields
        } else {
            self.fields = [:]
            log.report(path, "must be an object", found: value.brief)
        }
    }

    /// The raw value of `key`, marking the key as known; nil when absent or null.
    public mutating func value(_ key: String) -> JSONValue? {
        knownKeys.append(key)
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    /// True when the document gives `key`.
    public func has(_ key: String) -> Bool {
        fields[key] != nil
    }

    /// A number field, checked against `rule`; `fallback` when absent or refused.
    public mutating func number(_ key: String, default fallback: Double, _ rule: NumberRule = .any) -> Double {
        let result = value(key).flatMap { ObjectReader.number($0, at: path.appending(key), rule, log: log) } ?? fallback
        record(key, .number(result))
        return result
    }

    /// An optional number field: nil when absent or null.
    public mutating func optionalNumber(_ key: String, _ rule: NumberRule = .any) -> Double? {
        let result = value(key).flatMap { ObjectReader.number($0, at: path.appending(key), rule, log: log) }
        record(key, result.map(JSONValue.number) ?? .null)
        return result
    }

    /// Records `value` as the resolved value of `key` (for fields read through `value(_:)`).
    public mutating func record(_ key: String, _ value: JSONValue) {
        resolved[key] = value
    }

    /// An integer field, checked against `range`.
    public mutating func integer(_ key: String, default fallback: Int, _ range: ClosedRange<Int> = 0...Int.max) -> Int {
        let result = value(key).flatMap { ObjectReader.integer($0, at: path.appending(key), range, log: log) } ?? fallback
        record(key, .number(Double(result)))
        return result
    }

    /// A boolean field.
    public mutating func bool(_ key: String, default fallback: Bool) -> Bool {
        scalar(key, default: fallback, "true or false", wrap: JSONValue.bool) {
            if case .bool(let flag) = $0 { return flag }
            return nil
        }
    }

    /// A string field.
    public mutating func string(_ key: String, default fallback: String) -> String {
        scalar(key, default: fallback, "a string", wrap: JSONValue.string) { $0.stringValue }
    }

    /// A field of one JSON kind: `extract` takes its value out, `wrap` records the one used.
    private mutating func scalar<T>(
        _ key: String, default fallback: T, _ kind: String, wrap: (T) -> JSONValue, extract: (JSONValue) -> T?
    ) -> T {
        var result = fallback
        if let value = value(key) {
            if let extracted = extract(value) {
                result = extracted
            } else {
                log.report(path.appending(key), "must be \(kind)", found: value.brief)
            }
        }
        record(key, wrap(result))
        return result
    }

    /// A field whose value is one of a closed set of names.
    public mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, default fallback: Choice
    ) -> Choice where Choice.RawValue == String {
        var result = fallback
        if let value = value(key) {
            let allowed = Choice.allCases.map(\.rawValue)
            if case .string(let text) = value, let choice = Choice(rawValue: text) {
                result = choice
            } else {
                let hint = value.stringValue.flatMap { closestMatch(to: $0, among: allowed) }.map { "; did you mean \"\($0)\"?" } ?? ""
                log.report(path.appending(key), "must be one of \(allowed.joined(separator: ", "))\(hint)", found: value.brief)
            }
        }
        record(key, .string(result.rawValue))
        return result
    }

    /// A nested object field, read by `read`; the reader sees `{}` when the key is absent.
    public mutating func object<T>(_ key: String, _ read: (inout ObjectReader) -> T) -> T {
        var reader = ObjectReader(value(key) ?? .object([:]), at: path.appending(key), log: log)
        let result = read(&reader)
        reader.finish()
        record(key, .object(reader.resolved))
        return result
    }

    /// Reports every key of the object that no getter asked for.
    public func finish() {
        for key in fields.keys.sorted() where !knownKeys.contains(key) {
            let hint = closestMatch(to: key, among: knownKeys).map { "; did you mean \"\($0)\"?" } ?? ""
            let known = knownKeys.isEmpty ? "" : " (known keys: \(knownKeys.joined(separator: ", ")))"
            log.report(path.appending(key), "unknown key\(hint)\(hint.isEmpty ? known : "")")
        }
    }

    /// `value` as a number accepted by `rule`, or nil after reporting why not.
    public static func number(_ value: JSONValue, at path: ConfigPath, _ rule: NumberRule, log: ProblemLog) -> Double? {
        guard case .number(let number) = value else {
            log.report(path, "must be a number", found: value.brief)
            return nil
        }
        guard rule.allows(number) else {
            log.report(path, "must be \(rule.requirement)", found: value.brief)
            return nil
        }
        return number
    }

    /// `value` as a whole number in `range`, or nil after reporting why not.
    public static func integer(_ value: JSONValue, at path: ConfigPath, _ range: ClosedRange<Int>, log: ProblemLog) -> Int? {
        number(value, at: path, .integer(range), log: log).map { Int($0) }
    }
}

extension JSONValue {
    /// The text of a string value; nil for anything else.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// The candidate closest to `word` by edit distance, when close enough to be a likely misspelling.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let lowered = Array(word.lowercased())
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, Array(candidate.lowercased()))
        if distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    guard let best, best.distance <= max(2, lowered.count / 3) else { return nil }
    return best.candidate
}

/// Levenshtein distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
