/// The content address of a run: the SHA-256 (lowercase hex) of a canonical encoding of all that
/// determines its result and its identity. Equal addresses mean the same run, so a run store keeps
/// one result per address and a sweep restarted with the same command finds its runs done, in any
/// process and on any machine.
///
/// The encoding (`canonicalDocument`) is JSON with sorted keys and numbers in shortest round-trip
/// form (`JSONValue.compactText`) of: the scenario name, the variant label, the SHA-256 of the resolved
/// model's canonical text (`ResolvedModel`: every default filled in), the parameters, the replicate's
/// seed, duration_hours, sample_every_hours and the swarmsim version with the engine fingerprint
/// (`SwarmSimVersion.build`), so that a changed simulator never finds an old engine's results. The
/// replicate and sweep point indices are left out: the seed and the model already tell runs apart,
/// and a run is the same run wherever it sits in a plan.
public struct RunAddress: Hashable, Sendable, CustomStringConvertible {
    /// 64 lowercase hexadecimal digits.
    public let hex: String

    /// The address of `spec`, which must carry its resolved model (specs from a `RunPlan` do).
    public init(_ spec: RunSpec) {
        hex = SHA256.hex(RunAddress.canonicalDocument(of: spec).compactText.utf8)
    }

    /// The address `hex`, as a store holds it.
    init(hex: String) {
        self.hex = hex
    }

    public var description: String { hex }

    /// What is hashed. The seed is a decimal string: seeds use all 64 bits, and a JSON number is a
    /// double. Parameters are an object keyed by dotted path (a plan never repeats a path).
    static func canonicalDocument(of spec: RunSpec) -> JSONValue {
        guard let model = spec.model else {
            preconditionFailure("run \(spec.variant) #\(spec.replicate) has no resolved model to address it by")
        }
        return .object([
            "scenario": .string(spec.scenario),
            "variant": .string(spec.variant),
            "model": .string(model.digest),
            "parameters": parametersDocument(spec.parameters),
            "seed": .string(String(spec.seed)),
            "duration_hours": .number(spec.durationHours),
            "sample_every_hours": .number(spec.sampleEveryHours),
            "swarmsim_version": .string(SwarmSimVersion.build),
        ])
    }

    /// `parameters` as an object keyed by dotted path, as the address and the store hold them.
    static func parametersDocument(_ parameters: [RunSpec.Parameter]) -> JSONValue {
        .object(Dictionary(parameters.map { ($0.path, $0.value) }, uniquingKeysWith: { _, last in last }))
    }
}
