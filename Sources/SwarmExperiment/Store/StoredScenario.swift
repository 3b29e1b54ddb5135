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

    /// A stored scenario read back from a store's row; nil when its JSON columns do not parse.
    init?(address: String, name: String, source: Data, settingsText: String, variantsText: String, runs: Int) {
        guard case .array(let settingItems)? = try? JSONDecoder().decode(JSONValue.self, from: Data(settingsText.utf8)),
              case .array(let variantItems)? = try? JSONDecoder().decode(JSONValue.self, from: Data(variantsText.utf8))
        else { return nil }
        let settings = settingItems.compactMap(StoredScenario.setting)
        let variants = variantItems.compactMap(\.stringValue)
        guard settings.count == settingItems.count, variants.count == variantItems.count else { return nil }
        self.init(address: address, name: name, source: source, settings: settings, variants: variants, runs: runs)
    }

    private init(address: String, name: String, source: Data, settings: [Setting], variants: [String], runs: Int) {
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
    public func plan(storedIn file: String) throws(RunStoreError) -> RunPlan {
        do {
            let scenario = try Scenario.decode(source, file: "\(file) (scenario \"\(name)\")", settings: settings)
            return try RunPlan(scenario, selecting: variants)
        } catch {
            throw .undecodableScenario(file: file, scenario: name, problems: "\(error)")
        }
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
