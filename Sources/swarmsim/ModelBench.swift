import Foundation
import SwarmModel

/// `swarmsim bench --model`: times whole model runs (the default configuration, one topology and
/// agent count each) and prints the cost per event, so that growth with the number of agents shows.
///
/// The board's coherency cost (`board.hours_per_entry`) is set to 0: with it, flat peers saturate
/// their board past a few dozen agents (F1) and a run has a few hundred events whatever its length.
/// Setting up the world (agents, backlog, codebase) is timed by a run of one simulated minute and
/// left out of the cost per event, which is the engine's marginal cost of simulating.
struct ModelBench {
    let topologies: [TopologyKind]
    let agentCounts: [Int]
    let hours: Double
    let seed: UInt64

    func run() {
        for kind in topologies {
            for agents in agentCounts {
                var config = ModelConfig()
                config.topology.kind = kind
                config.agents.count = agents
                config.board.hoursPerEntry = 0
                let setup = timed(config, hours: 1.0 / 60)
                let full = timed(config, hours: hours)
                let events = full.events - setup.events
                print("\(kind.rawValue) N=\(agents) hours=\(hours) events=\(Int(full.events)) seconds=\(String(format: "%.3f", full.seconds)) "
                    + "setup_seconds=\(String(format: "%.3f", setup.seconds)) "
                    + "ns/event=\(String(format: "%.1f", (full.seconds - setup.seconds) * 1e9 / max(events, 1)))")
            }
        }
    }

    /// The wall-clock seconds and the events of one run of `config` for `hours`.
    private func timed(_ config: ModelConfig, hours: Double) -> (seconds: Double, events: Double) {
        let clock = ContinuousClock()
        var events = 0.0
        let elapsed = clock.measure {
            events = Simulation.run(config, seed: seed, durationHours: hours, sampleEveryHours: hours)[.events] ?? 0
        }
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, events)
    }
}
