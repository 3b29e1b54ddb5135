import Foundation

/// Edits of a JSON document held as `JSONSerialization` objects, for tests that damage documents:
/// each place in it, and the document with one place changed or removed.
enum JSONTree {
    /// Every path (object keys and array indices) inside `document`, the root excluded, in key order.
    static func paths(_ document: Any, _ prefix: [Any] = []) -> [[Any]] {
        if let object = document as? [String: Any] {
            return object.keys.sorted().flatMap { [prefix + [$0]] + paths(object[$0]!, prefix + [$0]) }
        }
        if let array = document as? [Any] {
            return array.indices.flatMap { [prefix + [$0]] + paths(array[$0], prefix + [$0]) }
        }
        return []
    }

    /// `document` with one change: `value` put at `path` (object keys and array indices), or the
    /// key at `path` renamed to `renamed`.
    static func mutated(_ document: Any, at path: [Any], value: Any? = nil, renamed: String? = nil) -> Any {
        guard let head = path.first else { return value! }
        let rest = Array(path.dropFirst())
        if let index = head as? Int, var array = document as? [Any] {
            array[index] = mutated(array[index], at: rest, value: value, renamed: renamed)
            return array
        }
        var object = document as! [String: Any]
        let key = head as! String
        if rest.isEmpty, let renamed {
            object[renamed] = object.removeValue(forKey: key) ?? value ?? 1
        } else {
            object[key] = mutated(object[key] ?? [String: Any](), at: rest, value: value, renamed: renamed)
        }
        return object
    }

    /// `document` without the value at `path`.
    static func removing(_ document: Any, at path: [Any]) -> Any {
        let head = path[0]
        if path.count == 1 {
            if var object = document as? [String: Any] { object[head as! String] = nil; return object }
            var array = document as! [Any]
            array.remove(at: head as! Int)
            return array
        }
        if var object = document as? [String: Any] {
            object[head as! String] = removing(object[head as! String]!, at: Array(path.dropFirst()))
            return object
        }
        var array = document as! [Any]
        array[head as! Int] = removing(array[head as! Int], at: Array(path.dropFirst()))
        return array
    }
}
