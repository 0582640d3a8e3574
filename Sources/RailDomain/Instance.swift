import Tagged

/// A corridor and the trains to plan on it over one horizon: spec section 3, resolved.
/// Build one with `RailFormats.InstanceLoader` (which checks every rule) or by hand in tests.
public struct Instance: Sendable {
    public var name: String
    public var start: Instant
    /// The offset `start` was written in, for messages about plan-wide times.
    public var startOffset: UTCOffset
    public var horizonMinutes: Int
    public var objective: ObjectiveWeights
    public var stations: [Station]
    public var sections: [Section]
    public var borders: [Border]
    public var trains: [Train]

    private var stationIndex: [StationID: Int] = [:]
    private var trackIndex: [TrackID: (station: Int, track: Int)] = [:]

    public init(name: String, start: Instant, startOffset: UTCOffset, horizonMinutes: Int, objective: ObjectiveWeights = ObjectiveWeights(),
                stations: [Station], sections: [Section], borders: [Border] = [], trains: [Train]) {
        self.name = name
        self.start = start
        self.startOffset = startOffset
        self.horizonMinutes = horizonMinutes
        self.objective = objective
        self.stations = stations
        self.sections = sections
        self.borders = borders
        self.trains = trains
        for (i, station) in stations.enumerated() {
            stationIndex[station.id] = stationIndex[station.id] ?? i
            for (j, track) in station.tracks.enumerated() where trackIndex[track.id] == nil {
                trackIndex[track.id] = (i, j)
            }
        }
    }

    public func station(_ id: StationID) -> Station? { stationIndex[id].map { stations[$0] } }

    public func track(_ id: TrackID) -> (station: Station, track: Track)? {
        trackIndex[id].map { (stations[$0.station], stations[$0.station].tracks[$0.track]) }
    }

    /// The section joining two stations, in either direction.
    public func section(between a: StationID, _ b: StationID) -> Section? {
        sections.first { $0.joins(a, b) }
    }

    public func border(between a: StationID, _ b: StationID) -> Border? {
        borders.first { $0.isOn(a, b) }
    }

    /// An instant at plan minute `minute` as written at `station` (in its own offset).
    public func iso8601(_ minute: Minute, at station: StationID) -> String {
        (start + minute).iso8601(in: self.station(station)?.utcOffset ?? startOffset)
    }

    /// `07:40 (+08:00)` at `station`, for messages.
    public func clock(_ minute: Minute, at station: StationID) -> String {
        let offset = self.station(station)?.utcOffset ?? startOffset
        return "\((start + minute).clockTime(in: offset))"
    }

    public func offsetLabel(at station: StationID) -> String {
        "(\(self.station(station)?.utcOffset ?? startOffset))"
    }

    /// Plan minute of an instant.
    public func minute(of instant: Instant) -> Minute { instant - start }
}
