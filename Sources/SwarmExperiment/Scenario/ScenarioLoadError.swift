import Foundation

/// Why a scenario could not be loaded. Each case prints as lines beginning with the file name, so
/// an editor or a terminal can jump to the file.
public enum ScenarioLoadError: WordedError, Sendable {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The text is not JSON; `detail` is what the decoder said, with a line and column when known.
    case invalidJSON(file: String?, detail: String)
    /// The JSON was read but is not a valid scenario: every problem, each with its path.
    case invalid(ConfigError)

    public func description(in wording: any Wording) -> String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the scenario: \(reason)"
        case .invalidJSON(let file, let detail):
            return (file.map { "\($0): " } ?? "") + "not valid JSON: \(detail)"
        case .invalid(let error):
            return error.description(in: wording)
        }
    }

    /// What is wrong with `data` as JSON. `JSONDecoder` only says that the data is not valid JSON;
    /// `JSONSerialization` names the byte where parsing failed, which becomes a line and column.
    package static func syntaxDetail(of data: Data, decoderError: Error) -> String {
        var detail = "\(decoderError)"
        if case DecodingError.dataCorrupted(let context) = decoderError {
            detail = context.debugDescription
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            guard let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return detail }
            return "\(detail) \(locating(reason, in: data))"
        }
        return detail
    }

    /// `reason` with "character N" (a byte offset) replaced by "line L, column C" (1-based).
    private static func locating(_ reason: String, in data: Data) -> String {
        guard let range = reason.range(of: #"character \d+"#, options: .regularExpression),
              let offset = Int(reason[range].dropFirst("character ".count)) else { return reason }
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
        let column = before.distance(from: lineStart, to: before.endIndex) + 1
        return reason.replacingCharacters(in: range, with: "line \(line), column \(column)")
    }
}
