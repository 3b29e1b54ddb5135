/// The JSON Schema (draft 2020-12) of scenario files, for editors to complete and document them
/// (`swarmsim schema`).
///
/// It is not written by hand: the decoder's own readers, run over `{}`, record the schema of each
/// field they read (type, bounds, default, description), so the schema follows the decoder. What a
/// schema cannot say (a swept value valid at its path, a variant label an expectation names, a
/// distribution whose draws stay in range) the decoder still checks.
public enum ScenarioSchema {
    static let variantReference = "#/$defs/variant"
    static let expectationReference = "#/$defs/expectation"
    private static let changeSuffix = "_change"

    /// Where the schema of the changes a variant makes to `section` is kept.
    static func changeReference(_ section: String) -> String {
        "#/$defs/\(section)\(changeSuffix)"
    }

    /// The whole schema document.
    public static var document: JSONValue {
        var top = ObjectReader(.object([:]), at: ConfigPath(), log: ProblemLog())
        _ = ScenarioLoader.readTopLevel(&top)
        var variant = ObjectReader(.object([:]), at: ConfigPath(), log: ProblemLog())
        _ = ScenarioLoader.readVariant(&variant)
        var expectation = ObjectReader(.object([:]), at: ConfigPath(), log: ProblemLog())
        _ = Expectation.decode(&expectation, variants: [], sweep: SweepGrid())

        var definitions: [String: JSONValue] = [
            "distribution": Distribution.schema,
            "distribution\(changeSuffix)": change(Distribution.schema),
            "variant": .object(variant.objectSchema),
            "expectation": .object(expectation.objectSchema),
        ]
        for section in ModelConfig.sectionNames {
            definitions["\(section)\(changeSuffix)"] = top.fieldSchemas[section].map(change)
        }
        var schema = top.objectSchema
        schema["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        schema["title"] = .string("swarmsim scenario")
        schema["description"] = .string(
            "A swarmsim scenario (swarmsim \(SwarmSimVersion.current)): a base model, the variants to compare, a sweep of "
                + "their parameters and claims about the results. A scenario states only what it changes from the defaults.")
        schema["$defs"] = .object(definitions)
        return .object(schema)
    }

    /// `schema` as a variant may write it: merged over a complete model, so nothing is required
    /// (`{"beta": {"a": 3}}` keeps the base's `b`).
    private static func change(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(var fields):
            fields["required"] = nil
            if case .string(let reference) = fields["$ref"], reference == Distribution.schemaReference {
                fields["$ref"] = .string(changeReference("distribution"))
            }
            return .object(fields.mapValues(change))
        case .array(let items):
            return .array(items.map(change))
        default:
            return schema
        }
    }
}
