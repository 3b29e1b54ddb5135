extension String {
    /// The string with HTML's special characters replaced, so scenario names and descriptions
    /// (user text) cannot break the report's markup, in element text or attribute values alike.
    var htmlEscaped: String {
        var escaped = ""
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
