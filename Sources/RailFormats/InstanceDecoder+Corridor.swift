import RailDomain

extension InstanceDecoder {
    func stations(_ field: Field, start: Instant, horizon: Int) -> [Station] {
        guard let list = field.array() else { return [] }
        if list.isEmpty { log.add(field.path, "needs at least one station") }
        var result: [Station] = []
        var seenStations: Set<String> = [], seenTracks: Set<String> = []
        for item in list {
            guard let fields = item.object(allowed: ["id", "name", "utc_offset", "clearance_minutes", "tracks"], required: ["id", "utc_offset"]) else { continue }
            let id = fields["id"].flatMap { identifier($0) }
            if let id, !seenStations.insert(id).inserted { log.add(item.path.key("id"), "station id \"\(id)\" is used twice") }
            let name = fields["name"].flatMap { $0.string() }
            var offset: UTCOffset?
            if let offsetField = fields["utc_offset"], let text = offsetField.string() {
                offset = UTCOffset(parsing: text)
                if offset == nil { log.add(offsetField.path, "\"\(text.prefix(20))\" is not a UTC offset like \"+08:00\"") }
            }
            let clearance = fields["clearance_minutes"].map { $0.integer(in: 0...1440) } ?? 0
            var tracks: [Track] = []
            if let trackList = fields["tracks"]?.array() {
                for trackField in trackList {
                    if let track = self.track(trackField, offset: offset ?? UTCOffset(minutes: 0), start: start, horizon: horizon) {
                        if !seenTracks.insert(track.id.rawValue).inserted {
                            log.add(trackField.path.key("id"), "track id \"\(track.id)\" is used twice (track ids are unique across the instance)")
                        }
                        tracks.append(track)
                    }
                }
            }
            guard let id, let offset, let clearance else { continue }
            result.append(Station(id: StationID(rawValue: id), name: name, utcOffset: offset, clearanceMinutes: clearance, tracks: tracks))
        }
        return result
    }

    private func track(_ field: Field, offset: UTCOffset, start: Instant, horizon: Int) -> Track? {
        guard let fields = field.object(allowed: ["id", "length_m", "kind", "cargo", "open"], required: ["id", "length_m"]) else { return nil }
        let id = fields["id"].flatMap { identifier($0) }
        let length = fields["length_m"]?.positiveNumber()
        var kind = TrackKind.siding
        if let kindField = fields["kind"], let text = kindField.string() {
            if let parsed = TrackKind(rawValue: text) {
                kind = parsed
            } else {
                log.add(kindField.path, "unknown track kind \"\(text.prefix(40))\"", hint: "use siding or customs")
            }
        }
        var cargo: [CargoKind] = []
        if let cargoField = fields["cargo"] {
            if kind == .siding {
                log.add(cargoField.path, "only customs lanes inspect cargo", hint: "add kind: customs, or remove cargo")
            } else if let list = cargoField.array() {
                cargo = list.compactMap { identifier($0).map { CargoKind(rawValue: $0) } }
                if list.isEmpty { log.add(cargoField.path, "a customs lane needs at least one cargo kind") }
            }
        } else if kind == .customs {
            log.add(field.path.key("cargo"), "is required on a customs lane", hint: "list the cargo kinds it can inspect, e.g. [container, bulk]")
        }
        var windows: [DailyWindow] = []
        var hours = OpeningHours.alwaysOpen
        if let openField = fields["open"], let list = openField.array() {
            if list.isEmpty { log.add(openField.path, "an empty list would never open", hint: "omit open for a track that is always open") }
            for windowField in list {
                guard let text = windowField.string() else { continue }
                switch DailyWindow.parse(text) {
                case .success(let window): windows.append(window)
                case .failure(let error): log.add(windowField.path, "\"\(text.prefix(40))\" \(error)")
                }
            }
            if !windows.isEmpty { hours = OpeningHours(windows: windows, offset: offset, planStart: start, horizon: horizon) }
        }
        guard let id, let length else { return nil }
        return Track(id: TrackID(rawValue: id), lengthMeters: length, kind: kind, cargo: cargo, openWindows: windows, hours: hours)
    }

