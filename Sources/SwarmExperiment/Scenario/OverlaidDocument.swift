import SwarmModel

/// Reads a JSON document after laying overlays over it, and reports each problem where the user
/// wrote the offending value: in the base file, in a variant, in a sweep or in a setting.
enum OverlaidDocument {
    /// Merges `overlays` in order over `base`, reads the result with `body` (then reports unknown
    /// keys), and returns what `body` returned with the document's resolved fields.
    ///
    /// A problem is attributed to the last overlay that wrote its path: first those in `overlays`,
    /// then `attributing`, overlays already merged into `base` (such as the variant beneath a sweep
    /// point), whose problems a previous reading reported. A problem no overlay wrote is the base's
    /// when `unclaimedBelongToBase` (the base is the user's file); otherwise the base is a resolved,
    /// valid document and the problem arises only from combining the overlays: it keeps its
    /// document path and names the overlays involved.
    static func read<T>(
        _ base: JSONValue, applying overlays: [Overlay], attributing earlier: [Overlay] = [], unclaimedBelongToBase: Bool = false,
        log: ProblemLog, _ body: (inout ObjectReader) -> T
    ) -> (value: T, resolved: [String: JSONValue]) {
        var candidates = earlier.map { (overlay: $0, before: JSONValue?.none) }
        var document = base
        for overlay in overlays {
            candidates.append((overlay, document))
            document = overlay.apply(to: document)
        }
        let local = ProblemLog()
        var reader = ObjectReader(document, at: ConfigPath(), log: local)
        let value = body(&reader)
        reader.finish()
        for problem in local.problems {
            let claimed = candidates.reversed().lazy
                .compactMap { $0.overlay.origin(of: problem.path.components, before: $0.before) }.first
            if let claimed {
                log.report(ConfigProblem(claimed, problem.message, found: problem.found))
            } else if candidates.isEmpty || unclaimedBelongToBase {
                log.report(problem)
            } else {
                log.report(ConfigProblem(problem.path, problem.message, found: problem.found, context: candidates.map(\.overlay.origin)))
            }
        }
        return (value, reader.resolved)
    }

    /// Reads the model sections of `base` with `overlays` laid over it (see `read`), refusing
    /// configurations too large to simulate.
    static func readModel(
        _ base: JSONValue, applying overlays: [Overlay], attributing earlier: [Overlay] = [], log: ProblemLog
    ) -> (config: ModelConfig, resolved: JSONValue) {
        let (config, resolved) = read(base, applying: overlays, attributing: earlier, log: log) { reader in
            let config = ModelConfig.read(&reader)
            ScenarioLimits.checkModel(config, log: reader.log)
            return config
        }
        return (config, .object(resolved))
    }
}
