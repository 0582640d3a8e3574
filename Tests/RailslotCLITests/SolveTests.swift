import Foundation
import Testing

@Suite("railslot solve, end to end")
struct SolveTests {
    @Test(arguments: ["json", "csv", "text", "railml"])
    func solvesTheMeetExample(format: String) throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("plan.\(format)").path
        let outcome = try CLIRunner.run(["solve", "examples/basics/meet.yaml", "-o", output, "--format", format, "--time-limit", "30"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("optimal: 3/3 trains, objective 20"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        switch format {
        case "json":
            let validated = try CLIRunner.run(["validate", "examples/basics/meet.yaml", output])
            #expect(validated.status == 0, "\(validated.stdout)")
        case "csv":
            #expect(text.hasPrefix("train,scheduled,stop,station,arrival,departure,dwell_minutes,track,customs,border_slots,lateness_minutes,reason\n"))
            #expect(text.split(separator: "\n").count == 1 + 3 * 3)
        case "railml":
            #expect(text.contains("<railml xmlns=\"http://www.railml.org/schemas/2013\""))
            #expect(text.components(separatedBy: "<trainPart ").count == 1 + 3)
        default:
            #expect(text.hasPrefix("basics-meet: optimal, objective 20"))
        }
    }

    @Test func infeasibleInstanceExitsWithThreeAndExplains() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // W1 may only leave X after the horizon allows it to arrive: no timetable runs it.
        let yaml = try String(contentsOfFile: CLIRunner.path("examples/basics/meet.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "earliest_departure: \"2026-12-01T01:10Z\"", with: "earliest_departure: \"2026-12-01T04:30Z\"")
        let instance = directory.appendingPathComponent("late.yaml").path
        try yaml.write(toFile: instance, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("plan.json").path
        let outcome = try CLIRunner.run(["solve", instance, "-o", output, "--quiet"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("W1 cannot reach W before the horizon ends"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"status\": \"infeasible\""))
    }

    /// `--start`: a valid timetable is the plan's first best; one that breaks a rule is ignored
    /// with a note naming the rule; an unreadable one is bad input (exit 2).
    @Test func startsFromAGivenTimetable() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let started = try CLIRunner.run(["solve", "examples/basics/meet.yaml", "--start", "examples/basics/meet.timetable.json",
                                         "-o", directory.appendingPathComponent("plan.json").path, "--time-limit", "30"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stderr.contains("optimal: 3/3 trains, objective 20"))
        #expect(!started.stderr.contains("note:"))
        // E1 and E2 leaving W at 00:59, before their earliest departure.
        let broken = try String(contentsOfFile: CLIRunner.path("examples/basics/meet.timetable.json"), encoding: .utf8)
            .replacingOccurrences(of: "{ \"station\": \"W\", \"departure\": \"2026-12-01T01:00+00:00\" }",
                                  with: "{ \"station\": \"W\", \"departure\": \"2026-12-01T00:59+00:00\" }")
        let brokenPath = directory.appendingPathComponent("broken.json").path
        try broken.write(toFile: brokenPath, atomically: true, encoding: .utf8)
        let ignored = try CLIRunner.run(["solve", "examples/basics/meet.yaml", "--start", brokenPath,
                                         "-o", directory.appendingPathComponent("plan2.json").path, "--time-limit", "30"])
        #expect(ignored.status == 0, "\(ignored.stderr)")
        #expect(ignored.stderr.contains("note: the starting timetable breaks"), "\(ignored.stderr)")
        #expect(ignored.stderr.contains("optimal: 3/3 trains, objective 20"))
        let unreadable = try CLIRunner.run(["solve", "examples/basics/meet.yaml", "--start", "examples/basics/meet.yaml", "--quiet"])
        #expect(unreadable.status == 2)
    }

    @Test func invalidInputWritesNothing() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("plan.json").path
        try "keep me\n".write(toFile: output, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["solve", "examples/basics/line.timetable.json", "-o", output])
        #expect(outcome.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me\n")
        #expect(try CLIRunner.run(["solve", "examples/basics/meet.yaml", "--time-limit", "-1"]).status == 64)
    }
}