    /// The sections, and the station pairs of every section entry (valid or not), so that a
    /// broken section does not also make every route over it "unconnected".
    func sections(_ field: Field, _ corridor: CorridorContext) -> (sections: [Section], namedPairs: Set<[StationID]>) {
        guard let list = field.array() else { return ([], []) }
        var result: [Section] = []
        var named: Set<[StationID]> = []
        var seen: [(StationID, StationID, Int)] = []
        for (index, item) in list.enumerated() {
            guard let fields = item.object(allowed: ["from", "to", "tracks", "running_minutes", "headway_minutes", "clearance_minutes"],
                                           required: ["from", "to", "tracks", "running_minutes", "headway_minutes"]) else { continue }
            let from = fields["from"].flatMap { corridor.knownStation($0, decoder: self) }
            let to = fields["to"].flatMap { corridor.knownStation($0, decoder: self) }
            if let from, let to, from == to { log.add(item.path.key("to"), "a section joins two different stations; both ends are \(from)") }
            if let from, let to { named.insert([from, to].sorted()) }
            var trackage: Trackage?
            if let tracksField = fields["tracks"], let count = tracksField.integer(in: 1...2, what: "1 (single track) or 2 (double track)") {
                trackage = Trackage(rawValue: count)
            }
            var running: [TrainClass: Int] = [:]
            if let runningField = fields["running_minutes"], let entries = runningField.entries() {
                if entries.isEmpty { log.add(runningField.path, "needs a running time for at least one train class") }
                for (key, minutes) in entries {
                    if let value = minutes.integer(in: 1...100_000) { running[TrainClass(rawValue: key)] = value }
                }
            }
            let headway = fields["headway_minutes"]?.integer(in: 0...1440)
            let clearance = fields["clearance_minutes"].map { $0.integer(in: 0...1440) } ?? 0
            guard let from, let to, from != to, let trackage, let headway, let clearance else { continue }
            if let earlier = seen.first(where: { ($0.0 == from && $0.1 == to) || ($0.0 == to && $0.1 == from) }) {
                log.add(item.path, "sections[\(earlier.2)] already joins \(from) and \(to)")
                continue
            }
            seen.append((from, to, index))
            result.append(Section(from: from, to: to, trackage: trackage, runningMinutes: running, headwayMinutes: headway, clearanceMinutes: clearance))
        }
        return (result, named)
    }

    func borders(_ field: Field, _ corridor: CorridorContext, sections: [Section], start: Instant) -> [Border] {
        guard let list = field.array() else { return [] }
        var result: [Border] = []
        var seenIDs: Set<String> = []
        for item in list {
            guard let fields = item.object(allowed: ["id", "section", "slots"], required: ["id", "section", "slots"]) else { continue }
            let id = fields["id"].flatMap { identifier($0) }
            if let id, !seenIDs.insert(id).inserted { log.add(item.path.key("id"), "border id \"\(id)\" is used twice") }
            var ends: (StationID, StationID)?
            if let sectionField = fields["section"], let pair = sectionField.array() {
                if pair.count != 2 {
                    log.add(sectionField.path, "must name the two stations of a section, like [PXG, DDG]")
                } else if let a = corridor.knownStation(pair[0], decoder: self), let b = corridor.knownStation(pair[1], decoder: self) {
                    if !sections.contains(where: { $0.joins(a, b) }) {
                        log.add(sectionField.path, "no section joins \(a) and \(b)")
                    } else if let other = result.first(where: { $0.isOn(a, b) }) {
                        log.add(sectionField.path, "border \(other.id) is already on section \(a)–\(b)")
                    } else {
                        ends = (a, b)
                    }
                }
            }
            let slots = fields["slots"].map { self.slots($0, ends: ends, start: start) } ?? []
            guard let id, let ends else { continue }
            result.append(Border(id: BorderID(rawValue: id), section: ends, slots: slots))
        }
        return result
    }

    private func slots(_ field: Field, ends: (StationID, StationID)?, start: Instant) -> [BorderSlot] {
        guard let list = field.array() else { return [] }
        var result: [BorderSlot] = []
        var seen: Set<String> = []
        for item in list {
            guard let fields = item.object(allowed: ["id", "from_station", "opens", "closes", "capacity"], required: ["id", "opens", "closes"]) else { continue }
            let id = fields["id"].flatMap { identifier($0) }
            if let id, !seen.insert(id).inserted { log.add(item.path.key("id"), "slot id \"\(id)\" is used twice in this border") }
            var direction: StationID?
            var directionOK = true
            if let fromField = fields["from_station"], let text = identifier(fromField) {
                direction = StationID(rawValue: text)
                if let ends, direction != ends.0, direction != ends.1 {
                    log.add(fromField.path, "\"\(text)\" is not an end of the border section", hint: "use \(ends.0) or \(ends.1)")
                    directionOK = false
                }
            }
            let opens = fields["opens"].flatMap { datetime($0) }?.0
            let closes = fields["closes"].flatMap { datetime($0) }?.0
            if let opens, let closes, closes < opens {
                log.add(item.path.key("closes"), "closes before it opens")
            }
            let capacity = fields["capacity"].map { $0.integer(in: 1...10_000) } ?? 1
            guard let id, directionOK, let opens, let closes, closes >= opens, let capacity else { continue }
            result.append(BorderSlot(id: SlotID(rawValue: id), fromStation: direction, opens: opens - start, closes: closes - start, capacity: capacity))
        }
        return result
    }
}
