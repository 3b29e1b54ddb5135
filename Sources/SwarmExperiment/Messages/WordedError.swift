/// An error whose message names what the user gave through a `Wording`, so that each front end
/// can say it in its own terms; `description` says it in `PlainWording`.
public protocol WordedError: Error, CustomStringConvertible {
    /// The message, naming settings, variants and stores as `wording` does.
    func description(in wording: any Wording) -> String
}

extension WordedError {
    public var description: String {
        description(in: PlainWording())
    }
}
