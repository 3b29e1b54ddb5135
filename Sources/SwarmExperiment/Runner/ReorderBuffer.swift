/// Puts back in sequence items that finish out of order: each item goes in with its 0-based sequence
/// number, and `popNext()` hands them out in sequence order, so parallel runs reach the sinks in
/// plan order.
///
/// Invariant: it holds only items that arrived before an earlier one, each with a sequence number
/// at or after `delivered`; its size is bounded by how far ahead of the oldest unfinished item the
/// caller lets work start.
struct ReorderBuffer<Element> {
    /// How many items have come out, which is the sequence number of the next to come out.
    private(set) var delivered = 0
    private var waiting: [Int: Element] = [:]

    /// Takes `element`, the item with sequence number `sequence`. Each number goes in once.
    /// - Complexity: amortized O(1).
    mutating func insert(_ element: Element, at sequence: Int) {
        precondition(sequence >= delivered && waiting[sequence] == nil, "item \(sequence) went in twice")
        waiting[sequence] = element
    }

    /// The next item in sequence, or nil while it has not gone in.
    /// - Complexity: amortized O(1).
    mutating func popNext() -> Element? {
        guard let element = waiting.removeValue(forKey: delivered) else { return nil }
        delivered += 1
        return element
    }
}
