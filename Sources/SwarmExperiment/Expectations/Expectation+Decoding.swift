import SwarmModel

extension Expectation {
    /// Decodes a scenario's `expect` array, checking every name against the scenario: metrics
    /// against the summary columns, variants against the labels, `where` paths against the sweep
    /// and their values against the swept values. Returns the valid expectations and every
    /// expectation as resolved (absent fields as null), for `swarmsim describe`.
    static func decodeAll(_ value: JSONValue?, variants: [String], sweep: SweepGrid, log: ProblemLog)
        -> (expectations: [Expectation], resolved: [JSONValue]) {
        guard let value else { return ([], []) }
        let path = ConfigPath(["expect"])
        guard case .array(let items) = value else {
            log.report(path, "must be an array of expectations", found: value.brief)
            return ([], [])
        }
        var expectations: [Expectation] = []
        var resolved: [JSONValue] = []
        for (index, item) in items.enumerated() {
            let before = log.problems.count
            var reader = ObjectReader(item, at: path.appending(index: index), log: log)
            let expectation = decode(&reader, variants: variants, sweep: sweep)
            reader.finish()
            resolved.append(.object(reader.resolved))
            if let expectation, log.problems.count == before {
                expectations.append(expectation)
            }
        }
        return (expectations, resolved)
    }

    /// Reads one expectation of a scenario with these variant labels and this sweep.
    static func decode(_ r: inout ObjectReader, variants: [String], sweep: SweepGrid) -> Expectation? {
        let log = r.log
        let metrics = RunResult.summaryColumns
        let description = r.string("description", default: "", doc: "What the claim says, for people (printed by check and report).")
        let metric = requiredName(&r, "metric", among: metrics, kind: "metric", listed: true,
                                  doc: "The runs.csv summary metric the claim is about; its mean over the replicates is tested.")
            .flatMap(SummaryMetric.init(rawValue:))
        let variant = optionalName(&r, "variant", among: variants, kind: "variant", listed: false,
                                   doc: "The label of the variant whose runs are tested; null = every variant.")
        let conditions = readConditions(&r, "where", sweep: sweep,
                                        doc: "Swept paths pinned to one of their swept values, e.g. {\"agents.count\": 20}; unpinned paths test every point.")
        let relativeTo = optionalName(&r, "relative_to", among: metrics, kind: "metric", listed: true,
                                      doc: "Test the ratio of the metric's mean to this metric's mean.")
            .flatMap(SummaryMetric.init(rawValue:))
        let versus = readVersus(&r, variants: variants, sweep: sweep)
        let atLeast = r.optionalNumber("at_least", doc: "The statistic must be at least this.")
        let atMost = r.optionalNumber("at_most", doc: "The statistic must be at most this.")
        let between = readBetween(&r)
        let trend = optionalName(&r, "trend", among: Direction.allCases.map(\.rawValue), kind: "trend", listed: true,
                                 doc: "Along path, the mean at the highest swept value must lie beyond the mean at the lowest, by both 95% half-widths: above for increasing_in, below for decreasing_in.")
            .flatMap(Direction.init(rawValue:))
        let trendPath = readTrendPath(&r, sweep: sweep, conditions: conditions)

        let criteria = ["at_least", "at_most", "between", "trend"]
        r.constrain("anyOf", .array(criteria.map { .object(["required": .array([.string($0)])]) }))
        r.constrain("dependentRequired", .object(["trend": .array([.string("path")])]))
        if relativeTo != nil, versus != nil {
            log.report(r.path.appending("versus"), "give relative_to or versus, not both")
        }
        let statistic: Statistic = relativeTo.map { .relativeTo($0) } ?? versus ?? .mean
        let criterion: Criterion
        if r.has("trend") {
            for key in ["at_least", "at_most", "between"] where r.has(key) {
                log.report(r.path.appending(key), "a trend takes no bounds; remove it or the trend")
            }
            for key in ["relative_to", "versus"] where r.has(key) {
                log.report(r.path.appending(key), "a trend compares the metric's own means; remove it or the trend")
            }
            if !r.has("path") {
                log.report(r.path.appending("path"), "is required with trend: the swept path the trend runs along")
            }
            criterion = .trend(trend ?? .increasing, path: trendPath ?? "")
        } else {
            if r.has("path") {
                log.report(r.path.appending("path"), "is only used with trend")
            }
            if between != nil, atLeast != nil || atMost != nil {
                log.report(r.path.appending("between"), "give between or at_least/at_most, not both")
            } else if let atLeast, let atMost, atMost < atLeast {
                log.report(r.path.appending("at_most"), "must be at least at_least (\(formatNumber(atLeast)))", found: formatNumber(atMost))
            } else if between == nil, atLeast == nil, atMost == nil, !r.has("between") {
                log.report(r.path, "needs a bound (at_least, at_most or between) or a trend")
            }
            criterion = .bounds(atLeast: between?.lowerBound ?? atLeast, atMost: between?.upperBound ?? atMost)
        }
        guard let metric else { return nil }
        return Expectation(description: description, metric: metric, variant: variant, conditions: conditions,
                           statistic: statistic, criterion: criterion)
    }

