import Foundation
import RailDomain
import RailFormats
import Testing

@Suite("timetable files")
struct TimetableRoundTripTests {
    @Test func instanceToTimetableToFileToReader() throws {
        let instance = try Fixtures.basics()
        var schedule = try Fixtures.basicsTimetable(instance)
        schedule.solver = SolverReport(name: "glpk", version: "5.0", seconds: 0.25, nodes: 3)
        schedule.trains[3].reason = "no slot left"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.json").path
        try TimetableWriter.write(schedule, instance: instance, to: path)
        let back = try TimetableReader.load(path: path, instance: instance)
        #expect(back.schedule == schedule)
        #expect(back.formatViolations.isEmpty)
        #expect(ScheduleValidator.validate(back.schedule, against: instance).isEmpty)
    }

    @Test func writtenTextMatchesTheHandWrittenFile() throws {
        let instance = try Fixtures.basics()
        let schedule = try Fixtures.basicsTimetable(instance)
        #expect(TimetableWriter.text(schedule, instance: instance) == (try Fixtures.text("examples/basics/line.timetable.json")))
    }

    @Test func writesEachStationsOwnOffset() throws {
        let instance = try Fixtures.basics()
        let text = TimetableWriter.text(try Fixtures.basicsTimetable(instance), instance: instance)
        #expect(text.contains("{ \"station\": \"E\", \"arrival\": \"2026-12-01T08:32+07:00\" }"))
        #expect(text.contains("{ \"station\": \"A\", \"departure\": \"2026-12-01T07:00+08:00\" }"))
    }

    @Test func writesAtomicallyAndFailuresChangeNothing() throws {
        let instance = try Fixtures.basics()
        let schedule = try Fixtures.basicsTimetable(instance)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("plan.json").path
        try "previous plan\n".write(toFile: path, atomically: true, encoding: .utf8)
        try TimetableWriter.write(schedule, instance: instance, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == TimetableWriter.text(schedule, instance: instance))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.json"])  // no temporary file left
        // A target that is a directory, or in a missing directory: an error, and nothing changes.
        let occupied = directory.appendingPathComponent("occupied").path
        try FileManager.default.createDirectory(atPath: occupied, withIntermediateDirectories: false)
        #expect(throws: AtomicFile.WriteError.self) { try TimetableWriter.write(schedule, instance: instance, to: occupied) }
        #expect(throws: AtomicFile.WriteError.self) { try TimetableWriter.write(schedule, instance: instance, to: directory.appendingPathComponent("no/such/plan.json").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["occupied", "plan.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: occupied).isEmpty)
    }

    @Test func badTimetablesNameThePlace() throws {
        let instance = try Fixtures.basics()
        let good = try Fixtures.text("examples/basics/line.timetable.json")
        let cases: [(String, String, String)] = [
            ("\"format\": \"railslot-timetable/1\"", "\"format\": \"other/2\"", "format"),
            ("\"status\": \"feasible\"", "\"status\": \"great\"", "status"),
            ("\"departure\": \"2026-12-01T07:00+08:00\"", "\"departure\": \"2026-12-01T07:00\"", "trains[0].stops[0].departure"),
            ("\"lateness_minutes\": 17", "\"lateness_minutes\": 17, \"colour\": 1", "trains[4].colour"),
            ("\"scheduled\": false", "\"scheduled\": \"no\"", "trains[3].scheduled"),
        ]
        for (old, new, place) in cases {
            #expect(good.contains(old))
            do {
                _ = try TimetableReader.load(bytes: Array(good.replacingOccurrences(of: old, with: new).utf8), instance: instance)
                Issue.record("accepted \(new)")
            } catch {
                #expect(error.problems.contains { $0.place == place }, "\(place): got \(error.problems)")
            }
        }
    }
}
