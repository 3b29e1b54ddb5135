import Foundation
import SwarmModel

/// Decodes a scenario document in stages, collecting every problem in one log:
///
/// 1. the file itself, with settings of top-level keys applied (`seed=3`);
/// 2. each variant, laid over the base's resolved model sections;
/// 3. the sweep's shape, and whether each swept or set path names a field;
/// 4. the base and each variant with the model settings applied (what `describe` shows);
/// 5. each variant at each sweep point: the configurations the plan runs;
/// 6. the expectations, against the variant labels and the sweep.
///
/// Later stages lay overlays over the resolved documents of earlier ones, so each stage reports
/// only what it adds, and `OverlaidDocument` points every problem at the text that caused it.
final class ScenarioLoader {
    /// Top-level keys that a setting may change besides the model sections.
    static let settableKeys = ["name", "description", "seed", "replications", "duration_hours", "sample_every_hours"]

    let file: String?
    let log = ProblemLog()
    /// Every model decoding of this load, each distinct one done once.
    private let decodings: ModelDecodings

    init(file: String?) {
        self.file = file
        decodings = ModelDecodings(log: log)
    }

    /// The fields of the top level other than the model sections.
    struct TopLevel {
        var name = ""
        var description = ""
        var seed = 1
        var replications = 10
        var durationHours = 168.0
        var sampleEveryHours = 4.0
        var maxEventsPerRun: Int?
        var variants: JSONValue?
        var sweep: JSONValue?
        var expect: JSONValue?
        var factors: JSONValue?
    }

    /// A variant as written: its label and its model sections as an overlay.
    private struct WrittenVariant {
        let label: String
        let overlay: Overlay
    }

    /// A variant resolved with the settings applied: what each sweep point is laid over.
    private struct ResolvedVariant {
        let label: String
        /// The variant as written; nil for the default variant, which is the base itself.
        let overlay: Overlay?
        let resolved: JSONValue
    }

    /// The scenario `document` (parsed from `source`), or nil when a stage could not finish; the
    /// log holds every problem found.
    func load(_ document: JSONValue, source: Data, sweepKeyOrder: [String]?, zipKeyOrder: [String]?, factorKeyOrder: [String]?,
              settings: [Setting]) -> Scenario? {
        let (topSettings, modelSettings, sweepSettings) = classify(settings)
        let base = OverlaidDocument.read(document, applying: topSettings.map(overlay), unclaimedBelongToBase: true, log: log, ScenarioLoader.readTopLevel)
        let top = base.value
        let modelBase = JSONValue.object(base.resolved.filter { ModelConfig.sectionNames.contains($0.key) })

        let written = readVariants(top.variants)
        let variantBases = written.map { decodings.readModel(modelBase, applying: [$0.overlay]).resolved }

        let documents = [modelBase] + variantBases
        let writtenSweep = SweepGrid.decode(top.sweep, keyOrder: sweepKeyOrder, zipKeyOrder: zipKeyOrder, log: log).filter { axis in
            let problem = Overlay.unknownPathProblem(axis.components, at: axis.origin, in: documents)
            problem.map { log.report($0) }
            return problem == nil
        }
        let (sweep, unswept) = applySweepSettings(sweepSettings + modelSettings, to: writtenSweep, documents: documents)
        let reachable = SweepGrid.checkPairs(sweep, log: log) ? sweep : SweepGrid()
        let settingOverlays = unswept.filter { checkModelSetting($0, documents: documents) }.map(overlay)

        let resolvedModel = decodings.readModel(modelBase, applying: settingOverlays)
        let variants = written.isEmpty
            ? [ResolvedVariant(label: resolvedModel.config.topology.kind.rawValue, overlay: nil, resolved: resolvedModel.resolved)]
            : zip(written, variantBases).map { variant, variantBase in
                let final = decodings.readModel(variantBase, applying: settingOverlays, attributing: [variant.overlay])
                return ResolvedVariant(label: variant.label, overlay: variant.overlay, resolved: final.resolved)
            }
        // Each cell is a full decoding: a large plan is decoded only when nothing before it was
        // refused, so that a refusal stays fast (a repeat in a 100,000-value axis took 24 s).
        let fits = ScenarioLimits.checkPlan(variants: variants.count, points: reachable.pointCount, replicates: top.replications, log: log)
        let configurations = fits && (log.isEmpty || variants.count * reachable.pointCount <= ScenarioLimits.cellsDecodedDespiteProblems)
            ? decodeConfigurations(variants, over: reachable, settings: settingOverlays) : []

        var labels: [String] = []
        var seen: Set<String> = []
        for variant in variants where !variant.label.isEmpty && seen.insert(variant.label).inserted {
            labels.append(variant.label)
        }
        // Expectations are checked against the sweep as written, then kept where the sweep as set
        // still has their points: narrowing a sweep from the command line sets the others aside.
        let (allExpectations, allResolved) = Expectation.decodeAll(top.expect, variants: labels, sweep: writtenSweep, log: log)
        let factors = checkFactors(Factor.decodeAll(top.factors, keyOrder: factorKeyOrder, log: log), sweep: sweep, settings: modelSettings,
                                   written: written, variants: variants.map(\.resolved))
        guard log.isEmpty else { return nil }
        let applicable = allExpectations.indices.filter { allExpectations[$0].applies(to: sweep) }
        let (expectations, resolvedExpectations) = (applicable.map { allExpectations[$0] }, applicable.map { allResolved[$0] })
        return Scenario(
            file: file, source: source, name: top.name, description: top.description, seed: UInt64(top.seed),
            replications: top.replications, durationHours: top.durationHours, sampleEveryHours: top.sampleEveryHours,
            maxEventsPerRun: top.maxEventsPerRun, variants: variants.map { Scenario.Variant(label: $0.label, resolved: $0.resolved) },
            sweep: sweep, settings: settings, expectations: expectations, factors: factors, resolvedModel: resolvedModel.resolved,
            resolvedExpectations: resolvedExpectations, setAsideExpectations: allExpectations.count - expectations.count,
            configurations: configurations)
    }

