import Foundation

extension JSONValue {
    /// Indented JSON with sorted keys and a final newline: byte-identical for equal values, in any
    /// process, so resolved scenarios can be compared with `cmp` and `diff`.
    public var prettyText: String {
        text(formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + "\n"
    }

    /// One-line JSON with sorted keys, for a value inside a CSV cell or a message.
    public var compactText: String {
        text(formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// A string's own text, anything else as `compactText`: how a parameter value reads in a
    /// table or a message (`commits.policy=strict`).
    public var plainText: String {
        stringValue ?? compactText
    }

    private func text(formatting: JSONEncoder.OutputFormatting) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        // A decoded document holds only finite numbers; should NaN slip in, it prints as "nan"
        // rather than failing, which is what makes the `try!` safe.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
