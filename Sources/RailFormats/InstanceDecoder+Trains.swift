import RailDomain

/// What trains are checked against.
struct TrainContext {
    let corridor: CorridorContext
    let sections: [Section]
    /// Station pairs some section entry names, valid or not.
    let namedPairs: Set<[StationID]>
    let start: Instant
}

extension InstanceDecoder {
    static let trainKeys = ["id", "class", "cargo", "length_m", "route", "earliest_departure", "due_arrival", "weight",
                            "min_dwell", "customs", "optional", "fixed"]

    func trains(_ field: Field, _ context: TrainContext) -> [Train] {
        guard let list = field.array() else { return [] }
        if list.isEmpty { log.add(field.path, "needs at least one train") }
        var result: [Train] = []
        var seen: Set<String> = []
        for item in list {
            guard let train = train(item, context) else { continue }
            if !seen.insert(train.id.rawValue).inserted {
                log.add(item.path.key("id"), "train id \"\(train.id)\" is used twice")
                continue
            }
            result.append(train)
        }
        return result
    }

    private func train(_ item: Field, _ context: TrainContext) -> Train? {
        guard let fields = item.object(allowed: InstanceDecoder.trainKeys, required: ["id", "class", "length_m", "route"]) else { return nil }
        let id = fields["id"].flatMap { identifier($0) }
        let trainClass = fields["class"].flatMap { identifier($0) }.map { TrainClass(rawValue: $0) }
        let cargo = fields["cargo"].flatMap { identifier($0) }.map { CargoKind(rawValue: $0) }
        let length = fields["length_m"]?.positiveNumber()
        let route = fields["route"].flatMap { self.route($0, trainClass: trainClass, context) }
        let isFixed = fields.has("fixed")
        var earliest: Minute?
        if let earliestField = fields["earliest_departure"] {
            if isFixed {
                log.add(earliestField.path, "a fixed train has no earliest_departure", hint: "its times are given in fixed")
            } else {
                earliest = datetime(earliestField).map { $0.0 - context.start }
            }
        } else if !isFixed {
            log.add(item.path.key("earliest_departure"), "is required (unless the train is fixed)")
        }
        let due = fields["due_arrival"].flatMap { datetime($0) }.map { $0.0 - context.start }
        let weight = fields["weight"].map { $0.integer(in: 1...1_000_000) } ?? 1
        let minDwell = fields["min_dwell"].map { stationMinutes($0, route: route) } ?? [:]
        let customs = fields["customs"].map { stationMinutes($0, route: route) } ?? [:]
        if customs.values.contains(where: { $0 > 0 }), cargo == nil, !fields.has("cargo") {
            log.add(item.path.key("cargo"), "is required because the train has customs stops")
        }
        let isOptional = fields["optional"].map { $0.bool() } ?? false
        var fixed: [FixedStop]?
        if let fixedField = fields["fixed"], let route {
            fixed = fixedStops(fixedField, route: route, context)
        }
        guard let id, let trainClass, let length, let route, let weight, let isOptional else { return nil }
        if isFixed, fixed == nil { return nil }
        if !isFixed, earliest == nil { return nil }
        return Train(id: TrainID(rawValue: id), trainClass: trainClass, cargo: cargo, lengthMeters: length, route: route,
                     earliestDeparture: earliest, dueArrival: due, weight: weight, minDwell: minDwell, customs: customs,
                     isOptional: isOptional, fixed: fixed)
    }

