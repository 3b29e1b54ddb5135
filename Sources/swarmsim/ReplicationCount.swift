import ArgumentParser

/// `--replications N`, or `auto`: as many as `--ci-width` needs (see `ReplicationTarget`).
enum ReplicationCount: Equatable, ExpressibleByArgument {
    case count(Int)
    case auto

    init?(argument: String) {
        if argument == "auto" {
            self = .auto
        } else if let count = Int(argument), count >= 1 {
            self = .count(count)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["auto"]) }
}
