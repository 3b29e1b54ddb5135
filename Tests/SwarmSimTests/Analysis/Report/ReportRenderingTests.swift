import Foundation
import Testing

/// Renders a report in a real browser, to catch markup a browser will not draw (an SVG error
/// shows as an empty box, which text checks cannot see). Needs Debian's `chromium`, which .ci/run
/// installs; skipped where it is absent.
@Suite struct ReportRenderingTests {
    /// The chromium executable on PATH, if any.
    static let chromium: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").lazy
        .flatMap { directory in ["chromium", "chromium-browser"].map { URL(fileURLWithPath: String(directory)).appendingPathComponent($0) } }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Screenshots `page` with headless chromium and returns the PNG.
    static func screenshot(_ page: URL, in folder: URL) throws -> Data {
        let png = folder.appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".png")
        let process = Process()
        process.executableURL = chromium
        // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,3000",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--screenshot=\(png.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: png)
    }

    /// Screenshots `page` and `bare` (the same page without what is under test, written beside it)
    /// and returns both PNGs.
    static func screenshots(of page: URL, against bare: String, in folder: URL) throws -> (full: Data, bare: Data) {
        let bareFile = folder.appendingPathComponent("bare.html")
        try Data(bare.utf8).write(to: bareFile)
        let full = try screenshot(page, in: folder)
        #expect(full.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        return (full, try screenshot(bareFile, in: folder))
    }

    /// `html` with every chart removed: what the screenshot would be if no SVG drew.
    static func withoutCharts(_ html: String) -> String {
        html.components(separatedBy: "<svg ").enumerated().map { index, part in
            index == 0 ? part : part.components(separatedBy: "</svg>").dropFirst().joined(separator: "</svg>")
        }.joined()
    }

    @Test("chromium draws the report's charts: its screenshot is far larger than the same page without them.",
          .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium); .ci/run installs it"))
    func rendersCharts() throws {
        let workspace = try ReportCommandTests.results()
        #expect(try workspace.run(["report", "out"]).status == 0)
        let html = try workspace.contents("out/report.html")
        let (full, withoutCharts) = try Self.screenshots(of: workspace.folder.appendingPathComponent("out/report.html"),
                                                         against: Self.withoutCharts(html), in: workspace.folder)
        // Compressed size tracks what is drawn: the four charts add about 100 kB
        // to text on white; and a PNG of varied content uses nearly every byte value.
        #expect(full.count > withoutCharts.count + 50_000, "charts added \(full.count - withoutCharts.count) bytes")
        #expect(Set(full).count > 250)
    }

    @Test("chromium draws the charts of sweeps over a parameter other than agents, over two, and over agents and another (agents alone: rendersCharts).",
          .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium); .ci/run installs it"),
          arguments: [SweepReportCommandTests.oneParameter, SweepReportCommandTests.twoParameters, SweepReportCommandTests.agentsAndParameter])
    func rendersSweeps(scenario: String) throws {
        let (workspace, html) = try SweepReportCommandTests.report(scenario)
        let (full, withoutCharts) = try Self.screenshots(of: workspace.folder.appendingPathComponent("out/report.html"),
                                                         against: Self.withoutCharts(html), in: workspace.folder)
        #expect(full.count > withoutCharts.count + 50_000, "charts added \(full.count - withoutCharts.count) bytes")
    }
}
