import Foundation

extension Scenario {
    /// Loads the scenario in `file` with `settings` applied (see `decode`).
    public static func load(file: String, settings: [Setting] = []) throws(ScenarioLoadError) -> Scenario {
        try decode(read(file), file: file, settings: settings)
    }

    /// The bytes of `file`, or why they cannot be had, in words (Foundation's own errors name a
    /// domain and a code, not the cause): no such file, a directory, no permission.
    static func read(_ file: String) throws(ScenarioLoadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .unreadable(file: file, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .unreadable(file: file, reason: "it is a directory; give a scenario file (JSON), such as scenarios/flat-vs-hierarchy.json")
        }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw .unreadable(file: file, reason: "permission denied")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            // The system's own words for the cause (Input/output error, Permission denied).
            throw .unreadable(file: file, reason: SystemErrorText.posixReason(error as NSError) ?? error.localizedDescription)
        }
    }

    /// Decodes a scenario from JSON text, with `settings` (overrides given outside the file)
    /// applied after the variants and the sweep.
    ///
    /// Every problem is reported at once, each at the path where the user wrote the offending value
    /// (in the file, a variant, the sweep or a setting), in a fixed order and without repeats.
    /// `file` names the source in messages.
    public static func decode(_ data: Data, file: String? = nil, settings: [Setting] = []) throws(ScenarioLoadError) -> Scenario {
        // The strict check first: the parser would misreport a number out of range as a wrong type.
        switch StrictJSON.problem(in: data) {
        case .notStandard(let detail):
            throw .invalidJSON(file: file, detail: detail)
        case .tooManyValues(let path):
            throw .invalid(ConfigError(file: file, problems: [ScenarioLimits.tooManyValues(at: path, found: "more than \(ScenarioLimits.maxCells) values")]))
        case nil:
            break
        }
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .invalidJSON(file: file, detail: ScenarioLoadError.syntaxDetail(of: data, decoderError: error))
        }
        let loader = ScenarioLoader(file: file)
        let scenario = loader.load(document, source: data, sweepKeyOrder: JSONKeyOrder.keys(at: ["sweep"], in: data),
                                 zipKeyOrder: JSONKeyOrder.keys(at: ["sweep", SweepGrid.zipKey], in: data),
                                 factorKeyOrder: JSONKeyOrder.keys(at: ["factors"], in: data), settings: settings)
        var seen = Set<ConfigProblem>()
        let problems = loader.log.problems.filter { seen.insert($0).inserted }
        guard let scenario, problems.isEmpty else {
            throw .invalid(ConfigError(file: file, problems: problems))
        }
        return scenario
    }
}
