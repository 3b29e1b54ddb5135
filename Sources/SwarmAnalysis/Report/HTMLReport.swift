import SwarmExperiment

/// The report of a results folder as one self-contained HTML page: inline CSS and SVG, no
/// scripts and no network, so it can be mailed, archived or opened offline and reads the same
/// everywhere. The same folder always gives the same bytes (no dates, fixed number formatting,
/// series in the files' order), so a report can be diffed and committed beside its results.
public enum HTMLReport {
    /// The page for `folder`.
    public static func render(_ folder: ResultsFolder) -> String {
        let name = folder.resolvedText("name")
        var meta = ["swarmsim \(folder.resolvedText("swarmsim_version"))"]
        if case .object(let plan)? = folder.resolvedField("plan") {
            if case .number(let runs)? = plan["runs"] { meta.append("\(readableNumber(runs)) runs") }
            if case .number(let replicates)? = plan["replicates"] { meta.append("\(readableNumber(replicates)) replicates per point") }
        }
        if case .number(let hours)? = folder.resolvedField("duration_hours") { meta.append("\(readableNumber(hours)) simulated hours each") }
        return page(title: "swarmsim report: \(name)", description: folder.resolvedText("description"), body: """
            <p class="meta">\(meta.joined(separator: " · ").htmlEscaped)</p>
            \(scalingSection(folder))
            \(timeAllocationSection(folder))
            \(driftSection(folder))
            \(expectationsSection(folder))
            """)
    }

    /// A whole page: `title` as its title and heading, `description` below it, then `body` (HTML).
    static func page(title: String, description: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(title.htmlEscaped)</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>\(title.htmlEscaped)</h1>
        <p>\(description.htmlEscaped)</p>
        \(body)
        </body>
        </html>

        """
    }

    /// One `<section>` with a heading, an explanation of how to read it, and its content.
    static func section(_ id: String, _ heading: String, caption: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(heading.htmlEscaped)</h2>\n<p class=\"caption\">\(caption.htmlEscaped)</p>\n\(content)\n</section>"
    }

    /// An HTML table of `rows` under `header`; cells are escaped here.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let head = "<tr>" + header.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr>"
        let body = rows.map { "<tr>" + $0.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>" }
        return (["<table>", head] + body + ["</table>"]).joined(separator: "\n")
    }

    /// The mean of the defined values; nil when none is. When the sum overflows (values near the
    /// largest double, in an edited file) the values are divided before they are added.
    static func mean(_ values: [Double?]) -> Double? {
        let defined = values.compactMap { $0 }.filter(\.isFinite)
        guard !defined.isEmpty else { return nil }
        let count = Double(defined.count)
        let sum = defined.reduce(0, +)
        return sum.isFinite ? sum / count : defined.reduce(0) { $0 + $1 / count }
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:760px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
        h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
        .meta,.caption{color:#555;font-size:.9em}
        table{border-collapse:collapse;margin:1em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
        svg{display:block;max-width:100%;height:auto;margin:1em 0}svg text{font-size:12px;fill:#222}svg .title{font-size:13px}
        svg .grid{stroke:#e4e4e4;fill:none}svg .axis{stroke:#333;fill:none}
        """
}
