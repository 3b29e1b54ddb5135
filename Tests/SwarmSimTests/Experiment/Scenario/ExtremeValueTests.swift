import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment

/// The property behind validation (issue 11): every scenario `swarmsim validate` accepts simulates
/// without a trap and measures no NaN or infinity. Each model field is fed the extreme values its
/// schema (`swarmsim schema`) allows, one field at a time, under every topology, through a short run:
/// a number field its minimum and maximum, a distribution field every family with all its
/// parameters at their lower bounds and at their upper bounds. Sizes (agents, files, integrators,
/// build slots) at their maxima are decoded but not run, as they cost memory rather than time.
@Suite struct ExtremeValueTests {
    /// One field's extreme value: the section, the path inside it, and the value.
    struct Extreme: CustomStringConvertible {
        let path: [String]
        let value: JSONValue
        var description: String { "\(path.joined(separator: "."))=\(value.compactText)" }
    }

    /// Every model field's extremes, read from the schema.
    static var extremes: [Extreme] {
        guard case .object(let schema) = ScenarioSchema.document, case .object(let properties) = schema["properties"] else { return [] }
        var found: [Extreme] = []
        for section in ModelConfig.sectionNames {
            guard case .object(let sectionSchema) = properties[section] else { continue }
            if section == "profiles", case .object(let profile) = sectionSchema["additionalProperties"] {
                collect(profile, at: ["profiles", "default"], into: &found)
            } else {
                collect(sectionSchema, at: [section], into: &found)
            }
        }
        return found
    }

    /// The extremes of the fields of the object schema `schema` at `path`, nested objects included.
    private static func collect(_ schema: [String: JSONValue], at path: [String], into found: inout [Extreme]) {
        guard case .object(let fields) = schema["properties"] else { return }
        for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
            guard case .object(let field) = field else { continue }
            if field["$ref"] == .string(Distribution.schemaReference) {
                found += distributionExtremes.map { Extreme(path: path + [key], value: $0) }
            } else if case .object = field["properties"] {
                collect(field, at: path + [key], into: &found)
            } else {
                found += numberExtremes(field).map { Extreme(path: path + [key], value: .number($0)) }
            }
        }
    }

    /// The least and greatest numbers a number field's schema allows (none for other fields).
    private static func numberExtremes(_ field: [String: JSONValue]) -> [Double] {
        let types: [JSONValue] = if case .array(let list) = field["type"] { list } else { [field["type"] ?? .null] }
        guard types.contains(.string("number")) || types.contains(.string("integer")) else { return [] }
        let whole = types.contains(.string("integer"))
        var low: Double?
        var high: Double?
        if case .number(let minimum) = field["minimum"] { low = minimum }
        if case .number(let bound) = field["exclusiveMinimum"] { low = whole ? bound + 1 : bound.nextUp }
        if case .number(let maximum) = field["maximum"] { high = maximum }
        return [low, high].compactMap { $0 }
    }

    /// Every distribution family with all its parameters at their least allowed values, and at their
    /// greatest; a family's own checks (such as max above min) may then refuse it.
    static var distributionExtremes: [JSONValue] {
        guard case .object(let schema) = Distribution.schema, case .array(let options) = schema["anyOf"] else { return [] }
        var values: [JSONValue] = []
        for case .object(let option) in options {
            guard case .object(let families) = option["properties"], let (family, parameters) = families.first,
                  case .object(var parameterSchema) = parameters else { continue }
            if case .array(let alternatives) = parameterSchema["anyOf"], case .object(let object) = alternatives.last { parameterSchema = object }
            guard case .object(let fields) = parameterSchema["properties"] else { continue }
            for end in 0..<2 {
                var chosen: [String: JSONValue] = [:]
                for (name, field) in fields {
                    guard case .object(let field) = field else { continue }
                    if case .object(let items) = field["items"] {
                        // A list (choice's values and weights): two items at the bound.
                        numberExtremes(items.merging(["type": .string("number")]) { $1 }).dropFirst(end).first.map { chosen[name] = .array([.number($0), .number($0)]) }
                    } else if let bound = numberExtremes(field).dropFirst(end).first {
                        chosen[name] = .number(bound)
                    }
                }
                values.append(.object([family: .object(chosen)]))
            }
        }
        return values
    }

    @Test("Every field at each extreme its schema allows, under every topology, decodes to runs that end without a trap, a NaN or an infinity.",
          arguments: TopologyKind.allCases)
    func extremesSimulate(kind: TopologyKind) throws {
        var accepted = 0
        var refused = 0
        for extreme in Self.extremes {
            var sections: [String: JSONValue] = ["topology": .object(["kind": .string(kind.rawValue)]), "agents": .object(["count": .number(3)])]
            sections = sections.merging(Self.nested(extreme.path, extreme.value)) { $0.merging($1) }
            var document: [String: JSONValue] = ["name": .string("extreme"), "replications": .number(1), "duration_hours": .number(6),
                                                 "sample_every_hours": .number(3), "max_events_per_run": .number(200_000)]
            document.merge(sections) { $1 }
            let scenario: Scenario
            do {
                scenario = try Scenario.decode(Data(JSONValue.object(document).compactText.utf8))
            } catch {
                refused += 1
                continue
            }
            accepted += 1
            let spec = try RunPlan(scenario)[0]
            // Sizes at their maximum (a million agents, ten million files) are not short runs: their
            // bounds keep memory, not time, finite, and ScenarioLimits holds them.
            let files = spec.config.codebase.areas * spec.config.codebase.filesPerArea
            guard spec.config.agents.count <= 1_000, files <= 1_000_000, spec.config.topology.integrators <= 1_000,
                  spec.config.build.slots <= 1_000 else { continue }
            do {
                let result = try Simulation.run(spec, stoppingWhen: { false })
                for (column, value) in zip(RunResult.summaryColumns, result.summary) where !(value.map(\.isFinite) ?? true) {
                    Issue.record("\(extreme): \(column) is \(String(describing: value))")
                }
            } catch .interrupted {
                Issue.record("\(extreme): interrupted without a stop request")
            } catch {
                // A budget spent is a clear error, not a failure: the field made the run busy.
            }
        }
        // Most extremes are accepted (the schema's bounds are the decoder's); those refused are
        // distribution families whose draws leave a field's range, and cross-field checks.
        #expect(accepted > refused, "accepted \(accepted), refused \(refused)")
    }

    /// `{path[0]: {path[1]: ... value}}`.
    private static func nested(_ path: [String], _ value: JSONValue) -> [String: JSONValue] {
        guard let first = path.first else { return [:] }
        return [first: path.count == 1 ? value : .object(nested(Array(path.dropFirst()), value))]
    }
}
