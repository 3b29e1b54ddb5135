extension ResultsWriter {
    /// One run's lines of runs.csv and timeseries.csv, as written. Formatting every number of every
    /// sample is most of what the writer does per run; a job computes them after simulating the run
    /// (`RunPreparation.csvRows`), so the writer, which runs once for every job, only appends them.
    struct Rows: Sendable {
        /// runs.csv's line, with its line ending.
        let runs: String
        /// timeseries.csv's lines, one per sample, each with its line ending.
        let timeseries: String

        /// The lines of `run`.
        init(_ run: CompletedRun) {
            let row = ResultsWriter.runsRow(run)
            let parameters = row.parameters.map(\.cell)
            var runs = ""
            CSVWriter.writeRow(row.identity + parameters + row.metrics, to: &runs)
            // run_id, variant, replicate and agents, as in runs.csv.
            let identity = [row.identity[0], row.identity[2], row.identity[4], row.identity[6]] + parameters
            var timeseries = ""
            for sample in run.result.samples {
                CSVWriter.writeRow(identity + sample.map(CSVCell.number), to: &timeseries)
            }
            self.runs = runs
            self.timeseries = timeseries
        }
    }
}
