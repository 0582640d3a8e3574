import Foundation
import RailDomain
import RailFormats

/// Files of the repository, found from this source file's place.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    static func basics() throws -> Instance { try InstanceLoader.load(path: path("examples/basics/line.yaml")) }

    static func basicsTimetable(_ instance: Instance) throws -> Schedule {
        try TimetableReader.load(path: path("examples/basics/line.timetable.json"), instance: instance).schedule
    }

    /// The basics instance with one line of its YAML replaced, for minimally changed instances.
    static func basics(replacing old: String, with new: String) throws -> Instance {
        let yaml = try text("examples/basics/line.yaml")
        precondition(yaml.contains(old), "fixture has no \(old)")
        return try InstanceLoader.load(bytes: Array(yaml.replacingOccurrences(of: old, with: new).utf8), format: .yaml)
    }
}

extension Schedule {
    /// The same timetable with lateness and objective claims recomputed from its times, so that a
    /// test that moves a time breaks only the rule it aims at.
    func withHonestClaims(_ instance: Instance) -> Schedule {
        var copy = self
        for index in copy.trains.indices where copy.trains[index].scheduled {
            if let train = instance.trains.first(where: { $0.id == copy.trains[index].train }) {
                copy.trains[index].latenessMinutes = ScheduleCost.lateness(of: train, run: copy.trains[index])
            }
        }
        copy.objective = ScheduleCost.compute(copy, for: instance).total
        return copy
    }

    /// Applies `change` to the run of `train`.
    func changing(_ train: TrainID, _ change: (inout TrainRun) -> Void) -> Schedule {
        var copy = self
        let index = copy.trains.firstIndex { $0.train == train }!
        change(&copy.trains[index])
        return copy
    }
}

extension TrainRun {
    /// Moves the arrival (and departure) at route position `from` onwards by `minutes`, keeping
    /// the dwell before `from`.
    mutating func shift(from position: Int, by minutes: Int, keepingArrival: Bool = false) {
        for k in position..<stops.count {
            if !(k == position && keepingArrival) { stops[k].arrival = stops[k].arrival.map { $0 + minutes } }
            stops[k].departure = stops[k].departure.map { $0 + minutes }
        }
    }
}
