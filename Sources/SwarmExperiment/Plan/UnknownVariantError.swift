/// A plan was asked to run variants the scenario does not have (`RunPlan(_:selecting:)`): each
/// label asked for in vain, the closest label there is, and every label there is. A front end
/// names the request its own way (the CLI: `--variant tow`) through a `Wording`.
public struct UnknownVariantError: WordedError, Sendable, Equatable {
    /// One label that names no variant.
    public struct Label: Sendable, Equatable {
        public let label: String
        /// The known label closest in spelling, when one is close.
        public let suggestion: String?
    }

    /// The labels that name no variant, in the order asked.
    public let unknown: [Label]
    /// The scenario's labels, in the order written.
    public let known: [String]

    /// One line per unknown label: `variant "tow": no such variant; did you mean "two"? (variants: one, two)`.
    public func description(in wording: any Wording) -> String {
        unknown.map { label in
            let hint = label.suggestion.map { "did you mean \"\($0)\"? " } ?? ""
            return "\(wording.variantChoice(label.label)): no such variant; \(hint)(variants: \(known.joined(separator: ", ")))"
        }.joined(separator: "\n")
    }
}

extension UnknownVariantError {
    /// The error for `labels` among `known`, nil when every label is known.
    init?(labels: [String], known: [String]) {
        let unknown = labels.filter { !known.contains($0) }.map { Label(label: $0, suggestion: closestMatch(to: $0, among: known)) }
        guard !unknown.isEmpty else { return nil }
        self.init(unknown: unknown, known: known)
    }
}
