import Foundation

/// A results folder already holds the files of another experiment (its scenario.resolved.json
/// describes another plan), so writing there would replace results nobody asked to replace.
public struct OtherExperimentError: WordedError, Sendable {
    /// The folder, as given.
    public let folder: String
    /// What the folder holds, in a phrase: `"flat-vs-hierarchy" with agents.count=30 (36 runs)`.
    public let holds: String

    /// Nil when `directory` holds no experiment or the one `plan` makes (by any build of
    /// swarmsim: re-running an experiment with a newer engine replaces its results); otherwise
    /// the error saying what it holds. A scenario.resolved.json that cannot be read as one is
    /// another experiment too: nothing says the files are this one's.
    public init?(folder: String, directory: URL, plan: RunPlan) {
        let file = directory.appendingPathComponent(ResultsWriter.resolvedFile)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let held = try? JSONDecoder().decode(JSONValue.self, from: data)
        guard case .object(var existing)? = held else {
            self.init(folder: folder, holds: "a \(ResultsWriter.resolvedFile) swarmsim cannot read")
            return
        }
        guard case .object(var wanted) = plan.resolvedDocument else { return nil }
        existing["swarmsim_version"] = nil
        wanted["swarmsim_version"] = nil
        guard existing != wanted else { return nil }
        self.init(folder: folder, holds: OtherExperimentError.summary(of: existing))
    }

    init(folder: String, holds: String) {
        self.folder = folder
        self.holds = holds
    }

    /// The name, settings and run count a resolved document records.
    private static func summary(of document: [String: JSONValue]) -> String {
        let name = document["name"]?.stringValue.map { "\"\($0)\"" } ?? "an unnamed scenario"
        var settings: [String] = []
        if case .array(let entries)? = document["settings"] {
            for case .object(let entry) in entries {
                if let path = entry["path"]?.stringValue, let value = entry["value"] { settings.append("\(path)=\(value.plainText)") }
            }
        }
        let runs = document["plan"]?.value(at: ["runs"]).map { " (\($0.plainText) runs)" } ?? ""
        return name + (settings.isEmpty ? " as written" : " with " + settings.joined(separator: " ")) + runs
    }

    public func description(in wording: any Wording) -> String {
        "\(folder) holds the results of another experiment, \(holds); choose another output folder, or \(wording.replaceChoice) to replace them"
    }
}
