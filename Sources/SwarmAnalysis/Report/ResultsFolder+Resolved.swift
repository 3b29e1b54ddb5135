import SwarmExperiment

extension ResultsFolder {
    /// Checks the fields of scenario.resolved.json that the report shows or relies on, when
    /// present: the texts it prints, the simulated hours, and the plan's run and replicate counts
    /// and parameter columns. A field of the wrong type or out of range is refused with its path,
    /// as a scenario's problems are, rather than printed. Returns the parameter columns when the
    /// plan lists them. The rest of the document matters only to the expectations, which are
    /// checked by rebuilding the scenario from it (`expectationOutcomes`).
    static func checkResolved(_ document: JSONValue, file: String) throws(ResultsFolderError) -> [String]? {
        let log = ProblemLog()
        guard case .object(let fields) = document else {
            throw .resolvedDocument(ConfigError(file: file, problems: [ConfigProblem(ConfigPath(), "must be an object", found: document.brief)]))
        }
        for key in ["name", "description", "swarmsim_version"] {
            if let value = fields[key], value.stringValue == nil {
                log.report(ConfigPath([key]), "must be a string", found: value.brief)
            }
        }
        if let hours = fields["duration_hours"] {
            _ = ObjectReader.number(hours, at: ConfigPath(["duration_hours"]), .positive, log: log)
        }
        var parameters: [String]?
        switch fields["plan"] {
        case nil:
            break
        case .object(let plan)?:
            let path = ConfigPath(["plan"])
            if let runs = plan["runs"] {
                _ = ObjectReader.integer(runs, at: path.appending("runs"), 1...ScenarioLimits.maxRuns, log: log)
            }
            if let replicates = plan["replicates"] {
                _ = ObjectReader.integer(replicates, at: path.appending("replicates"), 1...ScenarioLimits.maxReplications, log: log)
            }
            if let listed = plan["parameters"] {
                if case .array(let items) = listed, case let names = items.compactMap(\.stringValue), names.count == items.count {
                    parameters = names
                } else {
                    log.report(path.appending("parameters"), "must be an array of parameter paths", found: listed.brief)
                }
            }
        case let other?:
            log.report(ConfigPath(["plan"]), "must be an object", found: other.brief)
        }
        guard log.isEmpty else { throw .resolvedDocument(ConfigError(file: file, problems: log.problems)) }
        return parameters
    }
}
