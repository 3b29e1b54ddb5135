/// Where a value sits: in a configuration document (`variants[2].agents.count`), or inside a
/// setting given outside it, whose name only a `Wording` can say (`--set agents.count` on the
/// command line).
public struct ConfigPath: Sendable, Hashable, CustomStringConvertible {
    /// Where the path starts.
    public enum Root: Sendable, Hashable {
        /// The top of the document.
        case document
        /// The value of the setting of the dotted `path`, given as `origin`.
        case setting(path: String, origin: Setting.Origin)
    }

    public private(set) var root: Root
    public private(set) var components: [String]

    /// A path from the top of the document.
    public init(_ components: [String] = []) {
        root = .document
        self.components = components
    }

    /// The path of the value of a setting.
    init(setting path: String, origin: Setting.Origin) {
        root = .setting(path: path, origin: origin)
        components = []
    }

    /// The path of field `key` of the object at this path.
    public func appending(_ key: String) -> ConfigPath {
        var path = self
        path.components.append(key)
        return path
    }

    /// The path of element `index` of the array at this path.
    public func appending(index: Int) -> ConfigPath {
        var path = self
        if let last = path.components.popLast() {
            path.components.append("\(last)[\(index)]")
        } else {
            path.components.append("[\(index)]")
        }
        return path
    }

    /// The path, a setting named as `wording` names it.
    public func description(in wording: any Wording) -> String {
        switch root {
        case .document:
            return components.isEmpty ? "(top level)" : components.joined(separator: ".")
        case .setting(let path, let origin):
            return components.reduce(wording.setting(path, from: origin)) { $0 + ($1.hasPrefix("[") ? "" : ".") + $1 }
        }
    }

    public var description: String {
        description(in: PlainWording())
    }
}

/// One thing wrong in a configuration document: where, what, and the value found there.
public struct ConfigProblem: WordedError, Sendable, Hashable {
    public let path: ConfigPath
    public let message: String
    public let found: String?
    /// The places whose combination made the problem, when no single one did (a variant and a
    /// setting that are each valid alone).
    public let context: [ConfigPath]

    public init(_ path: ConfigPath, _ message: String, found: String? = nil, context: [ConfigPath] = []) {
        self.path = path
        self.message = message
        self.found = found
        self.context = context
    }

    /// `path.to.field: what is wrong; with A, B (found X)`
    public func description(in wording: any Wording) -> String {
        let with = context.isEmpty ? "" : "; with " + context.map { $0.description(in: wording) }.joined(separator: ", ")
        return "\(path.description(in: wording)): \(message)\(with)" + (found.map { " (found \($0))" } ?? "")
    }
}

/// Every problem found in one document, reported together so a user fixes them in one pass.
public struct ConfigError: WordedError, Sendable {
    /// The file the document came from, when there is one.
    public let file: String?
    public let problems: [ConfigProblem]

    public init(file: String?, problems: [ConfigProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem, each prefixed with the file name: `FILE: path: message (found X)`.
    public func description(in wording: any Wording) -> String {
        problems.map { (file.map { "\($0): " } ?? "") + $0.description(in: wording) }.joined(separator: "\n")
    }
}

/// Collects the problems of one decoding pass; shared by every reader of the document.
public final class ProblemLog {
    public private(set) var problems: [ConfigProblem] = []

    public init() {}

    public func report(_ problem: ConfigProblem) {
        problems.append(problem)
    }

    public func report(_ path: ConfigPath, _ message: String, found: String? = nil) {
        problems.append(ConfigProblem(path, message, found: found))
    }

    public var isEmpty: Bool { problems.isEmpty }
}
