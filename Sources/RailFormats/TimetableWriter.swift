import RailDomain

/// Writes a `Schedule` as the timetable format of spec section 6: times in each station's own
/// UTC offset, every train in instance order, keys in the spec's order.
public enum TimetableWriter {
    public static let format = "railslot-timetable/1"

    public static func tree(_ schedule: Schedule, instance: Instance) -> TreeValue {
        var members: [(key: String, value: TreeValue)] = [
            ("format", .string(format)),
            ("instance", .string(schedule.instance)),
            ("status", .string(schedule.status.rawValue)),
        ]
        if let objective = schedule.objective { members.append(("objective", .integer(objective))) }
        if let bound = schedule.bound, bound.isFinite { members.append(("bound", bound == bound.rounded() && abs(bound) < 1e15 ? .integer(Int(bound)) : .number(bound))) }
        if let solver = schedule.solver {
            members.append(("solver", .object([
                ("name", .string(solver.name)), ("version", .string(solver.version)),
                ("seconds", .number((solver.seconds * 1000).rounded() / 1000)), ("nodes", .integer(solver.nodes)),
            ])))
        }
        members.append(("trains", .array(schedule.trains.map { train($0, instance) })))
        return .object(members)
    }

    public static func text(_ schedule: Schedule, instance: Instance) -> String {
        JSONWriter.text(tree(schedule, instance: instance))
    }

    /// Writes atomically: a failure leaves any existing file untouched.
    public static func write(_ schedule: Schedule, instance: Instance, to path: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(text(schedule, instance: instance), to: path)
    }

    private static func train(_ run: TrainRun, _ instance: Instance) -> TreeValue {
        var members: [(key: String, value: TreeValue)] = [("id", .string(run.train.rawValue)), ("scheduled", .bool(run.scheduled))]
        guard run.scheduled else {
            if let reason = run.reason { members.append(("reason", .string(reason))) }
            return .object(members)
        }
        members.append(("lateness_minutes", .integer(run.latenessMinutes ?? 0)))
        members.append(("border_slots", .array(run.borderSlots.map {
            .object([("border", .string($0.border.rawValue)), ("slot", .string($0.slot.rawValue))])
        })))
        members.append(("stops", .array(run.stops.map { stop($0, instance) })))
        return .object(members)
    }

    private static func stop(_ stop: StopTime, _ instance: Instance) -> TreeValue {
        var members: [(key: String, value: TreeValue)] = [("station", .string(stop.station.rawValue))]
        if let arrival = stop.arrival { members.append(("arrival", .string(instance.iso8601(arrival, at: stop.station)))) }
        if let departure = stop.departure { members.append(("departure", .string(instance.iso8601(departure, at: stop.station)))) }
        if let track = stop.track { members.append(("track", .string(track.rawValue))) }
        if stop.customs { members.append(("customs", .bool(true))) }
        return .object(members)
    }
}
