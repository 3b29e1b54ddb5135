import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// `swarmsim schema` must agree with the decoder: every field it reads is described, every bundled
/// scenario validates, and a misspelt key or a wrong type is refused by both (checked with Python's
/// `jsonschema`, an implementation of the standard that is not ours).
@Suite struct ScenarioSchemaTests {
    /// A Python with `jsonschema`, when installed (`.ci/run` installs it).
    private static let python: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "python3" : nil
    }()

    /// Validates each file against the schema; prints one line per file: "valid" or the path of the
    /// first error, then its message.
    private static let validator = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for name in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(name))), key=lambda e: list(map(str, e.absolute_path)))
            print("valid" if not errors else "invalid " + ".".join(map(str, errors[0].absolute_path)) + " " + errors[0].message.replace("\\n", " "))
        """

    /// The schema of the `properties` along `path` (object keys), or nil.
    private func property(_ schema: JSONValue, _ path: [String]) -> JSONValue? {
        path.reduce(schema) { node, key in node?.value(at: ["properties", key]) }
    }

    @Test("Every model parameter has a schema with its type, its default and a description.")
    func everyParameterIsDescribed() throws {
        let schema = ScenarioSchema.document
        var reader = ObjectReader(.object([:]), at: ConfigPath(), log: ProblemLog())
        _ = ModelConfig.read(&reader)
        var checked = 0
        for (section, value) in reader.resolved.sorted(by: { $0.key < $1.key }) where section != "profiles" {
            guard case .object(let fields) = value else { continue }
            for (key, resolved) in fields {
                let leaves: [(path: [String], value: JSONValue)] = if case .object(let nested) = resolved, nested.distributionFamily == nil {
                    nested.map { ([section, key, $0.key], $0.value) }
                } else {
                    [([section, key], resolved)]
                }
                for leaf in leaves {
                    let field = try #require(property(schema, leaf.path), "no schema for \(leaf.path.joined(separator: "."))")
                    #expect(field.value(at: ["description"])?.stringValue?.isEmpty == false, "\(leaf.path)")
                    #expect(field.value(at: ["default"]) == leaf.value, "\(leaf.path): default differs from the decoder's")
                    #expect(field.value(at: ["type"]) != nil || field.value(at: ["$ref"]) != nil, "\(leaf.path)")
                    checked += 1
                }
            }
        }
        let trait = try #require(schema.value(at: ["properties", "profiles", "additionalProperties", "properties", "hold_inflation"]))
        #expect(trait.value(at: ["$ref"]) == .string("#/$defs/distribution"))
        #expect(checked > 50)
    }

    @Test("The schema carries the decoder's bounds: integer ranges, probabilities, choices.")
    func boundsComeFromTheDecoder() {
        let schema = ScenarioSchema.document
        #expect(property(schema, ["agents", "count"]) == .object([
            "type": .string("integer"), "minimum": .number(1), "maximum": .number(1_000_000), "default": .number(20),
            "description": .string("Agents in the run, every role included (planners, judge and integrators are agents)."),
        ]))
        #expect(property(schema, ["codebase", "cross_area_probability"])?.value(at: ["maximum"]) == .number(1))
        #expect(property(schema, ["topology", "kind"])?.value(at: ["enum"])
            == .array(TopologyKind.allCases.map { .string($0.rawValue) }))
        #expect(property(schema, ["tasks", "count"])?.value(at: ["type"]) == .array([.string("integer"), .string("null")]))
        #expect(schema.value(at: ["required"]) == .array([.string("name")]))
    }

    @Test("A scenario may name its schema with $schema, which decoding ignores; it must be a string.")
    func schemaKeyIsIgnored() throws {
        let plain = try ScenarioFixtures.decode(ScenarioFixtures.text())
        let named = try ScenarioFixtures.decode(ScenarioFixtures.text(["$schema": "./scenario.schema.json"]))
        #expect(named.resolvedModel == plain.resolvedModel)
        #expect(ScenarioFixtures.problems(ScenarioFixtures.text(["$schema": 1])) == ["test.json: $schema: must be a string (found 1)"])
    }

    @Test("Bundled scenarios validate; misspelt keys and wrong types are refused by the schema and the decoder alike.",
          .enabled(if: python != nil, "python3 with jsonschema is not installed; .ci/run installs it"))
    func schemaAndDecoderAgree() throws {
        let workspace = try Workspace("{}")
        let base = try JSONSerialization.jsonObject(with: Data(contentsOf: RepositoryFiles.root.appendingPathComponent("scenarios/flat-vs-hierarchy.json")))
        // (what is wrong, the path the decoder names, the changed document)
        let cases: [(name: String, path: String, document: Any)] = [
            ("misspelt top-level key", "replicatons", JSONTree.mutated(base, at: ["replications"], renamed: "replicatons")),
            ("misspelt model key", "agents.cuont", JSONTree.mutated(base, at: ["agents", "cuont"], value: 5)),
            ("misspelt key in a variant", "variants[0].topology.knd", JSONTree.mutated(base, at: ["variants", 0, "topology", "kind"], renamed: "knd")),
            ("misspelt key in an expectation", "expect[0].metrc", JSONTree.mutated(base, at: ["expect", 0, "metric"], renamed: "metrc")),
            ("misspelt distribution parameter", "tasks.effort_hours.lognormal.sdd",
             JSONTree.mutated(base, at: ["tasks", "effort_hours"], value: ["lognormal": ["mean": 1, "sdd": 0.5]])),
            ("misspelt distribution family", "tasks.difficulty.betta", JSONTree.mutated(base, at: ["tasks", "difficulty"], value: ["betta": ["a": 2, "b": 3]])),
            ("misspelt profile trait", "profiles.default.competance", JSONTree.mutated(base, at: ["profiles", "default", "competance"], value: 1)),
            ("text for a count", "agents.count", JSONTree.mutated(base, at: ["agents", "count"], value: "many")),
            ("text for the seed", "seed", JSONTree.mutated(base, at: ["seed"], value: "1")),
            ("null for a count", "agents.count", JSONTree.mutated(base, at: ["agents", "count"], value: NSNull())),
            ("null for a section", "codebase", JSONTree.mutated(base, at: ["codebase"], value: NSNull())),
            ("null for the variants", "variants", JSONTree.mutated(base, at: ["variants"], value: NSNull())),
            ("a fraction for replications", "replications", JSONTree.mutated(base, at: ["replications"], value: 2.5)),
            ("an unknown topology", "variants[2].topology.kind", JSONTree.mutated(base, at: ["variants", 2, "topology", "kind"], value: "hierarchy")),
            ("text for a boolean", "locks.file_locks", JSONTree.mutated(base, at: ["locks", "file_locks"], value: "yes")),
            ("a probability above 1", "codebase.cross_area_probability", JSONTree.mutated(base, at: ["codebase", "cross_area_probability"], value: 1.5)),
            ("text for a distribution", "tasks.difficulty", JSONTree.mutated(base, at: ["tasks", "difficulty"], value: "hard")),
            ("a negative distribution parameter", "tasks.effort_hours.exponential.mean",
             JSONTree.mutated(base, at: ["tasks", "effort_hours"], value: ["exponential": ["mean": -1]])),
            ("text for a bound", "expect[1].at_least", JSONTree.mutated(base, at: ["expect", 1, "at_least"], value: "0.5")),
            ("an unknown metric", "expect[0].metric", JSONTree.mutated(base, at: ["expect", 0, "metric"], value: "throughput")),
            ("a missing name", "name", JSONTree.mutated(base, at: ["name"], renamed: "title")),
        ]
        var files = RepositoryFiles.scenarios
        for (index, entry) in cases.enumerated() {
            let file = workspace.folder.appendingPathComponent("case-\(index).json")
            try JSONSerialization.data(withJSONObject: entry.document, options: [.sortedKeys]).write(to: file)
            files.append(file.path)
        }
        let lines = try schemaVerdicts(files, in: workspace)

        for (file, verdict) in zip(RepositoryFiles.scenarios, lines) {
            #expect(verdict == "valid", "\(file): \(verdict)")
        }
        for (index, entry) in cases.enumerated() {
            let verdict = lines[RepositoryFiles.scenarios.count + index]
            #expect(verdict.hasPrefix("invalid"), "schema accepted \(entry.name)")
            let decoded = try workspace.run(["validate", "case-\(index).json"])
            #expect(decoded.status != 0, "decoder accepted \(entry.name)")
            #expect(decoded.stderr.contains("case-\(index).json: \(entry.path):"), "\(entry.name): \(decoded.stderr)")
        }
    }

    @Test("Seeded random damage to the bundled scenarios: the schema never refuses a document the decoder accepts.",
          .enabled(if: python != nil, "python3 with jsonschema is not installed; .ci/run installs it"))
    func schemaIsNeverStricterThanTheDecoder() throws {
        let workspace = try Workspace("{}")
        // Each bundled scenario as written, and its model with every default written out (so that
        // every field, at its default, is in play).
        var bases = try RepositoryFiles.scenarios.map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) }
        for file in RepositoryFiles.scenarios {
            guard case .object(var fields) = try Scenario.load(file: file).resolvedModel else { continue }
            fields["name"] = .string("resolved")
            bases.append(try JSONSerialization.jsonObject(with: Data(JSONValue.object(fields).compactText.utf8)))
        }
        let replacements: [Any] = [NSNull(), true, 0, 1, -1, 0.5, 2.5, 1e9, "x", "strict", "flat-lock", [Any](), [1], [String: Any](),
                                   ["exponential": ["mean": 1]], ["beta": ["a": 2]], 20, 1e-4]
        var generator = SplitMix64(seed: 2026)
        func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        var files: [String] = []
        var decoderAccepts: [Bool] = []
        for index in 0..<400 {
            let base = bases[pick(bases.count)]
            let places = JSONTree.paths(base)
            let place = places[pick(places.count)]
            let damaged = pick(10) < 7 ? JSONTree.mutated(base, at: place, value: replacements[pick(replacements.count)]) : JSONTree.removing(base, at: place)
            let data = try JSONSerialization.data(withJSONObject: damaged, options: [.sortedKeys, .fragmentsAllowed])
            let file = workspace.folder.appendingPathComponent("damaged-\(index).json")
            try data.write(to: file)
            files.append(file.path)
            decoderAccepts.append((try? Scenario.decode(data, file: file.path)) != nil)
        }
        let verdicts = try schemaVerdicts(files, in: workspace)
        for (index, verdict) in verdicts.enumerated() where decoderAccepts[index] {
            #expect(verdict == "valid", "damaged-\(index).json: the decoder accepts it, the schema says \(verdict)")
        }
        // The damage is real: most of it is refused, by both.
        let refusedByBoth = zip(verdicts, decoderAccepts).filter { $0.hasPrefix("invalid") && !$1 }.count
        #expect(refusedByBoth > 200 && decoderAccepts.filter { $0 }.count > 40, "\(refusedByBoth) refused by both")
    }

    /// What Python's jsonschema says of each file of `workspace` named in `files`, against the schema
    /// `swarmsim schema` prints: "valid", or "invalid" with the first error.
    private func schemaVerdicts(_ files: [String], in workspace: Workspace) throws -> [String] {
        let printed = try workspace.run(["schema"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let schema = workspace.folder.appendingPathComponent("schema.json")
        try Data(printed.stdout.utf8).write(to: schema)
        let script = workspace.folder.appendingPathComponent("validate.py")
        try Data(Self.validator.utf8).write(to: script)
        let verdicts = try run(Self.python!, [script.path, schema.path] + files).split(separator: "\n").map(String.init)
        try #require(verdicts.count == files.count, "\(verdicts)")
        return verdicts
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
