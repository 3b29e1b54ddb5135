/// The runner's view of a `RunCache`'s look-ups: the addresses and stored flags of the next
/// `ExperimentRunner.lookAhead` runs, asked for in one call when the runner reaches them, so the
/// cache answers a few queries per sweep instead of one per run, and memory stays bounded.
struct CacheLookups {
    private let cache: (any RunCache)?
    private var first = 0
    private var entries: [(address: RunAddress, stored: Bool)] = []

    init(cache: (any RunCache)?) {
        self.cache = cache
    }

    /// The look-up of the run at `sequence` (of `count`), nil without a cache. When it is not
    /// held, asks the cache about the runs from `sequence` on, `specs` giving the specs of a range
    /// of sequences.
    mutating func entry(_ sequence: Int, count: Int, specs: (Range<Int>) -> [RunSpec]) throws -> (address: RunAddress, stored: Bool)? {
        guard let cache else { return nil }
        if !(first..<first + entries.count).contains(sequence) {
            first = sequence
            entries = try cache.addresses(of: specs(sequence..<min(count, sequence + ExperimentRunner.lookAhead)))
        }
        return entries[sequence - first]
    }
}

extension ExperimentRunner {
    /// How many runs ahead the runner asks its cache about at once.
    static let lookAhead = 500
}
