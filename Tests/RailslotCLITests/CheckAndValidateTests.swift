import Foundation
import Testing

@Suite("railslot check and validate, end to end")
struct CheckAndValidateTests {
    @Test func helpDocumentsExitStatuses() throws {
        let outcome = try CLIRunner.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Exit status: 0 valid"))
        #expect(outcome.stdout.contains("check"))
        #expect(outcome.stdout.contains("validate"))
    }

    @Test(arguments: ["examples/basics/line.yaml", "examples/pingxiang/pingxiang-2026-12-01.yaml"])
    func checkSucceedsOnExamples(_ file: String) throws {
        let outcome = try CLIRunner.run(["check", file])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains(": valid"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func checkListsEveryProblemOnStderr() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = try String(contentsOfFile: CLIRunner.path("examples/basics/line.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "route: [A, B, C, D, E]", with: "route: [A, B, PXX, D, E]")
            .replacingOccurrences(of: "headway_minutes: 10", with: "headway_minutes: -10")
        let file = directory.appendingPathComponent("bad.yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["check", file])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("trains[0].route[2]: unknown station \"PXX\""))
        #expect(outcome.stderr.contains("sections[2].headway_minutes: -10 is out of range"))
    }

    @Test func checkRejectsMissingAndGarbageFiles() throws {
        #expect(try CLIRunner.run(["check", "no/such/file.yaml"]).status == 2)
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("garbage.json")
        try Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761) }).write(to: file)
        let outcome = try CLIRunner.run(["check", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot be read as JSON"))
    }

    @Test func validateAcceptsTheHandCheckedTimetable() throws {
        let outcome = try CLIRunner.run(["validate", "examples/basics/line.yaml", "examples/basics/line.timetable.json"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout == "valid: 4 of 5 trains scheduled, status feasible, objective 100177\n")
    }

    @Test func validateReportsViolationsWithExitOne() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = try String(contentsOfFile: CLIRunner.path("examples/basics/line.timetable.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"track\": \"B2\"", with: "\"track\": \"B1\"")
            .replacingOccurrences(of: "\"objective\": 100177", with: "\"objective\": 5")
        let file = directory.appendingPathComponent("broken.json").path
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let text = try CLIRunner.run(["validate", "examples/basics/line.yaml", file])
        #expect(text.status == 1)
        #expect(text.stdout.contains("[objective, spec 5–6] the timetable claims objective 5; its times cost 100177"))
        #expect(text.stdout.contains("[fixed, spec 4.8] fixed train P1 stands on B1 at B, not on its given B2"))
        let json = try CLIRunner.run(["validate", "examples/basics/line.yaml", file, "--format", "json"])
        #expect(json.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(parsed?["valid"] as? Bool == false)
        #expect(parsed?["recomputed_objective"] as? Int == 100_177)
        #expect((parsed?["violations"] as? [[String: Any]])?.count == 2)
    }

    @Test func validateRejectsAnUnreadableTimetable() throws {
        let outcome = try CLIRunner.run(["validate", "examples/basics/line.yaml", "examples/basics/line.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot be read as JSON"))
    }
}
