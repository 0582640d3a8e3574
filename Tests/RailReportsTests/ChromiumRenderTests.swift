import Foundation
import RailDomain
import RailReports
import Testing

/// The Pingxiang diagram rendered by a real browser (headless Chromium, Debian's `chromium`):
/// from the rendered DOM, every scheduled train has a drawn path of positive length inside the
/// plot area. `.ci/run` installs Chromium.
@Suite("diagram in Chromium")
struct ChromiumRenderTests {
    struct Measured: Decodable {
        struct Box: Decodable { var x, y, w, h: Double }
        struct TrainPath: Decodable {
            var train: String
            var length: Double
            var box: Box
            var screenWidth: Double
            var screenHeight: Double
        }
        var plot: Box
        var trains: [TrainPath]
    }

    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Reads the boxes after layout and writes them into the page, where --dump-dom shows them.
    static let probe = """
        <pre id="result"></pre>
        <script>
        const plot = document.getElementById('plot-area').getBBox();
        const trains = [];
        for (const group of document.querySelectorAll('g.train')) {
          const path = group.querySelector('polyline.train-path');
          const box = path.getBBox(), screen = path.getBoundingClientRect();
          trains.push({ train: group.getAttribute('data-train'), length: path.getTotalLength(),
                        box: { x: box.x, y: box.y, w: box.width, h: box.height },
                        screenWidth: screen.width, screenHeight: screen.height });
        }
        document.getElementById('result').textContent =
          JSON.stringify({ plot: { x: plot.x, y: plot.y, w: plot.width, h: plot.height }, trains });
        </script>
        """

    @Test func everyTrainIsDrawnInsideThePlot() throws {
        guard let browser = Self.browser else {
            Issue.record("Chromium is not installed: apt-get install -y chromium (.ci/run installs it)")
            return
        }
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        let html = TimetableDiagram.html(schedule, instance: instance).replacingOccurrences(of: "</body>", with: Self.probe + "</body>")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("railslot-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("plan.html")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let dom = try Self.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.path)/profile",
                                         "--virtual-time-budget=5000", "--dump-dom", page.absoluteString])
        let start = try #require(dom.range(of: "<pre id=\"result\">"), "no result in the rendered DOM:\n\(dom.prefix(400))")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let measured = try JSONDecoder().decode(Measured.self, from: Data(json.utf8))

        let scheduled = schedule.trains.filter(\.scheduled).map(\.train.rawValue)
        #expect(measured.trains.map(\.train) == scheduled)
        #expect(measured.plot.w > 1000 && measured.plot.h > 300)
        let slack = 1.0
        for path in measured.trains {
            #expect(path.length > 0, "\(path.train) has no length")
            #expect(path.screenWidth > 0, "\(path.train) is not on screen")
            #expect(path.box.x >= measured.plot.x - slack && path.box.x + path.box.w <= measured.plot.x + measured.plot.w + slack,
                    "\(path.train) leaves the plot across: \(path.box)")
            #expect(path.box.y >= measured.plot.y - slack && path.box.y + path.box.h <= measured.plot.y + measured.plot.h + slack,
                    "\(path.train) leaves the plot down: \(path.box)")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
