extension ResultsWriter {
    /// usl.csv's fit columns, in order: how much the fit rests on, then each parameter beside its
    /// standard error, then the peak, then how well the law fits (R-squared, RMSE). Named as
    /// `swarmsim fit` names them (`USLFitColumn`).
    public static let uslFitColumns: [USLFitColumn] = [.points, .gamma, .gammaSE, .sigma, .sigmaSE, .kappa, .kappaSE, .peakN, .rSquared, .rmse]

    /// usl.csv's columns: a scaling curve's identity (aggregate.csv's columns that tell curves
    /// apart: variant, topology and the parameter columns other than agents.count), then its fit.
    public static func uslHeader(_ plan: RunPlan) -> [String] {
        uslHeader(aggregateHeader: aggregateHeader(plan))
    }

    /// usl.csv's columns for an aggregate.csv with `header`.
    private static func uslHeader(aggregateHeader header: [String]) -> [String] {
        ScalingCurve.identityColumns(of: header).map { header[$0] } + uslFitColumns.map(\.rawValue)
    }

    /// Writes usl.csv: the Universal Scalability Law fitted to the throughput means of each
    /// scaling curve of aggregate.csv (`rows`, as written under `header`) that has at least 3
    /// distinct agent counts, one row per curve in order of its first row, so variants in plan
    /// order, then sweep points in plan order. The curves and fits are the report's
    /// (`ScalingCurve`), so the file states what the report draws. With no such curve (agents not
    /// swept) it is the header alone, so scripts can always open it. Throws only for means too large
    /// to fit, which no simulation gives: the file is then not written rather than wrong.
    static func writeUSL(aggregateHeader header: [String], rows: [[CSVCell]], to output: inout some TextOutputStream) throws(CSVInputError) {
        CSVWriter.writeHeader(uslHeader(aggregateHeader: header), to: &output)
        let identity = ScalingCurve.identityColumns(of: header)
        let table = CSVTable(header: header, rows: rows.map { $0.map(\.field) }, file: ResultsWriter.aggregateFile)
        for curve in try ScalingCurve.curves(in: table) {
            guard let fit = curve.fit else { continue }
            let first = rows[curve.rows[0]]
            CSVWriter.writeRow(identity.map { first[$0] } + uslFitColumns.map { $0.cell(fit) }, to: &output)
        }
    }
}
