import SwarmKernel
import SwarmModel

extension Factor {
    /// The range forms, as scenario files name them.
    static let rangeNames = ["uniform", "log_uniform", "integer", "choice"]

    /// The JSON Schema of `factors`: dotted paths into the model sections, each with one range.
    static var schema: [String: JSONValue] {
        let bounds: JSONValue = .object([
            "type": .string("array"), "minItems": .number(2), "maxItems": .number(2), "items": .object(["type": .string("number")]),
        ])
        let range: JSONValue = .object([
            "type": .string("object"), "minProperties": .number(1), "maxProperties": .number(1), "additionalProperties": .bool(false),
            "properties": .object([
                "uniform": bounds, "log_uniform": bounds,
                "integer": .object([
                    "type": .string("array"), "minItems": .number(2), "maxItems": .number(2), "items": .object(["type": .string("integer")]),
                ]),
                "choice": .object(["type": .string("array"), "minItems": .number(2), "uniqueItems": .bool(true)]),
            ]),
        ])
        return ["type": .string("object"), "propertyNames": SweepGrid.pathSchema, "additionalProperties": range]
    }

    /// Decodes a `factors` object: each key a dotted path into a model section, each value one of
    /// `{"uniform": [low, high]}`, `{"log_uniform": [low, high]}` (0 < low), `{"integer": [low,
    /// high]}` (whole numbers) or `{"choice": [...]}`
    /// (two or more distinct values), in the order the file writes them (`keyOrder`). Only the
    /// shape is checked here; whether a path names a parameter and whether its values are valid
    /// there is checked against the model (`ScenarioLoader`). A malformed factor is left out.
    /// With `modelPaths` false (a factors file for a model other than swarmsim's), a path is any
    /// name without empty parts.
    static func decodeAll(_ value: JSONValue?, keyOrder: [String]?, modelPaths: Bool = true, log: ProblemLog) -> [Factor] {
        guard let value else { return [] }
        let factorsPath = ConfigPath(["factors"])
        guard case .object(let fields) = value else {
            log.report(factorsPath, "must be an object of dotted paths to ranges, e.g. {\"board.hours_per_entry\": {\"log_uniform\": [0.0005, 0.002]}}",
                       found: value.brief)
            return []
        }
        let written = (keyOrder ?? []).filter { fields[$0] != nil }
        let keys = written + fields.keys.filter { !written.contains($0) }.sorted()
        var factors: [Factor] = []
        for key in keys {
            let path = factorsPath.appending(key)
            let components = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !components.contains("") else {
                log.report(path, "must be a dotted path to a model parameter, e.g. board.hours_per_entry")
                continue
            }
            guard !modelPaths || ModelConfig.sectionNames.contains(components[0]) else {
                log.report(path, "a factor must be a model parameter\(suggestion(for: components[0], among: ModelConfig.sectionNames, heading: "sections"))")
                continue
            }
            if let earlier = factors.first(where: { $0.components.starts(with: components) || components.starts(with: $0.components) }) {
                log.report(path, "overlaps factors.\(earlier.path); vary one or the other")
                continue
            }
            guard let range = decodeRange(fields[key]!, at: path, log: log) else { continue }
            factors.append(Factor(path: key, range: range))
        }
        if factors.count > SaltelliDesign.maxFactors {
            log.report(factorsPath, "has \(factors.count) factors; a design takes at most \(SaltelliDesign.maxFactors)")
            return []
        }
        return factors
    }

    private static func decodeRange(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) -> Range? {
        guard case .object(let fields) = value, fields.count == 1, let (name, body) = fields.first.map({ ($0.key, $0.value) }) else {
            log.report(path, "must be one of {\"uniform\": [low, high]}, {\"log_uniform\": [low, high]}, {\"integer\": [low, high]} or {\"choice\": [values]}",
                       found: value.brief)
            return nil
        }
        let place = path.appending(name)
        switch name {
        case "uniform", "log_uniform", "integer":
            guard case .array(let items) = body, items.count == 2,
                  case .number(let low) = items[0], case .number(let high) = items[1], low.isFinite, high.isFinite else {
                log.report(place, "must be [low, high], two finite numbers", found: body.brief)
                return nil
            }
            guard low < high else {
                log.report(place, "low must be less than high", found: "[\(formatNumber(low)), \(formatNumber(high))]")
                return nil
            }
            if name == "uniform" { return .uniform(low: low, high: high) }
            if name == "integer" {
                guard let whole = Int(exactly: low), let wholeHigh = Int(exactly: high), abs(whole) < 1 << 52, abs(wholeHigh) < 1 << 52 else {
                    log.report(place, "must be [low, high], two whole numbers", found: "[\(formatNumber(low)), \(formatNumber(high))]")
                    return nil
                }
                return .integer(low: whole, high: wholeHigh)
            }
            guard low > 0 else {
                log.report(place.appending(index: 0), "must be greater than 0 (a logarithmic range)", found: formatNumber(low))
                return nil
            }
            return .logUniform(low: low, high: high)
        case "choice":
            guard case .array(let items) = body, items.count >= 2 else {
                log.report(place, "must be an array of two or more values", found: body.brief)
                return nil
            }
            for (index, item) in items.enumerated() where items[..<index].contains(item) {
                log.report(place.appending(index: index), "repeats an earlier value", found: item.brief)
                return nil
            }
            return .choice(items)
        default:
            log.report(path.appending(name), "unknown range\(suggestion(for: name, among: rangeNames, heading: "ranges"))")
            return nil
        }
    }
}