    /// A name field that must be present.
    private static func requiredName(
        _ r: inout ObjectReader, _ key: String, among names: [String], kind: String, listed: Bool, doc: String
    ) -> String? {
        r.require(key)
        let name = optionalName(&r, key, among: names, kind: kind, listed: listed, doc: doc)
        r.describe(key, nameSchema(names, listed: listed), doc: doc)
        return name
    }

    /// A field naming one of `names` (a `kind`, such as a metric); nil when absent or unknown.
    /// The schema lists the names when they are `listed`: fixed by swarmsim rather than by the scenario.
    private static func optionalName(
        _ r: inout ObjectReader, _ key: String, among names: [String], kind: String, listed: Bool, doc: String
    ) -> String? {
        let value = r.value(key)
        r.record(key, value ?? .null)
        r.describe(key, ObjectReader.nullable(nameSchema(names, listed: listed)), doc: doc, default: .null)
        return value.flatMap { name($0, at: r.path.appending(key), among: names, kind: kind, log: r.log) }
    }

    private static func nameSchema(_ names: [String], listed: Bool) -> [String: JSONValue] {
        listed ? ["type": .string("string"), "enum": .array(names.map(JSONValue.string))] : ["type": .string("string")]
    }

    /// `value` when it is one of `names`; otherwise nil after reporting, with a did-you-mean.
    private static func name(_ value: JSONValue, at path: ConfigPath, among names: [String], kind: String, log: ProblemLog) -> String? {
        guard case .string(let text) = value else {
            log.report(path, "must be a \(kind) name (a string)", found: value.brief)
            return nil
        }
        guard names.contains(text) else {
            log.report(path, "unknown \(kind)\(suggestion(for: text, among: names, heading: "\(kind)s"))", found: value.brief)
            return nil
        }
        return text
    }

    /// A `where` object: swept paths, each pinned to one of its swept values.
    private static func readConditions(_ r: inout ObjectReader, _ key: String, sweep: SweepGrid, doc: String) -> [String: JSONValue] {
        r.describe(key, ["type": .string("object"), "propertyNames": SweepGrid.pathSchema], doc: doc, default: .object([:]))
        guard let value = r.given(key) else {
            r.record(key, .object([:]))
            return [:]
        }
        let path = r.path.appending(key)
        guard case .object(let fields) = value else {
            r.log.report(path, "must be an object of swept paths to swept values, e.g. {\"agents.count\": 20}", found: value.brief)
            return [:]
        }
        var conditions: [String: JSONValue] = [:]
        for (name, pinned) in fields.sorted(by: { $0.key < $1.key }) {
            guard let axis = axis(named: name, at: path.appending(name), in: sweep, log: r.log) else { continue }
            guard axis.values.contains(pinned) else {
                r.log.report(path.appending(name), "must be one of the swept values \(axis.values.map(\.brief).joined(separator: ", "))",
                             found: pinned.brief)
                continue
            }
            conditions[name] = pinned
        }
        r.record(key, .object(conditions))
        return conditions
    }

