/// Where a value sits in a configuration document, e.g. `variants[2].agents.count`.
public struct ConfigPath: Sendable, Equatable, CustomStringConvertible {
    public private(set) var components: [String]

    public init(_ components: [String] = []) {
        self.components = components
    }

    /// The path of field `key` of the object at this path.
    public func appending(_ key: String) -> ConfigPath {
        ConfigPath(components + [key])
    }

    /// The path of element `index` of the array at this path.
    public func appending(index: Int) -> ConfigPath {
        guard let last = components.last else { return ConfigPath(["[\(index)]"]) }
        return ConfigPath(components.dropLast() + ["\(last)[\(index)]"])
    }

    public var description: String {
        components.isEmpty ? "(top level)" : components.joined(separator: ".")
    }
}

/// One thing wrong in a configuration document: where, what, and the value found there.
public struct ConfigProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: ConfigPath
    public let message: String
    public let found: String?

    public init(_ path: ConfigPath, _ message: String, found: String? = nil) {
        self.path = path
        self.message = message
        self.found = found
    }

    /// `path.to.field: what is wrong (found X)`
    public var description: String {
        "\(path): \(message)" + (found.map { " (found \($0))" } ?? "")
    }
}

/// Every problem found in one document, reported together so a user fixes them in one pass.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The file the document came from, when there is one.
    public let file: String?
    public let problems: [ConfigProblem]

    public init(file: String?, problems: [ConfigProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem, each prefixed with the file name: `FILE: path: message (found X)`.
    public var description: String {
        problems.map { (file.map { "\($0): " } ?? "") + $0.description }.joined(separator: "\n")
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
