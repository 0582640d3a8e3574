import RailDomain

/// Writes an instance in the format of spec section 3 (JSON), so that generated or changed
/// instances can be saved, shared and read back by `InstanceLoader`.
public enum InstanceWriter {
    public static func text(_ instance: Instance) -> String { JSONWriter.text(tree(instance)) }

    public static func tree(_ instance: Instance) -> TreeValue {
        let start = instance.start
        func time(_ minute: Minute, _ offset: UTCOffset) -> TreeValue { .string((start + minute).iso8601(in: offset)) }
        let weights = instance.objective
        var members: [(key: String, value: TreeValue)] = [
            ("name", .string(instance.name)),
            ("start", .string(start.iso8601(in: instance.startOffset))),
            ("horizon_minutes", .integer(instance.horizonMinutes)),
            ("objective", .object([
                ("lateness_per_minute", .integer(weights.latenessPerMinute)),
                ("departure_delay_per_minute", .integer(weights.departureDelayPerMinute)),
                ("dwell_per_minute", .integer(weights.dwellPerMinute)),
                ("unscheduled_penalty", .integer(weights.unscheduledPenalty)),
            ])),
        ]
        members.append(("stations", .array(instance.stations.map { station in
            var fields: [(key: String, value: TreeValue)] = [("id", .string(station.id.rawValue))]
            if let name = station.name { fields.append(("name", .string(name))) }
            fields.append(("utc_offset", .string(station.utcOffset.description)))
            fields.append(("clearance_minutes", .integer(station.clearanceMinutes)))
            fields.append(("tracks", .array(station.tracks.map { track in
                var trackFields: [(key: String, value: TreeValue)] = [("id", .string(track.id.rawValue)), ("length_m", number(track.lengthMeters))]
                if track.kind == .customs {
                    trackFields.append(("kind", .string("customs")))
                    trackFields.append(("cargo", .array(track.cargo.map { .string($0.rawValue) })))
                }
                if !track.openWindows.isEmpty { trackFields.append(("open", .array(track.openWindows.map { .string($0.description) }))) }
                return .object(trackFields)
            })))
            return .object(fields)
        })))
        members.append(("sections", .array(instance.sections.map { section in
            .object([
                ("from", .string(section.from.rawValue)), ("to", .string(section.to.rawValue)),
                ("tracks", .integer(section.trackage.rawValue)),
                ("running_minutes", .object(section.runningMinutes.keys.sorted { $0.rawValue < $1.rawValue }.map { ($0.rawValue, .integer(section.runningMinutes[$0]!)) })),
                ("headway_minutes", .integer(section.headwayMinutes)), ("clearance_minutes", .integer(section.clearanceMinutes)),
            ])
        })))
        if !instance.borders.isEmpty {
            members.append(("borders", .array(instance.borders.map { border in
                let offset = instance.station(border.section.0)?.utcOffset ?? instance.startOffset
                return .object([
                    ("id", .string(border.id.rawValue)),
                    ("section", .array([.string(border.section.0.rawValue), .string(border.section.1.rawValue)])),
                    ("slots", .array(border.slots.map { slot in
                        var fields: [(key: String, value: TreeValue)] = [("id", .string(slot.id.rawValue))]
                        if let from = slot.fromStation { fields.append(("from_station", .string(from.rawValue))) }
                        fields += [("opens", time(slot.opens, offset)), ("closes", time(slot.closes, offset)), ("capacity", .integer(slot.capacity))]
                        return .object(fields)
                    })),
                ])
            })))
        }
        members.append(("trains", .array(instance.trains.map { train($0, instance, time) })))
        return .object(members)
    }

    private static func train(_ train: Train, _ instance: Instance, _ time: (Minute, UTCOffset) -> TreeValue) -> TreeValue {
        func offset(_ station: StationID) -> UTCOffset { instance.station(station)?.utcOffset ?? instance.startOffset }
        var fields: [(key: String, value: TreeValue)] = [("id", .string(train.id.rawValue)), ("class", .string(train.trainClass.rawValue))]
        if let cargo = train.cargo { fields.append(("cargo", .string(cargo.rawValue))) }
        fields.append(("length_m", number(train.lengthMeters)))
        fields.append(("route", .array(train.route.map { .string($0.rawValue) })))
        if let earliest = train.earliestDeparture { fields.append(("earliest_departure", time(earliest, offset(train.route[0])))) }
        if let due = train.dueArrival { fields.append(("due_arrival", time(due, offset(train.route[train.route.count - 1])))) }
        if train.weight != 1 { fields.append(("weight", .integer(train.weight))) }
        func byRoute(_ minutes: [StationID: Int]) -> TreeValue {
            .object(train.route.filter { minutes[$0] != nil }.map { ($0.rawValue, .integer(minutes[$0]!)) })
        }
        if !train.minDwell.isEmpty { fields.append(("min_dwell", byRoute(train.minDwell))) }
        if !train.customs.isEmpty { fields.append(("customs", byRoute(train.customs))) }
        if train.isOptional { fields.append(("optional", .bool(true))) }
        if let fixed = train.fixed {
            fields.append(("fixed", .array(fixed.map { stop in
                var stopFields: [(key: String, value: TreeValue)] = [("station", .string(stop.station.rawValue))]
                if let arrival = stop.arrival { stopFields.append(("arrival", time(arrival, offset(stop.station)))) }
                if let departure = stop.departure { stopFields.append(("departure", time(departure, offset(stop.station)))) }
                if let track = stop.track { stopFields.append(("track", .string(track.rawValue))) }
                return .object(stopFields)
            })))
        }
        return .object(fields)
    }

    private static func number(_ value: Double) -> TreeValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }
}