    /// At least two known stations, no repeats, neighbours joined by a section with a running time for the class.
    private func route(_ field: Field, trainClass: TrainClass?, _ context: TrainContext) -> [StationID]? {
        guard let list = field.array() else { return nil }
        if list.count < 2 {
            log.add(field.path, "a route needs at least two stations")
            return nil
        }
        var stations: [StationID] = []
        var complete = true
        for item in list {
            guard let station = context.corridor.knownStation(item, decoder: self) else {
                complete = false
                continue
            }
            if stations.contains(station) {
                log.add(item.path, "station \(station) appears twice in the route")
                complete = false
            }
            stations.append(station)
        }
        guard complete else { return nil }
        for k in 0..<(stations.count - 1) {
            let a = stations[k], b = stations[k + 1]
            guard let section = context.sections.first(where: { $0.joins(a, b) }) else {
                // A section entry for the pair that is itself broken has its own problem already.
                if !context.namedPairs.contains([a, b].sorted()) { log.add(list[k + 1].path, "no section joins \(a) and \(b)") }
                complete = false
                continue
            }
            if let trainClass, section.runningMinutes[trainClass] == nil {
                let known = section.runningMinutes.keys.map(\.rawValue).sorted().joined(separator: ", ")
                log.add(list[k + 1].path, "section \(section.label) has no running time for class \"\(trainClass)\"", hint: "it has: \(known)")
                complete = false
            }
        }
        return complete ? stations : nil
    }

    /// `{ CZO: 5 }`: minutes at intermediate stations of the route.
    private func stationMinutes(_ field: Field, route: [StationID]?) -> [StationID: Int] {
        guard let entries = field.entries() else { return [:] }
        var result: [StationID: Int] = [:]
        for (key, value) in entries {
            let station = StationID(rawValue: key)
            if let route, !route.dropFirst().dropLast().contains(station) {
                let hint = route.count > 2 ? "intermediate stations are \(route.dropFirst().dropLast().map(\.rawValue).joined(separator: ", "))" : "this route has no intermediate station"
                log.add(value.path, "\(key) is not an intermediate station of the route", hint: hint)
                continue
            }
            if let minutes = value.integer(in: 0...100_000) { result[station] = minutes }
        }
        return result
    }

    /// Every route station in order: a departure at the first, an arrival at the last, both in
    /// between, and a track of that station wherever the train stands.
    private func fixedStops(_ field: Field, route: [StationID], _ context: TrainContext) -> [FixedStop]? {
        guard let list = field.array() else { return nil }
        guard list.count == route.count else {
            log.add(field.path, "lists \(list.count) stations; a fixed train gives every station of its route (\(route.count))")
            return nil
        }
        var stops: [FixedStop] = []
        var complete = true
        for (k, item) in list.enumerated() {
            guard let fields = item.object(allowed: ["station", "arrival", "departure", "track"], required: ["station"]) else {
                complete = false
                continue
            }
            guard let stationField = fields["station"], let text = identifier(stationField) else {
                complete = false
                continue
            }
            let station = StationID(rawValue: text)
            if station != route[k] {
                log.add(stationField.path, "expected \(route[k]) (stations are listed in route order), found \(text)")
                complete = false
            }
            let arrival = fields["arrival"].flatMap { datetime($0) }.map { $0.0 - context.start }
            let departure = fields["departure"].flatMap { datetime($0) }.map { $0.0 - context.start }
            if k == 0, fields.has("arrival") { log.add(item.path.key("arrival"), "the first station has no arrival") }
            if k == route.count - 1, fields.has("departure") { log.add(item.path.key("departure"), "the last station has no departure") }
            if k > 0, !fields.has("arrival") { log.add(item.path.key("arrival"), "is required here") }
            if k < route.count - 1, !fields.has("departure") { log.add(item.path.key("departure"), "is required here") }
            var track: TrackID?
            if let trackField = fields["track"], let trackText = identifier(trackField) {
                track = TrackID(rawValue: trackText)
                if context.corridor.trackOwner[TrackID(rawValue: trackText)] != route[k] {
                    log.add(trackField.path, "\(trackText) is not a track of \(route[k])",
                            hint: Suggest.hint(for: trackText, among: context.corridor.stations.first { $0.id == route[k] }?.tracks.map(\.id.rawValue) ?? []))
                }
            }
            if let arrival, let departure, departure > arrival, track == nil {
                log.add(item.path.key("track"), "is required: the train stands here from arrival to departure")
            }
            if let arrival, let departure, departure == arrival, track != nil {
                log.add(item.path.key("track"), "a train that passes without stopping uses no track")
            }
            stops.append(FixedStop(station: station, arrival: arrival, departure: departure, track: track))
        }
        return complete ? stops : nil
    }
}
