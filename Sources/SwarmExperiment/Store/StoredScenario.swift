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

    /// The settings a store's `settings` column holds; nil when it is not such a JSON array. Both
    /// forms are read: schema 3's `{"path", "value"}` and schema 2's, which adds the flag the
    /// setting came from (`"origin": "--set agents.count"`), ignored here.
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

    /// A stored scenario from its parts. The address is computed from the content, never taken
    /// from a row, so a schema 2 row read without upgrading its store has the address it will have
    /// once upgraded (see `RunStoreSchema`).
    init(name: String, source: Data, settings: [Setting], variants: [String], runs: Int) {
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
    /// Refuses a row whose name or run count disagrees with the plan its source, settings and
    /// variants give: one of its columns was changed outside swarmsim, and exporting it would name
    /// or count the results wrongly.
    public func plan(storedIn file: String) throws(RunStoreError) -> RunPlan {
        let scenario: Scenario
        do {
            scenario = try Scenario.decode(source, file: "\(file) (scenario \"\(name)\")", settings: settings)
        } catch {
            throw .undecodableScenario(file: file, scenario: name, cause: error)
        }
        let plan: RunPlan
        do {
            plan = try RunPlan(scenario, selecting: variants)
        } catch {
            throw .undecodableScenario(file: file, scenario: name, cause: error)
        }
        let expected = StoredScenario(plan: plan)
        for (column, found, wanted) in [("name", "\"\(name)\"", "\"\(expected.name)\""), ("runs", String(runs), String(expected.runs))]
            where found != wanted {
            throw .damagedRow(file: file, table: "scenarios", row: "scenario \(address.prefix(12))", column: column,
                              requirement: "\(wanted), as its source, settings and variants give", found: found)
        }
        return plan
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
