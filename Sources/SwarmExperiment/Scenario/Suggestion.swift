/// The end of a message about a name that matches nothing: `; did you mean "count"?` when one
/// candidate is close enough to be a likely misspelling, otherwise the list of candidates under
/// `heading` (` (known keys: a, b)`), so the user always learns what to type instead.
func suggestion(for word: String, among candidates: [String], heading: String) -> String {
    closestMatch(to: word, among: candidates).map { "; did you mean \"\($0)\"?" }
        ?? " (\(heading): \(candidates.joined(separator: ", ")))"
}
