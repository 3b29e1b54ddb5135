extension RunPlan {
    /// The scenario as it runs, every default filled in: what `swarmsim describe` prints and
    /// scenario.resolved.json holds, so a result folder says exactly what produced it.
    ///
    /// Besides the scenario's own keys (the model sections being the base's, with the settings
    /// applied), it holds each variant's resolved model, the `settings`, a `plan`
    /// summary (selected variants, sweep order, parameter columns, counts, and for a filtered plan
    /// the `filter`: its `where` conditions and `replicate`) and `swarmsim_version`.
    public var resolvedDocument: JSONValue {
        guard case .object(var document) = scenario.resolvedModel else {
            preconditionFailure("a resolved model is an object")
        }
        document["name"] = .string(scenario.name)
        document["description"] = .string(scenario.description)
        document["seed"] = .number(Double(scenario.seed))
        document["replications"] = .number(Double(scenario.replications))
        document["duration_hours"] = .number(scenario.durationHours)
        document["sample_every_hours"] = .number(scenario.sampleEveryHours)
        document["variants"] = .array(scenario.variants.map { variant in
            variant.resolved.merging(.object(["label": .string(variant.label)]))
        })
        document["sweep"] = scenario.sweep.document
        document["expect"] = .array(scenario.resolvedExpectations)
        document["settings"] = .array(scenario.settings.map { .object(["path": .string($0.dottedPath), "value": $0.value]) })
        var plan: [String: JSONValue] = [
            "variants": .array(selectedVariants.map(JSONValue.string)),
            "sweep_order": .array(scenario.sweep.axes.map { .string($0.path) }),
            "parameters": .array(scenario.parameterColumns.map(JSONValue.string)),
            "sweep_points": .number(Double(scenario.sweep.pointCount)),
            "replicates": .number(Double(replicates)),
            "runs": .number(Double(count)),
        ]
        if isFiltered {
            plan["filter"] = .object([
                "where": .array(runFilter.conditions.map { .object(["path": .string($0.dottedPath), "value": $0.value]) }),
                "replicate": runFilter.replicate.map { .number(Double($0)) } ?? .null,
            ])
        }
        document["plan"] = .object(plan)
        document["swarmsim_version"] = .string(SwarmSimVersion.build)
        return .object(document)
    }
}
