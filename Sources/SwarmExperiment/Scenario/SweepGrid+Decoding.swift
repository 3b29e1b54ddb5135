import SwarmModel

extension SweepGrid {
    /// The JSON Schema of a swept path: a model section, then any fields within it.
    static var pathSchema: JSONValue {
        .object(["pattern": .string("^(\(ModelConfig.sectionNames.joined(separator: "|")))(\\.[^.]+)*$")])
    }

    /// The JSON Schema of `sweep` as `decode` reads it: which values suit each path is checked by
    /// the decoder on the configurations the sweep makes.
    static var schema: [String: JSONValue] {
        [
            "type": .string("object"), "propertyNames": pathSchema,
            "additionalProperties": .object(["type": .string("array"), "minItems": .number(1), "uniqueItems": .bool(true)]),
        ]
    }

    /// Decodes a scenario's `sweep` object: dotted paths into the model sections, each with a
    /// non-empty array of distinct values. `keyOrder` is the order the file writes the keys in.
    ///
    /// Only the shape is checked here: whether each path names a field, and whether each value is
    /// valid there, is checked by decoding the configurations the sweep produces. An axis whose
    /// path or values are malformed is left out of the grid.
    static func decode(_ value: JSONValue?, keyOrder: [String]?, log: ProblemLog) -> SweepGrid {
        guard let value else { return SweepGrid() }
        let sweepPath = ConfigPath(["sweep"])
        guard case .object(let fields) = value else {
            log.report(sweepPath, "must be an object of dotted paths to arrays of values, e.g. {\"agents.count\": [1, 2, 5]}",
                       found: value.brief)
            return SweepGrid()
        }
        let written = (keyOrder ?? []).filter { fields[$0] != nil }
        let keys = written + fields.keys.filter { !written.contains($0) }.sorted()
        var axes: [Axis] = []
        for key in keys {
            let path = sweepPath.appending(key)
            let axis = Axis(path: key, values: [])
            guard axisPathIsValid(axis.components, at: path, log: log) else { continue }
            if let earlier = axes.first(where: { $0.components.starts(with: axis.components) || axis.components.starts(with: $0.components) }) {
                log.report(path, "overlaps sweep.\(earlier.path); sweep one or the other")
                continue
            }
            guard let values = axisValues(fields[key]!, at: path, log: log) else { continue }
            axes.append(Axis(path: key, values: values))
        }
        return SweepGrid(axes: axes)
    }

    /// Checks that a swept path is a dotted path into a model section.
    private static func axisPathIsValid(_ components: [String], at path: ConfigPath, log: ProblemLog) -> Bool {
        guard !components.contains("") else {
            log.report(path, "must be a dotted path to a model parameter, e.g. agents.count")
            return false
        }
        guard ModelConfig.sectionNames.contains(components[0]) else {
            log.report(path, "can only sweep model parameters\(suggestion(for: components[0], among: ModelConfig.sectionNames, heading: "sections"))")
            return false
        }
        return true
    }

    /// The values of one axis: a non-empty array; repeats are reported (and kept, so that the rest
    /// of the scenario can still be checked against the axis).
    private static func axisValues(_ value: JSONValue, at path: ConfigPath, log: ProblemLog) -> [JSONValue]? {
        guard case .array(let values) = value, !values.isEmpty else {
            log.report(path, "must be a non-empty array of the values to try", found: value.brief)
            return nil
        }
        for (index, element) in values.enumerated() where values[..<index].contains(element) {
            log.report(path.appending(index: index), "repeats an earlier value", found: element.brief)
        }
        return values
    }
}
