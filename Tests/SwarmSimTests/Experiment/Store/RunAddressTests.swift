import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct RunAddressTests {
    /// A spec with a small model document, so its canonical text can be written out in full.
    private func spec(variant: String = "flat", seed: UInt64 = .max, count: Double = 2, model: JSONValue? = nil) throws -> RunSpec {
        let config = try StoreFixtures.plan()[0].config
        return RunSpec(
            scenario: "store demo", variant: variant, point: 1, parameters: [.init(path: "agents.count", value: .number(count))],
            replicate: 0, seed: seed, config: config,
            model: ResolvedModel(model ?? .object(["agents": .object(["count": .number(count)]), "work": .object(["noise": .number(0.1)])])),
            durationHours: 8, sampleEveryHours: 0.5)
    }

    @Test("The address is the SHA-256 of JSON with sorted keys, shortest numbers, the model's digest and the seed as a decimal string.")
    func canonicalEncoding() throws {
        let spec = try spec()
        let text = RunAddress.canonicalDocument(of: spec).compactText
        let model = #"{"agents":{"count":2},"work":{"noise":0.1}}"#
        #expect(spec.model?.text == model)
        #expect(text == #"{"duration_hours":8,"model":""# + SHA256.hex(model.utf8) + #"","parameters":{"agents.count":2},"#
            + #""sample_every_hours":0.5,"scenario":"store demo","seed":"18446744073709551615","swarmsim_version":""#
            + SwarmSimVersion.build + #"","variant":"flat"}"#)
        #expect(RunAddress(spec).hex == SHA256.hex(text.utf8))
        #expect(RunAddress(spec).hex.count == 64)
    }

    @Test("One run planned twice, from two decodings of its scenario, has one address.")
    func stableAcrossDecodings() throws {
        let first = try StoreFixtures.plan()
        let second = try StoreFixtures.plan()
        #expect(first.map(RunAddress.init) == second.map(RunAddress.init))
    }

    @Test("Runs that differ in variant, seed, parameters or model have different addresses.")
    func differentRunsDiffer() throws {
        let base = try RunAddress(spec())
        #expect(try RunAddress(spec(variant: "pw")) != base)
        #expect(try RunAddress(spec(seed: 1)) != base)
        #expect(try RunAddress(spec(count: 3)) != base)
        #expect(try RunAddress(spec(model: .object(["agents": .object(["count": .number(2)])]))) != base)
        let plan = try StoreFixtures.plan()
        #expect(Set(plan.map(RunAddress.init)).count == plan.count)
        let reseeded = try StoreFixtures.plan(settings: ["seed=2"])
        #expect(Set(plan.map(RunAddress.init)).isDisjoint(with: reseeded.map(RunAddress.init)))
    }
}