    /// The configuration of each variant at each point of `grid`, variant-major, with its resolved
    /// document as canonical text (kept instead of the document: a third of the memory, which counts
    /// in sweeps of many thousands of points). Run over the swept paths that exist even when some do not, so every swept value is
    /// checked in one pass.
    private func decodeConfigurations(
        _ variants: [ResolvedVariant], over grid: SweepGrid, settings: [Overlay]
    ) -> [(config: ModelConfig, model: ResolvedModel)] {
        var configurations: [(config: ModelConfig, model: ResolvedModel)] = []
        configurations.reserveCapacity(variants.count * grid.pointCount)
        for variant in variants {
            let earlier = (variant.overlay.map { [$0] } ?? []) + settings
            for point in 0..<grid.pointCount {
                configurations.append(decodings.resolveModel(variant.resolved, applying: sweepOverlays(grid, at: point), attributing: earlier))
            }
        }
        return configurations
    }

    private func overlay(_ setting: Setting) -> Overlay {
        Overlay(path: setting.path, value: setting.value, origin: setting.configPath)
    }

    /// The overlays that put each swept path at its value at `point`.
    private func sweepOverlays(_ sweep: SweepGrid, at point: Int) -> [Overlay] {
        zip(sweep.axes, sweep.coordinates(of: point)).map { axis, index in
            Overlay(path: axis.components, value: axis.values[index],
                    origin: axis.values.count > 1 || axis.origin.root == .document ? axis.origin.appending(index: index) : axis.origin)
        }
    }

    /// Splits settings into those of top-level keys and those of model parameters, reporting
    /// (and dropping) repeated paths and paths that a setting cannot change.
    private func classify(_ settings: [Setting]) -> (topLevel: [Setting], model: [Setting], sweep: [Setting]) {
        var topLevel: [Setting] = []
        var model: [Setting] = []
        var sweep: [Setting] = []
        for (index, setting) in settings.enumerated() {
            let key = setting.path[0]
            if settings[..<index].contains(where: { $0.sweptPath == setting.sweptPath }) {
                log.report(setting.configPath, "is given twice; give each path once")
            } else if ModelConfig.sectionNames.contains(key) {
                model.append(setting)
            } else if setting.isSweep {
                sweep.append(setting)
            } else if ScenarioLoader.settableKeys.contains(key) {
                if setting.path.count == 1 {
                    topLevel.append(setting)
                } else {
                    log.report(setting.configPath, "\(key) is a single value, without fields")
                }
            } else if ["variants", "sweep", "expect"].contains(key) {
                let hint = key == "sweep" ? "; set sweep.PATH=[VALUES] to sweep one path" : "; edit the file"
                log.report(setting.configPath, "cannot be set outside the scenario file\(hint)")
            } else {
                let known = ScenarioLoader.settableKeys + ModelConfig.sectionNames
                let place = setting.path.count == 1 ? "" : " \"\(key)\""
                log.report(setting.configPath, "unknown key\(place)\(suggestion(for: key, among: known, heading: "settable"))")
            }
        }
        return (topLevel, model, sweep)
    }