    /// The sweep axis `name`, or nil after reporting that nothing sweeps it.
    private static func axis(named name: String, at path: ConfigPath, in sweep: SweepGrid, log: ProblemLog) -> SweepGrid.Axis? {
        if let axis = sweep.axes.first(where: { $0.path == name }) { return axis }
        let swept = sweep.axes.map(\.path)
        let hint = swept.isEmpty ? " (the scenario sweeps nothing)" : suggestion(for: name, among: swept, heading: "swept")
        log.report(path, "is not a swept path\(hint)")
        return nil
    }

    /// `versus`: the variant (and optionally the point) whose mean the metric's mean is divided by.
    private static func readVersus(_ r: inout ObjectReader, variants: [String], sweep: SweepGrid) -> Statistic? {
        let doc = "Test the ratio of the metric's mean to its mean in another variant (at the same point, or where pinned)."
        return r.optionalObject("versus", doc: doc) { v -> Statistic? in
            let variant = requiredName(&v, "variant", among: variants, kind: "variant", listed: false, doc: "The label of the variant divided by.")
            let conditions = readConditions(&v, "where", sweep: sweep, doc: "Swept paths of the divisor pinned to one of their swept values.")
            return variant.map { .versus(variant: $0, conditions: conditions) }
        } ?? nil
    }

    /// `between`: `[low, high]` with low <= high.
    private static func readBetween(_ r: inout ObjectReader) -> ClosedRange<Double>? {
        let value = r.value("between")
        r.record("between", value ?? .null)
        r.describe("between", ObjectReader.nullable([
            "type": .string("array"), "items": .object(["type": .string("number")]), "minItems": .number(2), "maxItems": .number(2),
        ]), doc: "[low, high]: the statistic must lie in it, bounds included.", default: .null)
        guard let value else { return nil }
        let path = r.path.appending("between")
        guard case .array(let items) = value, items.count == 2 else {
            r.log.report(path, "must be [low, high]", found: value.brief)
            return nil
        }
        guard let low = ObjectReader.number(items[0], at: path.appending(index: 0), .any, log: r.log),
              let high = ObjectReader.number(items[1], at: path.appending(index: 1), .any, log: r.log) else { return nil }
        guard low <= high else {
            r.log.report(path, "must be [low, high] with low <= high", found: "[\(formatNumber(low)), \(formatNumber(high))]")
            return nil
        }
        return low...high
    }

    /// `path` of a trend: a swept path of at least two numbers, not pinned by `where`.
    private static func readTrendPath(_ r: inout ObjectReader, sweep: SweepGrid, conditions: [String: JSONValue]) -> String? {
        let value = r.value("path")
        r.record("path", value ?? .null)
        r.describe("path", ObjectReader.nullable(["type": .string("string")]), doc: "With trend: the swept path the trend runs along.", default: .null)
        guard let value, r.has("trend") else { return nil }
        let path = r.path.appending("path")
        guard case .string(let name) = value else {
            r.log.report(path, "must be a swept path (a string)", found: value.brief)
            return nil
        }
        guard let axis = axis(named: name, at: path, in: sweep, log: r.log) else { return nil }
        guard axis.values.count >= 2, axis.values.allSatisfy({ if case .number = $0 { true } else { false } }) else {
            r.log.report(path, "a trend needs a path swept over two or more numbers", found: value.brief)
            return nil
        }
        if conditions[name] != nil {
            r.log.report(r.path.appending("where").appending(name), "pins the path the trend runs along; remove it")
            return nil
        }
        return name
    }
}
