/// A parsed JSON document, kept as a tree so that decoding can report every problem with its path
/// (`variants[2].agents.count`) instead of stopping at the first, as `Decodable` does.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A short rendering for error messages: scalars in full, containers summarised.
    public var brief: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return formatNumber(value)
        case .string(let value): return "\"\(value)\""
        case .array(let items): return "an array of \(items.count)"
        case .object(let fields):
            let keys = fields.keys.sorted().prefix(3).joined(separator: ", ")
            return fields.isEmpty ? "{}" : "an object with \(keys)\(fields.count > 3 ? ", ..." : "")"
        }
    }

    /// The kind of value, as named in error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Numbers first: they are most of a long document (a sweep axis), and each failed attempt
        // costs a thrown error.
        if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }
}

/// Shortest round-trip text for a number, with integers written without a trailing ".0".
public func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
