import Foundation
import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailFormats
import Testing

enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func load(_ relative: String) throws -> Instance { try InstanceLoader.load(path: root.appendingPathComponent(relative).path) }
}

/// Checks every claim a planned timetable makes, independently of the planner.
func expectHonest(_ result: PlanResult, _ instance: Instance, sourceLocation: SourceLocation = #_sourceLocation) {
    let schedule = result.schedule
    #expect(ScheduleValidator.validate(schedule, against: instance).isEmpty || !schedule.status.promisesEveryTrain,
            "\(ScheduleValidator.validate(schedule, against: instance))", sourceLocation: sourceLocation)
    if schedule.status.promisesEveryTrain {
        #expect(schedule.objective == ScheduleCost.compute(schedule, for: instance).total, sourceLocation: sourceLocation)
        if let bound = schedule.bound, let objective = schedule.objective {
            #expect(bound <= Double(objective) + 1e-6, sourceLocation: sourceLocation)
            if schedule.status == .optimal { #expect(Int((bound - 1e-6).rounded(.up)) == objective, sourceLocation: sourceLocation) }
        }
    }
}

@Suite("planner on the examples")
struct PlannerTests {
    let planner = TimetablePlanner(solver: GLPKSolver())

    @Test func meetExampleIsSolvedToItsHandCheckedOptimum() throws {
        let instance = try Examples.load("examples/basics/meet.yaml")
        let result = try planner.plan(instance, options: PlanOptions(timeLimitSeconds: 30))
        expectHonest(result, instance)
        #expect(result.schedule.status == .optimal)
        #expect(result.schedule.objective == 20)
    }

    @Test func lineExampleBeatsTheHandMadeTimetable() throws {
        let instance = try Examples.load("examples/basics/line.yaml")
        let result = try planner.plan(instance, options: PlanOptions(timeLimitSeconds: 30))
        expectHonest(result, instance)
        #expect(result.schedule.status == .optimal)
        #expect(result.schedule.objective == 163)
        #expect(result.schedule.trains.allSatisfy { $0.scheduled })
    }

    @Test func infeasibleInstanceIsExplained() throws {
        // F1 must cross the border, but the only slot from C closes before F1 can reach C.
        let yaml = try String(contentsOf: Examples.root.appendingPathComponent("examples/basics/line.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{ id: S1, from_station: C, opens: \"2026-12-01T08:00+08:00\", closes: \"2026-12-01T08:30+08:00\" }",
                                  with: "{ id: S1, from_station: C, opens: \"2026-12-01T06:00+08:00\", closes: \"2026-12-01T06:30+08:00\" }")
            .replacingOccurrences(of: "capacity: 2 }", with: "capacity: 2, from_station: D }")
        let instance = try InstanceLoader.load(bytes: Array(yaml.utf8), format: .yaml)
        let result = try planner.plan(instance, options: PlanOptions(timeLimitSeconds: 30))
        #expect(result.schedule.status == .infeasible)
        #expect(result.explanation.contains { $0.hasPrefix("F1 must cross border CD from C") }, "\(result.explanation)")
    }

    @Test func conflictingFixedTrainsAreInfeasible() throws {
        let yaml = try String(contentsOf: Examples.root.appendingPathComponent("examples/basics/line.yaml"), encoding: .utf8)
            + "  - id: P2\n    class: passenger\n    length_m: 300\n    route: [A, B]\n    fixed:\n      - { station: A, departure: \"2026-12-01T08:02+08:00\" }\n      - { station: B, arrival: \"2026-12-01T08:22+08:00\" }\n"
        let instance = try InstanceLoader.load(bytes: Array(yaml.utf8), format: .yaml)
        let result = try planner.plan(instance, options: PlanOptions(timeLimitSeconds: 30))
        #expect(result.schedule.status == .infeasible)
        #expect(result.explanation.contains { $0.contains("fixed trains cannot keep their times") && $0.contains("headway") }, "\(result.explanation)")
    }

    @Test func pingxiangGetsAValidatedTimetableWithinItsLimit() throws {
        let instance = try Examples.load("examples/pingxiang/pingxiang-2026-12-01.yaml")
        let result = try planner.plan(instance, options: PlanOptions(timeLimitSeconds: 8))
        expectHonest(result, instance)
        #expect(result.schedule.status == .optimal || result.schedule.status == .feasible)
        #expect(result.seconds < 30)
    }
}
