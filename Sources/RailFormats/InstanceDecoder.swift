import RailDomain

/// Turns a parsed instance document into an `Instance`, checking spec section 3 as it goes:
/// types and unknown keys field by field, then references and cross-field rules. Problems are
/// logged, never thrown, so that one run reports them all.
struct InstanceDecoder {
    let log: ProblemLog

    static let idPattern = "[A-Za-z0-9._-]+"

    func decode(_ root: Field) -> Instance? {
        guard let fields = root.object(
            allowed: ["name", "start", "horizon_minutes", "objective", "stations", "sections", "borders", "trains"],
            required: ["name", "start", "horizon_minutes", "stations", "sections", "trains"])
        else { return nil }
        let name = fields["name"].flatMap { identifier($0) }
        let start = fields["start"].flatMap { datetime($0) }
        let horizon = fields["horizon_minutes"]?.integer(in: 1...527_040)
        let weights = fields["objective"].map { objective($0) } ?? ObjectiveWeights()
        // Without a valid start, times are read against an arbitrary origin so that every other problem is still found.
        let origin = start?.0 ?? Instant(minutesSinceEpoch: 0)
        let planHorizon = horizon ?? 1440
        let stationList = fields["stations"].map { stations($0, start: origin, horizon: planHorizon) } ?? []
        let corridor = CorridorContext(stations: stationList)
        let (sectionList, namedPairs) = fields["sections"].map { sections($0, corridor) } ?? ([], [])
        let borderList = fields["borders"].map { borders($0, corridor, sections: sectionList, start: origin) } ?? []
        let context = TrainContext(corridor: corridor, sections: sectionList, namedPairs: namedPairs, start: origin)
        let trainList = fields["trains"].map { trains($0, context) } ?? []
        guard let name, let start, let horizon, log.isEmpty else { return nil }
        return Instance(name: name, start: start.0, startOffset: start.1, horizonMinutes: horizon, objective: weights,
                        stations: stationList, sections: sectionList, borders: borderList, trains: trainList)
    }

    // MARK: Shared field readers

    /// An id or name made of `[A-Za-z0-9._-]+`.
    func identifier(_ field: Field) -> String? {
        guard let text = field.string() else { return nil }
        guard !text.isEmpty, text.utf8.count <= 200, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }) else {
            field.log.add(field.path, "\"\(text.prefix(60))\" is not a valid id", hint: "use letters, digits, '.', '_' and '-' only (at most 200)")
            return nil
        }
        return text
    }

    func datetime(_ field: Field) -> (Instant, UTCOffset)? {
        guard let text = field.string() else { return nil }
        switch Instant.parse(text) {
        case .success(let parsed): return parsed
        case .failure(let error):
            field.log.add(field.path, "\"\(text.prefix(60))\" \(error)")
            return nil
        }
    }

    private func objective(_ field: Field) -> ObjectiveWeights {
        var weights = ObjectiveWeights()
        guard let fields = field.object(allowed: ["lateness_per_minute", "departure_delay_per_minute", "dwell_per_minute", "unscheduled_penalty"]) else {
            return weights
        }
        let range = 0...1_000_000_000
        if let value = fields["lateness_per_minute"]?.integer(in: range) { weights.latenessPerMinute = value }
        if let value = fields["departure_delay_per_minute"]?.integer(in: range) { weights.departureDelayPerMinute = value }
        if let value = fields["dwell_per_minute"]?.integer(in: range) { weights.dwellPerMinute = value }
        if let value = fields["unscheduled_penalty"]?.integer(in: range) { weights.unscheduledPenalty = value }
        return weights
    }
}

/// What later parts of the document are checked against.
struct CorridorContext {
    let stations: [Station]
    let stationIDs: Set<StationID>
    let trackOwner: [TrackID: StationID]

    init(stations: [Station]) {
        self.stations = stations
        stationIDs = Set(stations.map(\.id))
        var owner: [TrackID: StationID] = [:]
        for station in stations { for track in station.tracks where owner[track.id] == nil { owner[track.id] = station.id } }
        trackOwner = owner
    }

    func knownStation(_ field: Field, decoder: InstanceDecoder) -> StationID? {
        guard let text = decoder.identifier(field) else { return nil }
        let id = StationID(rawValue: text)
        guard stationIDs.contains(id) else {
            field.log.add(field.path, "unknown station \"\(text)\"", hint: Suggest.hint(for: text, among: stations.map(\.id.rawValue)))
            return nil
        }
        return id
    }
}
