import Foundation
import Testing

/// `railslot diagram`, `railslot compare`, `solve --diagram` and the text table on a terminal.
@Suite("diagram, compare and terminal output")
struct OutputCommandTests {
    static let line = "examples/basics/line.yaml"
    static let lineTimetable = "examples/basics/line.timetable.json"

    @Test func compareExitsZeroWhenIdenticalOneWhenNotTwoOnBadInput() throws {
        let same = try CLIRunner.run(["compare", Self.lineTimetable, Self.lineTimetable])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.hasPrefix("identical"))

        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The same plan with F1 leaving five minutes later everywhere (07:00 → 07:05 at A, and on).
        var moved = try String(contentsOfFile: CLIRunner.path(Self.lineTimetable), encoding: .utf8)
        for (old, new) in [("07:00+08:00", "07:05+08:00"), ("07:30+08:00", "07:35+08:00"), ("07:32+08:00", "07:37+08:00"),
                           ("07:52+08:00", "07:57+08:00"), ("08:22+08:00", "08:27+08:00"), ("07:32+07:00", "07:37+07:00"),
                           ("07:52+07:00", "07:57+07:00"), ("08:32+07:00", "08:37+07:00")] {
            #expect(moved.contains(old))
            moved = moved.replacingOccurrences(of: old, with: new)
        }
        let b = directory.appendingPathComponent("b.json").path
        try moved.write(toFile: b, atomically: true, encoding: .utf8)
        let differs = try CLIRunner.run(["compare", Self.lineTimetable, b])
        #expect(differs.status == 1)
        #expect(differs.stdout.split(separator: "\n").filter { $0.hasPrefix("F1:") } == ["F1: departs +5 min"], "\(differs.stdout)")

        let json = try CLIRunner.run(["compare", Self.lineTimetable, b, "--instance", Self.line, "--format", "json"])
        #expect(json.status == 1)
        let tree = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(tree?["identical"] as? Bool == false)
        #expect((tree?["kpis"] as? [String: Any])?["objective"] != nil)

        let missing = try CLIRunner.run(["compare", directory.appendingPathComponent("gone.json").path, directory.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("gone.json") && missing.stderr.contains("none.json"))
    }

    @Test(arguments: ["svg", "html"])
    func diagramCommandWritesAPicture(_ kind: String) throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("plan.\(kind)").path
        let outcome = try CLIRunner.run(["diagram", Self.line, Self.lineTimetable, "-o", output])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(kind == "svg" ? text.hasPrefix("<svg") : text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("data-train=\"F1\""))
    }

    @Test func diagramRefusesAnotherInstancesTimetable() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("plan.svg").path
        let outcome = try CLIRunner.run(["diagram", Self.line, "examples/basics/meet.timetable.json", "-o", output])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("is a timetable of \"basics-meet\""))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func solveDrawsTheDiagramAlongside() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.json").path, picture = directory.appendingPathComponent("plan.svg").path
        let outcome = try CLIRunner.run(["solve", "examples/basics/meet.yaml", "-o", plan, "--diagram", picture, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let svg = try String(contentsOfFile: picture, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"train\"").count == 1 + 3)
    }

    /// On a terminal (a pseudo-terminal from `script`), solve prints the text table, in colour
    /// unless NO_COLOR is set.
    @Test(arguments: [false, true])
    func terminalGetsTheTableAndColourUnlessNoColor(_ noColour: Bool) throws {
        let command = "\(noColour ? "NO_COLOR=1" : "env -u NO_COLOR") COLUMNS=100 '\(CLIRunner.executable.path)' solve examples/basics/meet.yaml --quiet"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLIRunner.root
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("TRAIN"))
        #expect(text.contains("\u{1B}[") == !noColour)
    }
}
