import GRDB

extension RunStore {
    /// Runs of the scenario named `scenario` that another build made (another version or engine
    /// fingerprint, `SwarmSimVersion.build`): how many per build, ordered by build. Their addresses
    /// differ from any this build computes, so they are kept but never returned as this build's.
    public func runsOfOtherBuilds(scenario: String) throws(RunStoreError) -> [(build: String, runs: Int)] {
        try reading { db in
            try Row.fetchAll(
                db, sql: "SELECT swarmsim_version, count(*) FROM runs WHERE scenario = ? AND swarmsim_version != ? GROUP BY 1 ORDER BY 1",
                arguments: [scenario, SwarmSimVersion.build]
            ).map { (build: $0[0], runs: $0[1]) }
        }
    }
}
