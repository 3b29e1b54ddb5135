/// A run's model configuration as canonical text (every default filled in, sorted keys, shortest
/// numbers) with its SHA-256: what a run store keeps and what a run's address names. Computed once
/// per variant x sweep point and shared by its runs, so addressing a run costs a hash of a few
/// hundred bytes rather than an encoding of the whole model.
public struct ResolvedModel: Sendable, Equatable {
    public let text: String
    /// SHA-256 of `text`, 64 lowercase hexadecimal digits.
    public let digest: String

    public init(_ document: JSONValue) {
        text = document.compactText
        digest = SHA256.hex(text.utf8)
    }
}
