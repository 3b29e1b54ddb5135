import Foundation

/// A plan as a run store keeps it: the scenario file's bytes, the command-line settings and the
/// variants run. Decoded again they give the same plan, whose runs' addresses lead to their stored
/// results: that is how `export` writes a scenario's files without simulating.
public struct StoredScenario: Sendable, Equatable {
    /// SHA-256 (hex) of the source's digest, the settings and the variants: one row per distinct plan.
    public let address: String
    /// The scenario's name (after settings).
    public let name: String
    /// The scenario file's bytes (`Scenario.source`).
    public let source: Data
    /// The settings, in the order given (`Scenario.settings`).
    public let settings: [Setting]
    /// The labels of the variants run, in plan order (`RunPlan.selectedVariants`).
    public let variants: [String]
    /// Runs in the plan.
    public let runs: Int

    /// The stored form of `plan`.
    init(plan: RunPlan) {
        let scenario = plan.scenario
        let identity = JSONValue.object([
            "source_sha256": .string(SHA256.hex(scenario.source)),
            "settings": StoredScenario.settingsDocument(scenario.settings),
            "variants": StoredScenario.variantsDocument(plan.selectedVariants),
        ])
        self.init(address: SHA256.hex(identity.compactText.utf8), name: scenario.name, source: scenario.source,
                  settings: scenario.settings, variants: plan.selectedVariants, runs: plan.count)
    }

    /// The settings a store's `settings` column holds; nil when it is not such a JSON array.
    static func settings(fromText text: String) -> [Setting]? {
        guard case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
        let settings = items.compactMap(StoredScenario.setting)
        return settings.count == items.count ? settings : nil
    }

    /// The variant labels a store's `variants` column holds; nil when it is not such a JSON array.
    static func variants(fromText text: String) -> [String]? {
        guard case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
        let variants = items.compactMap(\.stringValue)
        return variants.count == items.count ? variants : nil
    }

    /// A stored scenario from its parts, as read back from a store's row.
    init(address: String, name: String, source: Data, settings: [Setting], variants: [String], runs: Int) {
        self.address = address
        self.name = name
        self.source = source
        self.settings = settings
        self.variants = variants
        self.runs = runs
    }

    /// The settings as the store's `settings` column holds them.
    var settingsText: String {
        StoredScenario.settingsDocument(settings).compactText
    }

    /// The variants as the store's `variants` column holds them.
    var variantsText: String {
        StoredScenario.variantsDocument(variants).compactText
    }

    /// The folder `export` writes the scenario into, as `swarmsim run` does (`Scenario.folderName`).
    public var folderName: String {
        Scenario.folderName(for: name)
    }

    /// One line telling this scenario from others of its name: address prefix, name, settings,
    /// variants and runs.
    public var summary: String {
        let settings = self.settings.isEmpty ? "no settings" : self.settings.map { "\($0.dottedPath)=\($0.value.plainText)" }.joined(separator: " ")
        return "\(address.prefix(12)) \"\(name)\": \(settings); variants \(variants.joined(separator: ", ")); \(runs) runs"
    }

    /// The plan again, decoded with this swarmsim; `file` (the store) names it in messages.
    /// Refuses a row whose name, run count or address disagrees with the plan its source,
    /// settings and variants give: one of its columns was changed outside swarmsim, and
    /// exporting it would name or count the results wrongly.
    public func plan(storedIn file: String) throws(RunStoreError) -> RunPlan {
        let plan: RunPlan
        do {
            let scenario = try Scenario.decode(source, file: "\(file) (scenario \"\(name)\")", settings: settings)
            plan = try RunPlan(scenario, selecting: variants)
        } catch {
            throw .undecodableScenario(file: file, scenario: name, problems: "\(error)")
        }
        let expected = StoredScenario(plan: plan)
        for (column, found, wanted) in [("name", "\"\(name)\"", "\"\(expected.name)\""), ("runs", String(runs), String(expected.runs)),
                                        ("address", address, expected.address)] where found != wanted {
            throw .damagedRow(file: file, table: "scenarios", row: "scenario \(address.prefix(12))", column: column,
                              requirement: "\(wanted), as its source, settings and variants give", found: found)
        }
        return plan
    }

    private static func settingsDocument(_ settings: [Setting]) -> JSONValue {
        .array(settings.map { setting in
            .object(["path": .array(setting.path.map(JSONValue.string)), "value": setting.value, "origin": .string(setting.origin)])
        })
    }

    private static func variantsDocument(_ variants: [String]) -> JSONValue {
        .array(variants.map(JSONValue.string))
    }

    /// The setting a `settingsDocument` element holds; nil when it is not one.
    private static func setting(_ item: JSONValue) -> Setting? {
        guard case .object(let fields) = item, case .array(let parts)? = fields["path"], !parts.isEmpty,
              let value = fields["value"], let origin = fields["origin"]?.stringValue else { return nil }
        let path = parts.compactMap(\.stringValue)
        return path.count == parts.count ? Setting(path: path, value: value, origin: origin) : nil
    }
}
