import Foundation
import SwarmModel
import SwarmExperiment

/// The fuzzing target (scripts/fuzz.sh): libFuzzer hands it bytes, which go through what
/// `swarmsim run` does with a scenario file — decode, plan, simulate — with the first run
/// shortened to at most a day and small swarms only, so that each input takes milliseconds. A
/// refusal is a correct answer; a trap, a sanitizer report or a hang is a finding.
///
/// Built only by scripts/fuzz.sh (Package.swift adds this target when SWARMSIM_FUZZ is set): it
/// needs libFuzzer, linked with lld, and enters through `LLVMFuzzerRunDriver` because Swift
/// gives this executable its own `main`.
func fuzzOne(_ data: Data) {
    guard let scenario = try? Scenario.decode(data), let plan = try? RunPlan(scenario), plan.count > 0 else { return }
    let spec = plan[0]
    guard spec.config.agents.count <= 200,
          spec.config.codebase.areas.multipliedReportingOverflow(by: spec.config.codebase.filesPerArea).partialValue <= 1_000_000
    else { return }
    let hours = min(spec.durationHours, 24)
    let short = RunSpec(scenario: spec.scenario, variant: spec.variant, point: spec.point, parameters: spec.parameters,
                        replicate: spec.replicate, seed: spec.seed, config: spec.config, durationHours: hours,
                        sampleEveryHours: min(spec.sampleEveryHours, hours), maxEvents: 200_000)
    if let result = try? Simulation.run(short, stoppingWhen: { false }) {
        for value in result.summary where !(value.map(\.isFinite) ?? true) {
            fatalError("a run of an accepted scenario measured \(String(describing: value))")
        }
    }
}

typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: TestOneInput
) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
    fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
})
