import Foundation
import RailDomain

/// The short description `railslot check` prints: what the corridor holds and what runs on it.
public enum InstanceSummary {
    public static func text(_ instance: Instance) -> String {
        var lines: [String] = []
        let days = Double(instance.horizonMinutes) / 1440
        lines.append("\(instance.name): valid")
        lines.append("  plan      \(instance.start.iso8601(in: instance.startOffset)), \(instance.horizonMinutes) min (\(format(days)) day\(days == 1 ? "" : "s"))")
        let tracks = instance.stations.flatMap(\.tracks)
        let lanes = tracks.filter { $0.kind == .customs }
        lines.append("  stations  \(instance.stations.count) (\(tracks.count - lanes.count) sidings, \(lanes.count) customs lanes)")
        let double = instance.sections.filter { $0.trackage == .double }.count
        lines.append("  sections  \(instance.sections.count) (\(double) double track, \(instance.sections.count - double) single track)")
        for border in instance.borders {
            let (a, b) = border.section
            let fromA = border.slots.filter { $0.fromStation == a }, fromB = border.slots.filter { $0.fromStation == b }
            let either = border.slots.filter { $0.fromStation == nil }
            func describe(_ slots: [BorderSlot]) -> String { "\(slots.count) (capacity \(slots.reduce(0) { $0 + $1.capacity }))" }
            lines.append("  border    \(border.id) on \(a)–\(b): from \(a) \(describe(fromA)), from \(b) \(describe(fromB)), either way \(describe(either))")
        }
        for station in instance.stations {
            for lane in station.tracks where lane.kind == .customs {
                let hours = lane.openWindows.isEmpty ? "always open" : lane.openWindows.map(\.description).joined(separator: ", ") + " \(station.utcOffset)"
                lines.append("  customs   \(lane.id) at \(station.id): \(lane.cargo.map(\.rawValue).joined(separator: ", ")); \(hours); \(format(lane.lengthMeters)) m")
            }
        }
        var classes: [TrainClass: Int] = [:]
        var classOrder: [TrainClass] = []
        for train in instance.trains {
            if classes[train.trainClass] == nil { classOrder.append(train.trainClass) }
            classes[train.trainClass, default: 0] += 1
        }
        let byClass = classOrder.map { "\(classes[$0]!) \($0)" }.joined(separator: ", ")
        let crossing = instance.trains.filter { train in
            zip(train.route, train.route.dropFirst()).contains { instance.border(between: $0, $1) != nil }
        }.count
        let inspected = instance.trains.filter(\.crossesCustoms).count
        let fixed = instance.trains.filter(\.isFixed).count, optional = instance.trains.filter(\.isOptional).count
        lines.append("  trains    \(instance.trains.count): \(byClass)")
        lines.append("            \(crossing) cross a border, \(inspected) with customs, \(fixed) fixed, \(optional) optional")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
