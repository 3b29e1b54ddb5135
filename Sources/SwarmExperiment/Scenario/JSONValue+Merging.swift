import SwarmKernel

/// Deep merging and path access on JSON documents: how a variant, a sweep point or a `--set`
/// changes a scenario's model sections without restating the rest.
extension JSONValue {
    /// `overlay` laid over this value. Objects merge key by key, recursively; any other overlay
    /// value (a number, a string, an array, null) replaces what lies beneath.
    ///
    /// One exception keeps distributions whole: an object naming one distribution family
    /// (`{"exponential": {"mean": 2}}`) replaces an object naming another family instead of merging
    /// into it, since a distribution with two families is meaningless. Objects of the same family
    /// merge, so `{"beta": {"a": 3}}` over `{"beta": {"a": 2, "b": 5}}` keeps `b`.
    public func merging(_ overlay: JSONValue) -> JSONValue {
        guard case .object(let base) = self, case .object(let top) = overlay else { return overlay }
        if let below = base.distributionFamily, let above = top.distributionFamily, below != above {
            return overlay
        }
        var merged = base
        for (key, value) in top {
            merged[key] = base[key].map { $0.merging(value) } ?? value
        }
        return .object(merged)
    }

    /// This value with `overlay` merged (see `merging(_:)`) at `path`, creating the objects on the
    /// way where they are missing or are not objects.
    public func merging(_ overlay: JSONValue, at path: some Collection<String>) -> JSONValue {
        guard let key = path.first else { return merging(overlay) }
        var fields: [String: JSONValue] = [:]
        if case .object(let existing) = self { fields = existing }
        fields[key] = (fields[key] ?? .object([:])).merging(overlay, at: path.dropFirst())
        return .object(fields)
    }

    /// The value at `path` (object keys from this value down); nil when some key is missing or a
    /// value on the way is not an object.
    public func value(at path: some Collection<String>) -> JSONValue? {
        var node = self
        for key in path {
            guard case .object(let fields) = node, let next = fields[key] else { return nil }
            node = next
        }
        return node
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The family an object names when it is written as a distribution: its only key, when that
    /// key is a family name.
    var distributionFamily: String? {
        guard count == 1, let key = keys.first, Distribution.familyNames.contains(key) else { return nil }
        return key
    }
}
