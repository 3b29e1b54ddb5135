/// Reads the fields of one JSON object, reporting wrong types, refused values and unknown keys
/// (with a did-you-mean suggestion) to a shared `ProblemLog` instead of throwing at the first.
///
/// Every getter takes the default used when the key is absent, so a document states only what it
/// changes. Call `finish()` once all fields are read: keys never asked for are reported as unknown.
///
/// Each getter also records the value it settled on in `resolved`, so reading a document yields
/// the same document with every default filled in: `swarmsim describe` and scenario.resolved.json
/// come from the very code that decodes, and cannot drift from it. In the same way each getter
/// records the field's JSON Schema (type, bounds, default, description) in `fieldSchemas`:
/// reading `{}` yields the schema of everything a reader accepts (`swarmsim schema`).
public struct ObjectReader {
    public let path: ConfigPath
    public let log: ProblemLog
    private let fields: [String: JSONValue]
    private var knownKeys: [String] = []
    /// The fields read so far, each with the value used (given or default).
    public private(set) var resolved: [String: JSONValue] = [:]
    /// Whether getters record schemas: only for `swarmsim schema`, so that decoding the thousands
    /// of configurations of a sweep does not build schemas nobody reads.
    public let recordsSchema: Bool
    /// The JSON Schema of each field read so far (when `recordsSchema`).
    public private(set) var fieldSchemas: [String: JSONValue] = [:]
    /// The fields that must be given, in the order read.
    public private(set) var requiredKeys: [String] = []
    /// Schema keywords about the object as a whole (such as "one of these keys must be given").
    public private(set) var objectConstraints: [String: JSONValue] = [:]

    /// A reader over `value`; reports a problem and reads nothing but defaults when it is not an object.
    public init(_ value: JSONValue, at path: ConfigPath, log: ProblemLog, recordingSchema: Bool = false) {
        self.path = path
        self.log = log
        self.recordsSchema = recordingSchema
        if case .object(let fields) = value {
            self.fields = fields
        } else {
            self.fields = [:]
            log.report(path, "must be an object", found: value.brief)
        }
    }

    /// A reader of `{}` that records the schema of what it is asked to read and discards the
    /// problems (such as required fields missing).
    public static func describing(at path: ConfigPath = ConfigPath()) -> ObjectReader {
        ObjectReader(.object([:]), at: path, log: ProblemLog(), recordingSchema: true)
    }

    /// The raw value of `key`, marking the key as known; nil when absent or null. For fields where
    /// null means "none" (`tasks.count`, an expectation's bounds); elsewhere use `given(_:)`.
    public mutating func value(_ key: String) -> JSONValue? {
        guard let value = given(key), value != .null else { return nil }
        return value
    }

    /// The raw value of `key`, null included, marking the key as known; nil when absent. A field
    /// that takes no null reads through this, so that null is refused as the wrong type (as the
    /// schema refuses it) rather than silently read as the default.
    public mutating func given(_ key: String) -> JSONValue? {
        if !knownKeys.contains(key) { knownKeys.append(key) }
        return fields[key]
    }

    /// True when the document gives `key`.
    public func has(_ key: String) -> Bool {
        fields[key] != nil
    }

    /// A number field, checked against `rule`; `fallback` when absent or refused.
    public mutating func number(_ key: String, default fallback: Double, _ rule: NumberRule = .any, doc: String) -> Double {
        let result = given(key).flatMap { ObjectReader.number($0, at: path.appending(key), rule, log: log) } ?? fallback
        record(key, .number(result))
        describe(key, ["type": .string("number")].merging(rule.schema) { $1 }, doc: doc, default: .number(fallback))
        return result
    }

    /// An optional number field: nil when absent or null.
    public mutating func optionalNumber(_ key: String, _ rule: NumberRule = .any, doc: String) -> Double? {
        let result = value(key).flatMap { ObjectReader.number($0, at: path.appending(key), rule, log: log) }
        record(key, result.map(JSONValue.number) ?? .null)
        describe(key, ObjectReader.nullable(["type": .string("number")].merging(rule.schema) { $1 }), doc: doc, default: .null)
        return result
    }

    /// A number field that must be given: nil after reporting when absent or refused.
    public mutating func requiredNumber(_ key: String, _ rule: NumberRule = .any, doc: String) -> Double? {
        require(key)
        let result = value(key).flatMap { ObjectReader.number($0, at: path.appending(key), rule, log: log) }
        record(key, result.map(JSONValue.number) ?? .null)
        describe(key, ["type": .string("number")].merging(rule.schema) { $1 }, doc: doc)
        return result
    }

    /// Records `value` as the resolved value of `key` (for fields read through `value(_:)`).
    public mutating func record(_ key: String, _ value: JSONValue) {
        resolved[key] = value
    }

    /// Records the JSON Schema of `key` (for fields read through `value(_:)`): `schema` with the
    /// description `doc` and, when given, the default.
    /// Evaluated only when the reader records schemas.
    public mutating func describe(
        _ key: String, _ schema: @autoclosure () -> [String: JSONValue], doc: @autoclosure () -> String,
        default value: @autoclosure () -> JSONValue? = nil
    ) {
        guard recordsSchema else { return }
        var schema = schema()
        schema["description"] = .string(doc())
        if let value = value() { schema["default"] = value }
        fieldSchemas[key] = .object(schema)
    }

