import Foundation
import RailDomain

/// The ways a timetable is printed.
public enum TimetableFormat: String, CaseIterable, Sendable {
    case json, csv, text

    public static func render(_ format: TimetableFormat, schedule: Schedule, instance: Instance) -> String {
        switch format {
        case .json: TimetableWriter.text(schedule, instance: instance)
        case .csv: TimetableCSV.text(schedule, instance: instance)
        case .text: TimetableText.text(schedule, instance: instance)
        }
    }
}

/// One row per train and stop (columns in `header`); times in ISO 8601 with the station's offset.
public enum TimetableCSV {
    public static let header = ["train", "scheduled", "stop", "station", "arrival", "departure", "dwell_minutes", "track", "customs", "border_slots", "lateness_minutes"]

    public static func text(_ schedule: Schedule, instance: Instance) -> String {
        var lines = [header.joined(separator: ",")]
        for run in schedule.trains {
            guard run.scheduled else {
                lines.append(row([run.train.rawValue, "false", "", "", "", "", "", "", "", "", ""]))
                continue
            }
            let slots = run.borderSlots.map { "\($0.border)/\($0.slot)" }.joined(separator: " ")
            for (k, stop) in run.stops.enumerated() {
                let dwell = stop.arrival.flatMap { a in stop.departure.map { String($0 - a) } } ?? ""
                lines.append(row([
                    run.train.rawValue, "true", String(k), stop.station.rawValue,
                    stop.arrival.map { instance.iso8601($0, at: stop.station) } ?? "",
                    stop.departure.map { instance.iso8601($0, at: stop.station) } ?? "",
                    dwell, stop.track?.rawValue ?? "", stop.customs ? "true" : "false", slots, String(run.latenessMinutes ?? 0),
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
    static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}

/// A plain table per train, for reading in a terminal.
public enum TimetableText {
    public static func text(_ schedule: Schedule, instance: Instance) -> String {
        var lines = ["\(schedule.instance): \(schedule.status.rawValue), objective \(schedule.objective.map(String.init) ?? "none"), bound \(schedule.bound.map { String($0) } ?? "none")"]
        for run in schedule.trains {
            guard run.scheduled else {
                lines.append("\n\(run.train): not scheduled\(run.reason.map { " (\($0))" } ?? "")")
                continue
            }
            let slots = run.borderSlots.map { "\($0.border) \($0.slot)" }.joined(separator: ", ")
            lines.append("\n\(run.train)  late \(run.latenessMinutes ?? 0) min\(slots.isEmpty ? "" : "  slot \(slots)")")
            for stop in run.stops {
                let arrival = stop.arrival.map { instance.iso8601($0, at: stop.station).dropFirst(11) } ?? "     "
                let departure = stop.departure.map { instance.iso8601($0, at: stop.station).dropFirst(11) } ?? "     "
                let track = stop.track.map { " \($0)" } ?? ""
                lines.append("  \(stop.station.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(arrival.padding(toLength: 11, withPad: " ", startingAt: 0)) \(departure.padding(toLength: 11, withPad: " ", startingAt: 0))\(track)\(stop.customs ? " customs" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
