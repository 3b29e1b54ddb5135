import Foundation

/// The order in which a JSON text writes the keys of one object. `JSONValue` holds objects as
/// dictionaries, which forget it; the sweep needs it, since its first key varies slowest.
enum JSONKeyOrder {
    /// The keys of the object at `path` (object keys from the top) in `text`, in written order; nil
    /// when no object is there. `text` must be valid JSON: decode it first.
    static func keys(at path: [String], in text: Data) -> [String]? {
        var scanner = Scanner(bytes: Array(text))
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        return scanner.objectKeys(at: path[...])
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func objectKeys(at path: ArraySlice<String>) -> [String]? {
            skipSpace()
            guard current == UInt8(ascii: "{") else { return nil }
            index += 1
            var keys: [String] = []
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { break }  // "}" of an empty object
                let key = readString()
                skipSpace()
                index += 1  // ":"
                if let wanted = path.first, key == wanted {
                    return objectKeys(at: path.dropFirst())
                }
                keys.append(key)
                skipValue()
                skipSpace()
                guard current == UInt8(ascii: ",") else { break }
                index += 1
            }
            return path.isEmpty ? keys : nil
        }

        private mutating func skipSpace() {
            while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
        }

        /// Reads the string starting at the current quote, escapes decoded.
        private mutating func readString() -> String {
            let start = index
            skipString()
            let literal = Data(bytes[start..<index])
            return (try? JSONDecoder().decode(String.self, from: literal)) ?? String(decoding: literal, as: UTF8.self)
        }

        private mutating func skipString() {
            index += 1
            while let byte = current, byte != UInt8(ascii: "\"") {
                index += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
        }

        private mutating func skipValue() {
            var depth = 0
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    skipString()
                    if depth == 0 { return }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return }
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return
                    }
                case UInt8(ascii: ","):
                    if depth == 0 { return }
                default:
                    break
                }
                index += 1
            }
        }
    }
}
