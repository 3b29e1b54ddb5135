import Foundation

/// A plan as a run store keeps it: the scenario file's bytes, the settings and the variants run.
/// Decoded again they give the same plan, whose runs' addresses lead to their stored results: that
/// is how `export` writes a scenario's files without simulating.
///
/// The store keeps what makes the plan and nothing about how it was asked for: a setting is its
/// path and value, without its origin (`Setting.Origin`), so `--seed 5` and `--set seed=5` store
/// one plan, and renaming a flag changes no address. Read back, settings are `.recorded`.
public struct StoredScenario: Sendable, Equatable {
    /// SHA-256 (hex) of the source's digest, the settings and the variants: one row per distinct plan.
    public let address: String
    /// The scenario's name (after settings).
    public let name: String
    /// The scenario file's bytes (`Scenario.source`).
    public let source: Data
    /// The settings, in the order given (`Scenario.settings`), as recorded.
    public let settings: [Setting]
    /// The labels of the variants run, in plan order (`RunPlan.selectedVariants`).
    public let variants: [String]
    /// Runs in the plan.
    public let runs: Int

    /// The stored form of `plan`.
    init(plan: RunPlan) {
        self.init(name: plan.scenario.name, source: plan.scenario.source, settings: plan.scenario.settings.map(\.recorded),
                  variants: plan.selectedVariants, runs: plan.count)
    }

    /// A stored scenario read back from a store's columns; nil when its JSON columns do not parse.
    ///
    /// Both forms of the `settings` column are read: schema 3's `{"path", "value"}` and schema 2's,
    /// which adds the flag the setting came from (`"origin": "--set agents.count"`), ignored here.
    /// The address is computed from the content, never taken from the row, so a schema 2 row read
    /// without upgrading its store has the address it will have once upgraded (see `RunStoreSchema`).
    init?(name: String, source: Data, settingsText: String, variantsText: String, runs: Int) {
        guard case .array(let settingItems)? = try? JSONDecoder().decode(JSONValue.self, from: Data(settingsText.utf8)),
              case .array(let variantItems)? = try? JSONDecoder().decode(JSONValue.self, from: Data(variantsText.utf8))
        else { return nil }
        let settings = settingItems.compactMap(StoredScenario.setting)
        let variants = variantItems.compactMap(\.stringValue)
        guard settings.count == settingItems.count, variants.count == variantItems.count else { return nil }
        self.init(name: name, source: source, settings: settings, variants: variants, runs: runs)
    }

    private init(name: String, source: Data, settings: [Setting], variants: [String], runs: Int) {
        let identity = JSONValue.object([
            "source_sha256": .string(SHA256.hex(source)),
            "settings": StoredScenario.settingsDocument(settings),
            "variants": StoredScenario.variantsDocument(variants),
        ])
        address = SHA256.hex(identity.compactText.utf8)
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
        let scenario: Scenario
        do {
            scenario = try Scenario.decode(source, file: "\(file) (scenario \"\(name)\")", settings: settings)
        } catch {
            throw .undecodableScenario(file: file, scenario: name, cause: error)
        }
        do {
            return try RunPlan(scenario, selecting: variants)
        } catch {
            throw .undecodableScenario(file: file, scenario: name, cause: error)
        }
    }

    private static func settingsDocument(_ settings: [Setting]) -> JSONValue {
        .array(settings.map { .object(["path": .array($0.path.map(JSONValue.string)), "value": $0.value]) })
    }

    private static func variantsDocument(_ variants: [String]) -> JSONValue {
        .array(variants.map(JSONValue.string))
    }

    /// The setting a `settings` column element holds, in either form; nil when it is not one.
    private static func setting(_ item: JSONValue) -> Setting? {
        guard case .object(let fields) = item, case .array(let parts)? = fields["path"], !parts.isEmpty,
              let value = fields["value"] else { return nil }
        let path = parts.compactMap(\.stringValue)
        return path.count == parts.count ? Setting(path: path, value: value, origin: .recorded) : nil
    }
}
