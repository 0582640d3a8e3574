import Foundation
import RailDomain
import RailFormats

/// Example instances and their committed timetables.
enum ReportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// `examples/NAME.yaml` and `examples/NAME.timetable.json`.
    static func example(_ name: String) throws -> (instance: Instance, schedule: Schedule) {
        let instance = try InstanceLoader.load(path: path("examples/\(name).yaml"))
        let schedule = try TimetableReader.load(path: path("examples/\(name).timetable.json"), instance: instance).schedule
        return (instance, schedule)
    }

    static let examples = ["basics/line", "basics/meet", "pingxiang/pingxiang-2026-12-01"]

    /// Every time of a schedule moved by `minutes` (a format test: the result need not be feasible).
    static func shifted(_ schedule: Schedule, by minutes: Int) -> Schedule {
        var copy = schedule
        for t in copy.trains.indices {
            for s in copy.trains[t].stops.indices {
                copy.trains[t].stops[s].arrival = copy.trains[t].stops[s].arrival.map { $0 + minutes }
                copy.trains[t].stops[s].departure = copy.trains[t].stops[s].departure.map { $0 + minutes }
            }
        }
        return copy
    }
}
