import Foundation
import SwarmModel

extension Factor {
    /// The factors in `file`: a scenario's, checked against its model like every other field, or,
    /// for any other model, a factors file `{"factors": {"x1": {"uniform": [-3.14, 3.14]}, ...}}`
    /// whose names are free (a document with a `name` or a model section is a scenario).
    public static func load(file: String, settings: [Setting] = []) throws(ScenarioLoadError) -> [Factor] {
        let data = try Scenario.read(file)
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .invalidJSON(file: file, detail: ScenarioLoadError.syntaxDetail(of: data, decoderError: error))
        }
        if case .object(let fields) = document, fields["name"] != nil || fields.keys.contains(where: ModelConfig.sectionNames.contains) {
            return try Scenario.decode(data, file: file, settings: settings).factors
        }
        let log = ProblemLog()
        var factors: [Factor] = []
        if case .object(let fields) = document {
            for key in fields.keys.sorted() where key != "factors" && key != "$schema" {
                log.report(ConfigPath([key]), "unknown key\(suggestion(for: key, among: ["factors", "name"], heading: "a factors file holds"))")
            }
            factors = decodeAll(fields["factors"], keyOrder: JSONKeyOrder.keys(at: ["factors"], in: data), modelPaths: false, log: log)
            if fields["factors"] == nil {
                log.report(ConfigPath(), "a factors file needs \"factors\": {\"NAME\": {\"uniform\": [low, high]}, ...}")
            }
        } else {
            log.report(ConfigPath(), "must be an object: a scenario, or {\"factors\": {...}}", found: document.brief)
        }
        guard log.isEmpty else { throw .invalid(ConfigError(file: file, problems: log.problems)) }
        guard !factors.isEmpty else {
            throw .invalid(ConfigError(file: file, problems: [ConfigProblem(ConfigPath(["factors"]), "names no factor")]))
        }
        return factors
    }
}
