/// One change laid over a model document, with where the user wrote it, so that a problem found in
/// the merged document points back at the user's text (`variants[1].commits.polcy`,
/// `sweep.agents.count[2]`, the setting of `agents.count`) instead of at a document the user never saw.
struct Overlay: Sendable {
    /// Where in the model document `value` is merged; empty for a variant, which holds whole sections.
    let path: [String]
    let value: JSONValue
    /// Where the user wrote `value`.
    let origin: ConfigPath

    /// `document` with this overlay merged in (see `JSONValue.merging(_:at:)`).
    func apply(to document: JSONValue) -> JSONValue {
        document.merging(value, at: path)
    }

    /// Where the user wrote what sits at `problemPath` of the merged document, when this overlay
    /// wrote it; nil otherwise.
    ///
    /// A path inside the overlay's value is its own. A path the value does not spell out is its own
    /// only inside an object it introduced, one absent from `before` (the document it was laid
    /// over): a distribution of a new family that lacks a parameter, say. With `before` nil, only
    /// what the value spells out is claimed.
    func origin(of problemPath: [String], before: JSONValue?) -> ConfigPath? {
        guard problemPath.starts(with: path) else { return nil }
        let rest = problemPath.dropFirst(path.count)
        var node = value
        var walked = path
        for component in rest {
            guard case .object(let fields) = node else { break }
            if let next = fields[component] {
                node = next
                walked.append(component)
            } else if fields[Overlay.arrayName(component)] != nil {
                break  // an element of an array the overlay wrote
            } else {
                guard let before, before.value(at: walked) == nil else { return nil }
                break
            }
        }
        return rest.reduce(origin) { $0.appending($1) }
    }

    /// `values` for the path component `values[3]` that `ConfigPath.appending(index:)` makes.
    private static func arrayName(_ component: String) -> String {
        guard component.hasSuffix("]"), let open = component.lastIndex(of: "[") else { return component }
        return String(component[..<open])
    }

    /// A problem, reported at `origin`, when `path` names no field of any of `documents` (the
    /// resolved documents it may apply to); nil when it names one.
    static func unknownPathProblem(_ path: [String], at origin: ConfigPath, in documents: [JSONValue]) -> ConfigProblem? {
        guard let first = documents.first, !documents.contains(where: { $0.value(at: path) != nil }) else { return nil }
        var node = first
        for (depth, key) in path.enumerated() {
            let parent = path.prefix(depth).joined(separator: ".")
            guard case .object(let fields) = node else {
                return ConfigProblem(origin, "is not a parameter: \(parent) holds \(node.kindName), not named fields")
            }
            guard let next = fields[key] else {
                let known = fields.keys.sorted()
                let hint = suggestion(for: key, among: known, heading: "known keys")
                let place = depth == path.count - 1 ? "" : depth == 0 ? " \"\(key)\"" : " \"\(key)\" in \(parent)"
                return ConfigProblem(origin, "unknown key\(place)\(hint)")
            }
            node = next
        }
        return nil
    }
}
