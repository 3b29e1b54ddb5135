import SwarmKernel
import SwarmModel

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
    static let rangeReference = "#/$defs/range"
    private static let changeSuffix = "_change"

    /// Where the schema of the changes a variant makes to `section` is kept.
    static func changeReference(_ section: String) -> String {
        "#/$defs/\(section)\(changeSuffix)"
    }

    /// The whole schema document.
    public static var document: JSONValue {
        var top = ObjectReader.describing()
        _ = ScenarioLoader.readTopLevel(&top)
        var variant = ObjectReader.describing()
        _ = ScenarioLoader.readVariant(&variant)
        var expectation = ObjectReader.describing()
        _ = Expectation.decode(&expectation, variants: [], sweep: SweepGrid())

        var definitions: [String: JSONValue] = [
            "distribution": Distribution.schema,
            "distribution\(changeSuffix)": change(Distribution.schema),
            "variant": .object(variant.objectSchema),
            "expectation": .object(expectation.objectSchema),
            "range": SweepValues.rangeSchema,
        ]
        for section in ModelConfig.sectionNames {
            definitions["\(section)\(changeSuffix)"] = top.fieldSchemas[section].map(change)
        }
        var properties = top.fieldSchemas
        if case .object(var sweep) = properties["sweep"] {
            let axes = sweepAxes(of: top.fieldSchemas)
            sweep["properties"] = .object(axes.paths.merging([SweepGrid.zipKey: SweepGrid.zipSchema]) { $1 })
            sweep["patternProperties"] = .object(axes.patterns)
            properties["sweep"] = .object(sweep)
        }
        var schema = top.objectSchema
        schema["properties"] = .object(properties)
        schema["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        schema["title"] = .string("swarmsim scenario")
        schema["description"] = .string(
            "A swarmsim scenario (swarmsim \(SwarmSimVersion.current)): a base model, the variants to compare, a sweep of "
                + "their parameters and claims about the results. A scenario states only what it changes from the defaults.")
        schema["$defs"] = .object(definitions)
        return .object(schema)
    }

    /// Every model parameter by the dotted path `sweep` names it with, each with the schema of an
    /// array of its values, so that editors complete swept paths and check swept values; profile
    /// traits by pattern, since profile names are the scenario's. Paths into a parameter (a
    /// distribution's own parameter) or a whole section stay open to the sweep's general schema.
    private static func sweepAxes(of fields: [String: JSONValue]) -> (paths: [String: JSONValue], patterns: [String: JSONValue]) {
        var paths: [String: JSONValue] = [:]
        var patterns: [String: JSONValue] = [:]
        func axis(_ field: JSONValue) -> JSONValue {
            guard case .object(var item) = change(field) else { return field }
            let description = item.removeValue(forKey: "description")
            item["default"] = nil
            guard case .object(var axis) = SweepGrid.valuesSchema(items: .object(item)) else { return field }
            axis["description"] = description
            return .object(axis)
        }
        func walk(_ schema: JSONValue, _ path: String) {
            if case .object(let traits) = schema.value(at: ["additionalProperties", "properties"]) {
                for (trait, field) in traits {
                    patterns["^\(path.replacingOccurrences(of: ".", with: "\\."))\\.[^.]+\\.\(trait)$"] = axis(field)
                }
            } else if case .object(let nested) = schema.value(at: ["properties"]) {
                for (key, field) in nested {
                    walk(field, "\(path).\(key)")
                }
            } else {
                paths[path] = axis(schema)
            }
        }
        for section in ModelConfig.sectionNames {
            fields[section].map { walk($0, section) }
        }
        return (paths, patterns)
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