    /// Reports a model setting whose path names no field; true when valid.
    private func checkModelSetting(_ setting: Setting, documents: [JSONValue]) -> Bool {
        guard let problem = Overlay.unknownPathProblem(setting.path, at: setting.configPath, in: documents) else { return true }
        log.report(problem)
        return false
    }

    /// `sweep` with the settings that name its axes applied, and the settings left to lay over the
    /// model. A setting of a swept path (`agents.count=30`) or of `sweep.PATH` replaces that
    /// axis's values: an array or a range keeps a sweep, anything else is the one value it takes.
    /// `sweep.PATH` of a path not swept adds an axis, last. A setting inside a swept path, or
    /// around one, is refused: it would be overwritten by the sweep, or overwrite it.
    private func applySweepSettings(_ settings: [Setting], to written: SweepGrid, documents: [JSONValue]) -> (SweepGrid, [Setting]) {
        var sweep = written
        var unswept: [Setting] = []
        for setting in settings {
            let components = setting.sweptPath
            if let index = sweep.axes.firstIndex(where: { $0.components == components }) {
                if let values = SweepValues.decodeSetting(setting.value, at: setting.configPath, log: log) {
                    sweep = sweep.replacing(index, with: sweep.axes[index].replacingValues(values, origin: setting.configPath))
                }
            } else if let axis = sweep.axes.first(where: { $0.overlaps(components) }) {
                log.report(setting.configPath, "overlaps \(axis.origin), which is swept; set \(axis.path)=VALUES to replace its values")
            } else if setting.isSweep {
                let path = setting.configPath
                guard SweepGrid.axisPathIsValid(components, at: path, log: log) else { continue }
                if let problem = Overlay.unknownPathProblem(components, at: path, in: documents) {
                    log.report(problem)
                } else if let values = SweepValues.decodeSetting(setting.value, at: path, log: log) {
                    sweep = sweep.appending(SweepGrid.Axis(path: components.joined(separator: "."), values: values, origin: path))
                }
            } else {
                unswept.append(setting)
            }
        }
        return (sweep, unswept)
    }

    /// The factors whose paths name a parameter of every variant, away from the sweep, the
    /// settings and what a variant writes (a drawn factor is set over every variant, so it would
    /// erase the difference a variant makes); each factor's probe values (its bounds and midpoint, or each choice) are laid over
    /// every variant and decoded, so a value the parameter does not allow is reported at the
    /// factor, as a swept value is at the sweep.
    private func checkFactors(
        _ factors: [Factor], sweep: SweepGrid, settings: [Setting], written: [WrittenVariant], variants: [JSONValue]
    ) -> [Factor] {
        factors.filter { factor in
            let path = ConfigPath(["factors", factor.path])
            if let problem = Overlay.unknownPathProblem(factor.components, at: path, in: variants) {
                log.report(problem)
                return false
            }
            if let axis = sweep.axes.first(where: { $0.components.starts(with: factor.components) || factor.components.starts(with: $0.components) }) {
                log.report(path, "overlaps sweep.\(axis.path); a swept parameter cannot also be a factor")
                return false
            }
            if let setting = settings.first(where: { setting in
                setting.origin != .factorDraw && (setting.path.starts(with: factor.components) || factor.components.starts(with: setting.path))
            }) {
                log.report(setting.configPath, "overlaps factors.\(factor.path); a factor cannot also be set")
                return false
            }
            if let variant = written.firstIndex(where: { ScenarioLoader.writes($0.overlay.value, overlapping: factor.components) }) {
                log.report(path, "variants[\(variant)] sets it; a factor is drawn for every variant and would erase that variant's difference")
                return false
            }
            for probe in factor.probes {
                for variant in variants {
                    _ = decodings.readModel(variant, applying: [Overlay(path: factor.components, value: probe.value, origin: probe.origin)])
                }
            }
            return true
        }
    }

    /// True when `sections` (a variant as written) writes `path`, something inside it, or a value
    /// (not an object of fields) above it.
    private static func writes(_ sections: JSONValue, overlapping path: [String]) -> Bool {
        var node = sections
        for key in path {
            guard case .object(let fields) = node else { return true }
            guard let next = fields[key] else { return false }
            node = next
        }
        return true
    }

