import Foundation
import SwarmModel

/// One override given outside the scenario file (`agents.count=5`, or a seed), applied after the
/// scenario's variants and sweep so that it always wins. It lets a user try a change without
/// editing the file, and the runs it makes record it as a parameter column.
///
/// A setting knows how it was given (`origin`) only as a type: messages name it through a
/// `Wording`, so the library never spells a front end's flags and nothing stored depends on them.
public struct Setting: Sendable, Equatable {
    /// How a setting was given, for messages only: it never changes what the setting does.
    public enum Origin: Sendable, Hashable {
        /// `PATH=VALUE`, the general form (the CLI's `--set`).
        case assignment
        /// The scenario seed given on its own (the CLI's `--seed`).
        case seed
        /// The replicate count given on its own (the CLI's `--replications N`).
        case replications
        /// The replicate count adaptive replication chose (the CLI's `--replications auto`).
        case adaptiveReplications
        /// Read back from what a results folder or a run store recorded, not typed by anyone now.
        case recorded
        /// A value of one of the scenario's own factors, drawn by a design (a robustness check).
        case factorDraw
        /// A value a calibration tries for a parameter it fits (the CLI's `--fit`).
        case fitted
    }

    /// The dotted path split at dots: `["agents", "count"]`.
    public let path: [String]
    public let value: JSONValue
    /// How it was given, so that a message about it names what the user typed.
    public let origin: Origin

    public init(path: [String], value: JSONValue, origin: Origin) {
        precondition(!path.isEmpty, "a setting needs a path")
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Parses `PATH=VALUE`. VALUE is read as JSON when it parses (`5`, `true`, `[1, 2]`,
    /// `{"exponential": {"mean": 2}}`) and as a string otherwise, so `topology.kind=flat-lock` needs
    /// no quotes. Nil when there is no `=` or the path has an empty part.
    public init?(assignment: String) {
        guard let equals = assignment.firstIndex(of: "=") else { return nil }
        let path = assignment[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains("") else { return nil }
        let text = String(assignment[assignment.index(after: equals)...])
        let value = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
        self.init(path: path, value: value, origin: .assignment)
    }

    /// The scenario seed `seed`, given on its own.
    public static func seed(_ seed: UInt64) -> Setting {
        Setting(path: ["seed"], value: .number(Double(seed)), origin: .seed)
    }

    /// `count` replicates per variant and sweep point, given on its own or chosen adaptively.
    public static func replications(_ count: Int, origin: Origin = .replications) -> Setting {
        Setting(path: ["replications"], value: .number(Double(count)), origin: origin)
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

    /// True for `sweep.PATH=VALUES`, which sweeps the model parameter PATH over VALUES.
    public var isSweep: Bool {
        path[0] == "sweep" && path.count > 1
    }

    /// The model parameter the setting changes or sweeps: its path, less `sweep.` for a sweep
    /// setting (so `sweep.agents.count` and `agents.count` name the same parameter).
    var sweptPath: [String] {
        isSweep ? Array(path.dropFirst()) : path
    }

    /// The same setting as something recorded (a run store or a results folder reads it back so).
    var recorded: Setting {
        Setting(path: path, value: value, origin: .recorded)
    }

    /// Where messages about this setting point.
    var configPath: ConfigPath {
        ConfigPath(setting: dottedPath, origin: origin)
    }
}
