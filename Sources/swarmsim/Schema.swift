import ArgumentParser
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of scenario files, for editors to complete and document them.",
            discussion: """
                The schema comes from the scenario decoder itself, with each field's type, bounds, default \
                and description. Save it and point your editor at it, e.g. in VS Code settings: \
                "json.schemas": [{"fileMatch": ["scenarios/*.json"], "url": "./scenario.schema.json"}], \
                or name it in a scenario with "$schema": "./scenario.schema.json" (swarmsim ignores that key). \
                Some checks need the whole scenario (a swept value valid at its path, a label an expectation \
                names, distributions whose draws stay in range): swarmsim validate makes them.
                """
        )

        func run() {
            print(ScenarioSchema.document.prettyText, terminator: "")
        }
    }
}