    /// Reads the top level: the scenario's own fields, the model sections (recorded as resolved),
    /// and the raw variants, sweep and expectations for later stages.
    static func readTopLevel(_ r: inout ObjectReader) -> TopLevel {
        var top = TopLevel()
        if let reference = r.given("$schema"), reference.stringValue == nil {
            r.log.report(r.path.appending("$schema"), "must be a string", found: reference.brief)
        }
        r.describe("$schema", ["type": .string("string")],
                   doc: "Where editors find this schema (swarmsim schema > scenario.schema.json); swarmsim ignores it.")
        top.name = r.requiredString("name", doc: "Names the output folder results/<name>/ (sanitised to letters, digits, '.', '_', '-').")
        top.description = r.string("description", default: "", doc: "The question the scenario answers.")
        top.seed = r.integer("seed", default: 1, 0...(1 << 53),
                             doc: "Run seeds derive from it and the replicate index only, so variants and sweep points share common random numbers.")
        top.replications = r.integer("replications", default: 10, 1...ScenarioLimits.maxReplications, doc: "Replicates per variant and sweep point.")
        top.durationHours = r.number("duration_hours", default: 168, .within(ScenarioLimits.minIntervalHours...ScenarioLimits.maxHours),
                                     doc: "Simulated time per run, in hours (a run with a finite backlog also ends when it is done).")
        top.sampleEveryHours = r.number("sample_every_hours", default: 4, .within(ScenarioLimits.minIntervalHours...ScenarioLimits.maxHours),
                                        doc: "Interval of timeseries.csv rows, in hours.")
        top.maxEventsPerRun = ScenarioLimits.readEventBudget(&r)
        ScenarioLimits.checkSampling(durationHours: top.durationHours, sampleEveryHours: top.sampleEveryHours, log: r.log)
        _ = ModelConfig.read(&r)
        top.variants = r.given("variants")
        r.describe("variants", ["type": .string("array"), "minItems": .number(1), "items": .object(["$ref": .string(ScenarioSchema.variantReference)])],
                   doc: "The models to compare, each a label and the sections it changes, deep-merged over the base. Default: one, labelled by its topology.")
        top.sweep = r.given("sweep")
        r.describe("sweep", SweepGrid.schema,
                   doc: "Dotted paths of model parameters, each with the values to try; every variant runs at every point of the full-factorial grid.")
        top.expect = r.given("expect")
        r.describe("expect", ["type": .string("array"), "items": .object(["$ref": .string(ScenarioSchema.expectationReference)])],
                   doc: "Claims about the results that swarmsim check and swarmsim report test.")
        top.factors = r.given("factors")
        r.describe("factors", Factor.schema,
                   doc: "Uncertain model parameters by dotted path, each with its plausible range ({\"uniform\": [low, high]}, {\"log_uniform\": [low, high]}, {\"integer\": [low, high]} or {\"choice\": [values]}), for swarmsim sensitivity and check --robustness.")
        return top
    }

    /// Reads one variant: its label and the model sections it changes, as written.
    static func readVariant(_ r: inout ObjectReader) -> (label: String, sections: [String: JSONValue]) {
        let label = r.requiredString("label", doc: "Names the variant in the results (the variant column).")
        var sections: [String: JSONValue] = [:]
        for section in ModelConfig.sectionNames {
            sections[section] = r.given(section)
            r.describe(section, ["$ref": .string(ScenarioSchema.changeReference(section))],
                       doc: "Changes to \(section), deep-merged over the base scenario's.")
        }
        return (label, sections)
    }

    /// Reads `variants`: each a unique label plus model sections, which become its overlay.
    private func readVariants(_ value: JSONValue?) -> [WrittenVariant] {
        guard let value else { return [] }
        let path = ConfigPath(["variants"])
        guard case .array(let items) = value, !items.isEmpty else {
            log.report(path, "must be a non-empty array of variants such as {\"label\": \"strict\", \"commits\": {\"policy\": \"strict\"}}",
                       found: value.brief)
            return []
        }
        var variants: [WrittenVariant] = []
        var firstWithLabel: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            var r = ObjectReader(item, at: path.appending(index: index), log: log)
            let (label, sections) = ScenarioLoader.readVariant(&r)
            if !label.isEmpty, let earlier = firstWithLabel[label] {
                log.report(r.path.appending("label"), "repeats the label of variants[\(earlier)]", found: "\"\(label)\"")
            } else if !label.isEmpty {
                firstWithLabel[label] = index
            }
            r.finish()
            variants.append(WrittenVariant(label: label, overlay: Overlay(path: [], value: .object(sections), origin: r.path)))
        }
        return variants
    }
}
