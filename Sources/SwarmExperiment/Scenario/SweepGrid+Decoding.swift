import SwarmModel

extension SweepGrid {
    /// The key of `sweep` that pairs axes: its paths vary together.
    public static let zipKey = "zip"

    /// The JSON Schema of a swept path: a model section, then any fields within it.
    static var pathSchema: JSONValue {
        .object(["pattern": .string("^(\(ModelConfig.sectionNames.joined(separator: "|")))(\\.[^.]+)*$")])
    }

    /// The JSON Schema of one axis's values: an array, or a range.
    static func valuesSchema(items: JSONValue? = nil) -> JSONValue {
        var array: [String: JSONValue] = ["type": .string("array"), "minItems": .number(1), "uniqueItems": .bool(true)]
        array["items"] = items
        return .object(["anyOf": .array([.object(array), .object(["$ref": .string(ScenarioSchema.rangeReference)])])])
    }

    /// The JSON Schema of `sweep` as `decode` reads it: which values suit each path is checked by
    /// the decoder on the configurations the sweep makes.
    static var schema: [String: JSONValue] {
        let sections = ModelConfig.sectionNames.joined(separator: "|")
        return [
            "type": .string("object"),
            "propertyNames": .object(["pattern": .string("^(\(zipKey)|(\(sections))(\\.[^.]+)*)$")]),
            "additionalProperties": valuesSchema(),
        ]
    }

    /// The JSON Schema of `sweep.zip`: paths whose values are paired, the first of each together.
    static var zipSchema: JSONValue {
        .object([
            "type": .string("object"), "minProperties": .number(1), "propertyNames": pathSchema, "additionalProperties": valuesSchema(),
            "description": .string("Paths that vary together, not crossed: each takes its i-th value at the same points, so all have as many values."),
        ])
    }

    /// Decodes a scenario's `sweep` object: dotted paths into the model sections, each with a
    /// non-empty array of distinct values or a range, and optionally `zip`, an object of such
    /// paths whose values are paired. `keyOrder` and `zipKeyOrder` are the orders the file writes
    /// the keys of `sweep` and of `sweep.zip` in; the zip's axes sit where `zip` is written.
    ///
    /// Only the shape is checked here: whether each path names a field, and whether each value is
    /// valid there, is checked by decoding the configurations the sweep produces; whether paired
    /// axes have as many values each, by `checkPairs` once settings have had their say. An axis
    /// whose path or values are malformed is left out of the grid.
    static func decode(_ value: JSONValue?, keyOrder: [String]?, zipKeyOrder: [String]?, log: ProblemLog) -> SweepGrid {
        guard let value else { return SweepGrid() }
        let sweepPath = ConfigPath(["sweep"])
        guard case .object(let fields) = value else {
            log.report(sweepPath, "must be an object of dotted paths to arrays of values, e.g. {\"agents.count\": [1, 2, 5]}",
                       found: value.brief)
            return SweepGrid()
        }
        var axes: [Axis] = []
        var paired: [[Int]] = []
        for key in ordered(fields, keyOrder) {
            guard key == zipKey else {
                decodeAxis(key, fields[key]!, at: sweepPath.appending(key), into: &axes, log: log)
                continue
            }
            let zipPath = sweepPath.appending(zipKey)
            guard case .object(let zipped) = fields[key]!, !zipped.isEmpty else {
                log.report(zipPath, "must be an object of the paths that vary together, e.g. {\"agents.count\": [10, 20], \"build.slots\": [1, 2]}",
                           found: fields[key]!.brief)
                continue
            }
            let first = axes.count
            for name in ordered(zipped, zipKeyOrder) {
                decodeAxis(name, zipped[name]!, at: zipPath.appending(name), into: &axes, log: log)
            }
            paired.append(Array(first..<axes.count))
        }
        return SweepGrid(axes: axes, paired: paired)
    }

    /// `fields`' keys in the order written, any the order misses after them, sorted.
    private static func ordered(_ fields: [String: JSONValue], _ keyOrder: [String]?) -> [String] {
        let written = (keyOrder ?? []).filter { fields[$0] != nil }
        return written + fields.keys.filter { !written.contains($0) }.sorted()
    }

    /// Decodes the axis `key` written at `path` and appends it to `axes` when it is well formed.
    private static func decodeAxis(_ key: String, _ value: JSONValue, at path: ConfigPath, into axes: inout [Axis], log: ProblemLog) {
        let axis = Axis(path: key, values: [], origin: path)
        guard axisPathIsValid(axis.components, at: path, log: log) else { return }
        if let earlier = axes.first(where: { $0.overlaps(axis.components) }) {
            log.report(path, "overlaps \(earlier.origin); sweep one or the other")
            return
        }
        guard let values = SweepValues.decode(value, at: path, log: log) else { return }
        axes.append(Axis(path: key, values: values, origin: path))
    }

    /// Checks that a swept path is a dotted path into a model section.
    static func axisPathIsValid(_ components: [String], at path: ConfigPath, log: ProblemLog) -> Bool {
        guard !components.contains("") else {
            log.report(path, "must be a dotted path to a model parameter, e.g. agents.count")
            return false
        }
        guard ModelConfig.sectionNames.contains(components[0]) else {
            log.report(path, "can only sweep model parameters\(suggestion(for: components[0], among: ModelConfig.sectionNames, heading: "sections"))")
            return false
        }
        // A whole section as one axis would name its column after the section (a second `agents`
        // column beside the agent count) and hide which parameters vary.
        guard components.count > 1 else {
            log.report(path, "sweeps the whole section \(components[0]); sweep its parameters one by one, e.g. \(components[0] == "agents" ? "agents.count" : components[0] + ".<parameter>")")
            return false
        }
        return true
    }

    /// The grid as a `sweep` object: each axis's path with its values, paired axes under `zip`
    /// (a JSON object forgets the order of its keys: `plan.sweep_order` records it).
    public var document: JSONValue {
        var fields: [String: JSONValue] = [:]
        var zipped: [String: JSONValue] = [:]
        for (index, axis) in axes.enumerated() {
            if isPaired(index) { zipped[axis.path] = .array(axis.values) } else { fields[axis.path] = .array(axis.values) }
        }
        if !zipped.isEmpty { fields[SweepGrid.zipKey] = .object(zipped) }
        return .object(fields)
    }

    /// Reports paired axes with different numbers of values (at `sweep.zip`, with any setting that
    /// gave some of them); true when every pair agrees.
    static func checkPairs(_ grid: SweepGrid, log: ProblemLog) -> Bool {
        var agree = true
        for dimension in grid.dimensions where Set(dimension.map { grid.axes[$0].values.count }).count > 1 {
            let counts = dimension.map { "\(grid.axes[$0].path) has \(grid.axes[$0].values.count)" }.joined(separator: ", ")
            let settings = dimension.map { grid.axes[$0].origin }.filter { $0.root != .document }
            log.report(ConfigProblem(ConfigPath(["sweep", zipKey]), "paired paths need as many values each: \(counts)", context: settings))
            agree = false
        }
        return agree
    }
}

extension SweepGrid.Axis {
    /// Whether `components` is this axis's path, a path inside it, or a path it lies inside.
    func overlaps(_ components: [String]) -> Bool {
        self.components.starts(with: components) || components.starts(with: self.components)
    }
}
