/// How messages name what a user gives or can do: a setting, a chosen variant, a choice among a
/// run store's scenarios, the store runs go to, the command that records runs.
///
/// What goes where: the library writes each message once, in terms of these names, and carries
/// the facts as types (`Setting.Origin`, the labels of an `UnknownVariantError`...); a front end
/// supplies the names. `PlainWording` says them in words and is what `description` uses; the CLI
/// says them as its flags (`CommandLineWording`). So flag spellings never enter the library, and
/// renaming a flag changes a message, never a result or a store.
public protocol Wording: Sendable {
    /// A setting of the dotted `path`, given as `origin`: `setting agents.count`.
    func setting(_ path: String, from origin: Setting.Origin) -> String
    /// A request to run only the variant labelled `label`: `variant "two"`.
    func variantChoice(_ label: String) -> String
    /// How to pick one of a store's scenarios, completing "choose one with ...".
    var scenarioChoice: String { get }
    /// The store `file` as where a run records its runs, completing "run the scenario with ...".
    func storeChoice(_ file: String) -> String
    /// What records runs into the store `file`, as a phrase that can stand for an action.
    func recordingCommand(_ file: String) -> String
    /// How to ask for an output folder's results to be replaced, completing "... or ... to replace them".
    var replaceChoice: String { get }
    /// A request to fit the parameter at `path` on a log scale: `log scale for agents.count`.
    func logScale(_ path: String) -> String
    /// A condition picking runs whose parameter has a value, given as `PATH=VALUE`: `condition agents.count=20`.
    func runCondition(_ assignment: String) -> String
    /// A request for replicate `replicate` (from 1): `replicate 3`.
    func replicateChoice(_ replicate: Int) -> String
}

/// The library's own names, free of any front end's syntax.
public struct PlainWording: Wording {
    public init() {}

    public func setting(_ path: String, from origin: Setting.Origin) -> String {
        switch origin {
        case .assignment, .seed, .replications: "setting \(path)"
        case .adaptiveReplications: "setting \(path) (chosen adaptively)"
        case .recorded: "recorded setting \(path)"
        case .factorDraw: "drawn value of factors.\(path)"
        case .fitted: "fitted parameter \(path)"
        }
    }

    public func variantChoice(_ label: String) -> String {
        "variant \"\(label)\""
    }

    public var scenarioChoice: String { "its name or address" }

    public func storeChoice(_ file: String) -> String {
        "\(file) as the store"
    }

    public func recordingCommand(_ file: String) -> String {
        "running a scenario with \(file) as the store"
    }

    public var replaceChoice: String { "ask for it" }
    public func logScale(_ path: String) -> String {
        "log scale for \(path)"
    }

    public func runCondition(_ assignment: String) -> String {
        "condition \(assignment)"
    }

    public func replicateChoice(_ replicate: Int) -> String {
        "replicate \(replicate)"
    }
}
