import Foundation
import SwarmModel

/// One override from the command line (`--set agents.count=5`, or `--seed 3`), applied after the
/// scenario's variants and sweep so that it always wins. It lets a user try a change without
/// editing the file, and the runs it makes record it as a parameter column.
public struct Setting: Sendable, Equatable {
    /// The dotted path split at dots: `["agents", "count"]`.
    public let path: [String]
    public let value: JSONValue
    /// How the user wrote it, for messages: `--set agents.count` or `--seed`.
    public let origin: String

    public init(path: [String], value: JSONValue, origin: String) {
        precondition(!path.isEmpty, "a setting needs a path")
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Parses `PATH=VALUE`. VALUE is read as JSON when it parses (`5`, `true`, `[1, 2]`,
    /// `{"exponential": {"mean": 2}}`) and as a string otherwise, so `topology.kind=flat-lock` needs
    /// no quotes. Nil when there is no `=` or the path has an empty part.
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let path = argument[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains("") else { return nil }
        let text = String(argument[argument.index(after: equals)...])
        let value = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
        self.init(path: path, value: value, origin: "--set \(path.joined(separator: "."))")
    }

    /// The path written with dots: `agents.count`.
    public var dottedPath: String {
        path.joined(separator: ".")
    }

    /// True when the setting changes a model parameter (and so becomes a parameter column), false
    /// when it changes a top-level key such as `seed` or `duration_hours`.
    public var isModelParameter: Bool {
        ModelConfig.sectionNames.contains(path[0])
    }

    /// Where messages about this setting point.
    var configPath: ConfigPath {
        ConfigPath([origin])
    }
}
