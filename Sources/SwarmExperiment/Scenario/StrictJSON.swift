import Foundation

/// What the JSON standard (RFC 8259) refuses or leaves to the reader but Foundation's parser
/// lets through or garbles: a trailing comma (`[1, 2,]`, `{"a": 1,}`), which a scenario author may
/// take for a value left out; a key written twice in one object, of which the parser silently
/// keeps one, so a setting the author can see in the file would be ignored; a number too large
/// for a double (`1e400`), which the parser reports as a type mismatch; and a whole number above
/// 2^53, which a double cannot hold exactly, so `9007199254740993` would silently become another
/// number (RFC 7493, I-JSON). Scenario files are held to the standard.
///
/// The same pass refuses an array of more values than a plan may have cells before the parser
/// builds it (no field takes so many), so that a sweep axis of a million values is refused at once.
///
/// One pass over the bytes, with a hash set of keys per open object: O(n) expected.
enum StrictJSON {
    /// What the pass found.
    enum Problem: Equatable {
        /// Text the standard refuses, as "line L, column C: what".
        case notStandard(String)
        /// An array at `path` with more than `ScenarioLimits.maxCells` values.
        case tooManyValues(path: ConfigPath)
    }

    /// The largest whole number a double holds exactly, with every smaller one: 2^53.
    static let largestExactInteger = 9_007_199_254_740_992.0

    /// An open container: its keys so far (with where each was written) for an object, nil for an
    /// array, and the key or index of the value being read, for paths.
    private struct Container {
        var keys: [String: Int]?
        /// The key of the value being read (objects) or its index (arrays).
        var member = ""
        var index = 0
    }

    /// The first such problem in `text` as "line L, column C: what", or nil when there is none.
    /// Safe on any bytes: text that is not JSON at all yields nil or a problem, never a trap.
    static func problem(in text: Data) -> Problem? {
        let bytes = Array(text)
        var containers: [Container] = []
        var expectingKey = false
        var lastSignificant: (byte: UInt8, offset: Int)?
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if expectingKey, var container = containers.last, var keys = container.keys {
                    let literal = Data(bytes[start...min(index, bytes.count - 1)])
                    let key = (try? JSONDecoder().decode(String.self, from: literal)) ?? String(decoding: literal, as: UTF8.self)
                    if let first = keys[key] {
                        let path = self.path(containers.dropLast()).appending(key)
                        return .notStandard("\(place(start, in: bytes)): \(path) is written twice in one object (first at \(place(first, in: bytes))); give it once")
                    }
                    keys[key] = start
                    container.keys = keys
                    container.member = key
                    containers[containers.count - 1] = container
                    expectingKey = false
                }
                lastSignificant = (byte, start)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                containers.append(Container(keys: byte == UInt8(ascii: "{") ? [:] : nil))
                expectingKey = byte == UInt8(ascii: "{")
                lastSignificant = (byte, index)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let last = lastSignificant, last.byte == UInt8(ascii: ",") {
                    return .notStandard("\(place(last.offset, in: bytes)): a comma before \(Character(UnicodeScalar(byte))) (a trailing comma is not JSON); remove it")
                }
                if !containers.isEmpty { containers.removeLast() }
                expectingKey = false
                lastSignificant = (byte, index)
            case UInt8(ascii: ","):
                expectingKey = containers.last.map { $0.keys != nil } ?? false
                if let last = containers.indices.last, containers[last].keys == nil {
                    containers[last].index += 1
                    if containers[last].index >= ScenarioLimits.maxCells { return .tooManyValues(path: path(containers.dropLast())) }
                }
                lastSignificant = (byte, index)
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                var exponent = false
                while index + 1 < bytes.count, isNumberByte(bytes[index + 1]) {
                    index += 1
                    exponent = exponent || bytes[index] | 0x20 == UInt8(ascii: "e")
                }
                // Only an exponent or 16 digits or more can leave a double's range or its exact integers.
                if exponent || index - start >= 15, let problem = numberProblem(String(decoding: bytes[start...index], as: UTF8.self)) {
                    return .notStandard("\(place(start, in: bytes)): \(path(containers[...])): \(problem)")
                }
                lastSignificant = (byte, start)
            default:
                lastSignificant = (byte, index)
            }
            index += 1
        }
        return nil
    }

    /// Why the number `literal` cannot be read as written, or nil when it can.
    private static func numberProblem(_ literal: String) -> String? {
        guard let value = Double(literal) else { return nil }  // not a number: the parser reports it
        if !value.isFinite {
            return "the number \(literal) is out of range (a number's magnitude must be below about 1.8e308); "
                + "give a number the field allows"
        }
        let whole = !literal.contains { $0 == "." || $0 == "e" || $0 == "E" }
        // 2^53 + 1 reads as 2^53, so every whole number from 2^53 on is refused but 2^53 itself.
        if whole, abs(value) >= largestExactInteger, literal.drop(while: { $0 == "-" }) != "9007199254740992" {
            return "the whole number \(literal) is above 2^53 (9007199254740992), so it cannot be read exactly; give a smaller one"
        }
        return nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    /// The path of the value being read in the innermost of `containers`.
    private static func path(_ containers: ArraySlice<Container>) -> ConfigPath {
        containers.reduce(ConfigPath()) { path, container in
            container.keys == nil ? path.appending(index: container.index) : path.appending(container.member)
        }
    }

    /// "line L, column C" (1-based, columns in bytes) of byte `offset`.
    private static func place(_ offset: Int, in bytes: [UInt8]) -> String {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return "line \(line), column \(offset - lineStart + 1)"
    }
}
