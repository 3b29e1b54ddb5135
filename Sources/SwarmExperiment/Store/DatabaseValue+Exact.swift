import Foundation
import GRDB

/// Reading a store's cells exactly. GRDB's conversions round (a REAL 2.5 read as `Int` is 2, an
/// INTEGER 2^63 - 1 read as `Double` is 2^63) and its typed row accessors stop the process on a
/// value of the wrong type. A store is a file anyone can edit, so the store reads raw values
/// through these and refuses, by name, what swarmsim never writes.
extension DatabaseValue {
    /// The whole number held exactly: an INTEGER an `Int` holds, or a REAL with such a value; nil otherwise.
    var exactInteger: Int? {
        switch storage {
        case .int64(let value): return Int(exactly: value)
        case .double(let value): return Int(exactly: value)
        case .null, .string, .blob: return nil
        }
    }

    /// The number held exactly: a REAL (infinities included: the store keeps every double a run
    /// measured), or an INTEGER a double holds exactly; nil otherwise (NULL, text, a blob, an
    /// integer beyond 2^53 that would round).
    var exactDouble: Double? {
        switch storage {
        case .double(let value): return value
        case .int64(let value): return Double(exactly: value)
        case .null, .string, .blob: return nil
        }
    }

    /// How the value is quoted in a message: NULL, the number, text in quotes (shortened), or a blob's size.
    var shown: String {
        switch storage {
        case .null: return "NULL"
        case .int64(let value): return "the integer \(value)"
        case .double(let value): return "the real \(value)"
        case .string(let text): return "the text \"\(text.count > 40 ? text.prefix(40) + "..." : Substring(text))\""
        case .blob(let data): return "a blob of \(data.count) bytes"
        }
    }
}
