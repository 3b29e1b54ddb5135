import Foundation

extension Scenario {
    /// Loads the scenario in `file` with `settings` applied (see `decode`).
    public static func load(file: String, settings: [Setting] = []) throws(ScenarioLoadError) -> Scenario {
        try decode(contents(of: file), file: file, settings: settings)
    }

    /// The bytes of `file`, or why it cannot be read ("no such file" when it is missing).
    static func contents(of file: String) throws(ScenarioLoadError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            let reason = FileManager.default.fileExists(atPath: file) ? error.localizedDescription : "no such file"
            throw .unreadable(file: file, reason: reason)
        }
    }

    /// Decodes a scenario from JSON text, with `settings` (overrides given outside the file)
    /// applied after the variants and the sweep.
    ///
    /// Every problem is reported at once, each at the path where the user wrote the offending value
    /// (in the file, a variant, the sweep or a setting), in a fixed order and without repeats.
    /// `file` names the source in messages.
    public static func decode(_ data: Data, file: String? = nil, settings: [Setting] = []) throws(ScenarioLoadError) -> Scenario {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .invalidJSON(file: file, detail: ScenarioLoadError.syntaxDetail(of: data, decoderError: error))
        }
        let loader = ScenarioLoader(file: file)
        let scenario = loader.load(document, source: data, sweepKeyOrder: JSONKeyOrder.keys(at: ["sweep"], in: data),
                                   factorKeyOrder: JSONKeyOrder.keys(at: ["factors"], in: data), settings: settings)
        var seen = Set<ConfigProblem>()
        let problems = loader.log.problems.filter { seen.insert($0).inserted }
        guard let scenario, problems.isEmpty else {
            throw .invalid(ConfigError(file: file, problems: problems))
        }
        return scenario
    }
}
