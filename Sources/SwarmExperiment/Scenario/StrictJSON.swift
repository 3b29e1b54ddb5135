import Foundation

/// What the JSON standard (RFC 8259) refuses but Foundation's parser lets through: a trailing
/// comma (`[1, 2,]`, `{"a": 1,}`), which a scenario author may take for a value left out, and a
/// key written twice in one object, of which the parser silently keeps the last, so a setting
/// the author can see in the file would be ignored. Scenario files are held to the standard.
enum StrictJSON {
    /// The first such problem in `text` (already parsed, so otherwise well formed), as "line L,
    /// column C: what", or nil when there is none.
    static func problem(in text: Data) -> String? {
        let bytes = Array(text)
        /// Per open container: nil for an array, else the keys seen so far in the object.
        var containers: [Set<String>?] = []
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
                if expectingKey, case .some(.some(var keys)) = containers.last {
                    let literal = Data(bytes[start...min(index, bytes.count - 1)])
                    let key = (try? JSONDecoder().decode(String.self, from: literal)) ?? String(decoding: literal, as: UTF8.self)
                    guard keys.insert(key).inserted else {
                        return "\(place(start, in: bytes)): the key \"\(key)\" is written twice in one object; give it once"
                    }
                    containers[containers.count - 1] = keys
                    expectingKey = false
                }
                lastSignificant = (byte, start)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                containers.append(byte == UInt8(ascii: "{") ? [] : nil)
                expectingKey = byte == UInt8(ascii: "{")
                lastSignificant = (byte, index)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let last = lastSignificant, last.byte == UInt8(ascii: ",") {
                    return "\(place(last.offset, in: bytes)): a comma before \(Character(UnicodeScalar(byte))) (a trailing comma is not JSON); remove it"
                }
                containers.removeLast()
                expectingKey = false
                lastSignificant = (byte, index)
            case UInt8(ascii: ","):
                expectingKey = containers.last.map { $0 != nil } ?? false
                lastSignificant = (byte, index)
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            default:
                lastSignificant = (byte, index)
            }
            index += 1
        }
        return nil
    }

    /// "line L, column C" (1-based, columns in bytes) of byte `offset`.
    private static func place(_ offset: Int, in bytes: [UInt8]) -> String {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return "line \(line), column \(offset - lineStart + 1)"
    }
}
