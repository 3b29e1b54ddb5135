import SwarmExperiment

/// The library's messages as a command-line user reads them: settings, variants and stores named
/// by the flags that give them. The library carries those facts as types and words its messages
/// through a `Wording`; this is the one place that knows the flags' spellings for messages (the
/// options themselves are declared in `ScenarioOptions` and the commands).
struct CommandLineWording: Wording {
    func setting(_ path: String, from origin: Setting.Origin) -> String {
        switch origin {
        case .assignment: "--set \(path)"
        case .seed: "--seed"
        case .replications: "--replications"
        case .adaptiveReplications: "--replications auto"
        case .recorded, .factorDraw: PlainWording().setting(path, from: origin)
        case .fitted: "--fit \(path)"
        }
    }

    func variantChoice(_ label: String) -> String {
        "--variant \(label)"
    }

    var scenarioChoice: String { "--scenario NAME or ADDRESS" }

    func storeChoice(_ file: String) -> String {
        "--db \(file)"
    }

    func recordingCommand(_ file: String) -> String {
        "swarmsim run SCENARIO --db \(file)"
    }

    var replaceChoice: String { "give --force" }
    func logScale(_ path: String) -> String {
        "--log \(path)"
    }

    func runCondition(_ assignment: String) -> String {
        "--where \(assignment)"
    }

    func replicateChoice(_ replicate: Int) -> String {
        "--replicate \(replicate)"
    }
}
