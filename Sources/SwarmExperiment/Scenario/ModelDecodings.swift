import SwarmModel

/// The model decodings of one scenario load, each done once: a scenario of many variants that
/// differ only in their labels, or in a field a sweep sets anyway, lays the same overlays over the
/// same documents again and again, and each decoding is a full pass over the model (100,000
/// label-only variants took 54 s and 2.7 GB to validate). A decoding that reported a problem is
/// not kept: decoded again, its problems are reported where the next document wrote them.
final class ModelDecodings {
    private struct Key: Hashable {
        let base: ExactJSON
        let overlays: [Applied]
    }

    /// An overlay as far as decoding goes: where it goes and what it holds, not where it was written.
    private struct Applied: Hashable {
        let path: [String]
        let value: ExactJSON
    }

    private let log: ProblemLog
    private var documents: [Key: (config: ModelConfig, resolved: JSONValue)] = [:]
    private var models: [Key: (config: ModelConfig, model: ResolvedModel)] = [:]

    init(log: ProblemLog) {
        self.log = log
    }

    /// `OverlaidDocument.readModel`, once per distinct base and overlays.
    func readModel(_ base: JSONValue, applying overlays: [Overlay], attributing earlier: [Overlay] = []) -> (config: ModelConfig, resolved: JSONValue) {
        let key = Key(base: ExactJSON(base), overlays: overlays.map { Applied(path: $0.path, value: ExactJSON($0.value)) })
        if let known = documents[key] { return known }
        let problems = log.problems.count
        let decoded = OverlaidDocument.readModel(base, applying: overlays, attributing: earlier, log: log)
        if log.problems.count == problems { documents[key] = decoded }
        return decoded
    }

    /// `readModel` with the resolved document as canonical text and digest (`ResolvedModel`),
    /// which is as costly again, once per distinct base and overlays.
    func resolveModel(_ base: JSONValue, applying overlays: [Overlay], attributing earlier: [Overlay]) -> (config: ModelConfig, model: ResolvedModel) {
        let key = Key(base: ExactJSON(base), overlays: overlays.map { Applied(path: $0.path, value: ExactJSON($0.value)) })
        if let known = models[key] { return known }
        let problems = log.problems.count
        let (config, resolved) = OverlaidDocument.readModel(base, applying: overlays, attributing: earlier, log: log)
        let decoded = (config, ResolvedModel(resolved))
        if log.problems.count == problems { models[key] = decoded }
        return decoded
    }
}

/// A JSON value compared exactly: numbers by their bits, so that 0 and -0, which `JSONValue`'s
/// equality takes for one (they are equal doubles), stay apart as their canonical texts do.
struct ExactJSON: Hashable {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    static func == (left: ExactJSON, right: ExactJSON) -> Bool {
        same(left.value, right.value)
    }

    func hash(into hasher: inout Hasher) {
        ExactJSON.hash(value, into: &hasher)
    }

    private static func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)): return a.bitPattern == b.bitPattern
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
        default: return left == right
        }
    }

    private static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .number(let number):
            hasher.combine(2)
            hasher.combine(number.bitPattern)
        case .array(let items):
            hasher.combine(4)
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .object(let fields):
            // Independent of the dictionary's order: the fields' hashes are combined commutatively.
            hasher.combine(5)
            hasher.combine(fields.count)
            var combined = 0
            for (key, field) in fields {
                var inner = Hasher()
                inner.combine(key)
                hash(field, into: &inner)
                combined ^= inner.finalize()
            }
            hasher.combine(combined)
        default:
            hasher.combine(value)
        }
    }
}