    /// Marks `key` as required, reporting it when the document does not give it; true when given.
    @discardableResult
    public mutating func require(_ key: String) -> Bool {
        if !requiredKeys.contains(key) { requiredKeys.append(key) }
        guard let present = fields[key], present != .null else {
            log.report(path.appending(key), "is required")
            return false
        }
        return true
    }

    /// Records a schema keyword about the whole object, stating a rule the decoder checks beside it.
    public mutating func constrain(_ keyword: String, _ value: @autoclosure () -> JSONValue) {
        guard recordsSchema else { return }
        objectConstraints[keyword] = value()
    }

    /// The JSON Schema of the object read: the fields asked for, no others.
    public var objectSchema: [String: JSONValue] {
        var schema = objectConstraints.merging([
            "type": .string("object"), "properties": .object(fieldSchemas), "additionalProperties": .bool(false),
        ]) { $1 }
        if !requiredKeys.isEmpty { schema["required"] = .array(requiredKeys.map(JSONValue.string)) }
        return schema
    }

    /// `schema` also accepting null.
    static func nullable(_ schema: [String: JSONValue]) -> [String: JSONValue] {
        guard case .string(let type) = schema["type"] else { return ["anyOf": .array([.object(schema), .object(["type": .string("null")])])] }
        var schema = schema
        schema["type"] = .array([.string(type), .string("null")])
        if case .array(let names) = schema["enum"] { schema["enum"] = .array(names + [.null]) }
        return schema
    }

    /// An integer field, checked against `range`.
    public mutating func integer(_ key: String, default fallback: Int, _ range: ClosedRange<Int> = 0...Int.max, doc: String) -> Int {
        let result = given(key).flatMap { ObjectReader.integer($0, at: path.appending(key), range, log: log) } ?? fallback
        record(key, .number(Double(result)))
        describe(key, NumberRule.integer(range).schema, doc: doc, default: .number(Double(fallback)))
        return result
    }

    /// An optional integer field, checked against `range`: nil when absent or null.
    public mutating func optionalInteger(_ key: String, _ range: ClosedRange<Int> = 0...Int.max, doc: String) -> Int? {
        let result = value(key).flatMap { ObjectReader.integer($0, at: path.appending(key), range, log: log) }
        record(key, result.map { .number(Double($0)) } ?? .null)
        describe(key, ObjectReader.nullable(NumberRule.integer(range).schema), doc: doc, default: .null)
        return result
    }

    /// A boolean field.
    public mutating func bool(_ key: String, default fallback: Bool, doc: String) -> Bool {
        describe(key, ["type": .string("boolean")], doc: doc, default: .bool(fallback))
        return scalar(key, default: fallback, "true or false", wrap: JSONValue.bool) {
            if case .bool(let flag) = $0 { return flag }
            return nil
        }
    }

    /// A string field.
    public mutating func string(_ key: String, default fallback: String, doc: String) -> String {
        describe(key, ["type": .string("string")], doc: doc, default: .string(fallback))
        return scalar(key, default: fallback, "a string", wrap: JSONValue.string) { $0.stringValue }
    }

    /// A string field that must be given (null counts as missing) and not be empty.
    public mutating func requiredString(_ key: String, doc: String) -> String {
        require(key)
        var result = ""
        if let value = value(key) {
            if let text = value.stringValue {
                result = text
                if text.isEmpty { log.report(path.appending(key), "must not be empty") }
            } else {
                log.report(path.appending(key), "must be a string", found: value.brief)
            }
        }
        record(key, .string(result))
        describe(key, ["type": .string("string"), "minLength": .number(1)], doc: doc)
        return result
    }

    /// A field of one JSON kind: `extract` takes its value out, `wrap` records the one used.
    private mutating func scalar<T>(
        _ key: String, default fallback: T, _ kind: String, wrap: (T) -> JSONValue, extract: (JSONValue) -> T?
    ) -> T {
        var result = fallback
        if let value = given(key) {
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
        _ key: String, default fallback: Choice, doc: String
    ) -> Choice where Choice.RawValue == String {
        var result = fallback
        let allowed = Choice.allCases.map(\.rawValue)
        describe(key, ["type": .string("string"), "enum": .array(allowed.map(JSONValue.string))], doc: doc, default: .string(fallback.rawValue))
        if let value = given(key) {
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
    public mutating func object<T>(_ key: String, doc: String, _ read: (inout ObjectReader) -> T) -> T {
        var reader = ObjectReader(given(key) ?? .object([:]), at: path.appending(key), log: log, recordingSchema: recordsSchema)
        let result = read(&reader)
        reader.finish()
        record(key, .object(reader.resolved))
        describe(key, reader.objectSchema, doc: doc)
        return result
    }

    /// An optional nested object field, read by `read` when given; nil (recorded as null) when absent.
    ///
    /// An absent object is still read, over `{}` into a discarded log, so that its schema is known.
    public mutating func optionalObject<T>(_ key: String, doc: String, _ read: (inout ObjectReader) -> T) -> T? {
        let present = value(key)
        var reader = ObjectReader(present ?? .object([:]), at: path.appending(key), log: present == nil ? ProblemLog() : log,
                                  recordingSchema: recordsSchema)
        let result = read(&reader)
        reader.finish()
        record(key, present == nil ? .null : .object(reader.resolved))
        describe(key, ObjectReader.nullable(reader.objectSchema), doc: doc, default: .null)
        return present == nil ? nil : result
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
        number(value, at: path, .integer(range), log: log).flatMap { Int(exactly: $0) }
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
