import Tagged

/// A time given for a fixed train at one station of its route.
public struct FixedStop: Hashable, Sendable {
    public var station: StationID
    public var arrival: Minute?
    public var departure: Minute?
    public var track: TrackID?

    public init(station: StationID, arrival: Minute? = nil, departure: Minute? = nil, track: TrackID? = nil) {
        self.station = station
        self.arrival = arrival
        self.departure = departure
        self.track = track
    }
}

public struct Train: Hashable, Sendable {
    public var id: TrainID
    public var trainClass: TrainClass
    public var cargo: CargoKind?
    public var lengthMeters: Double
    /// Stations in running order, at least two, no repeats.
    public var route: [StationID]
    /// Plan minutes; nil exactly for fixed trains.
    public var earliestDeparture: Minute?
    public var dueArrival: Minute?
    public var weight: Int
    /// Minimum stand at intermediate stations, minutes.
    public var minDwell: [StationID: Int]
    /// Inspection minutes at intermediate stations (0 means none).
    public var customs: [StationID: Int]
    public var isOptional: Bool
    /// A timetable given by someone else, one entry per route station; nil for trains to plan.
    public var fixed: [FixedStop]?

    public init(id: TrainID, trainClass: TrainClass, cargo: CargoKind? = nil, lengthMeters: Double, route: [StationID],
                earliestDeparture: Minute?, dueArrival: Minute? = nil, weight: Int = 1, minDwell: [StationID: Int] = [:],
                customs: [StationID: Int] = [:], isOptional: Bool = false, fixed: [FixedStop]? = nil) {
        self.id = id
        self.trainClass = trainClass
        self.cargo = cargo
        self.lengthMeters = lengthMeters
        self.route = route
        self.earliestDeparture = earliestDeparture
        self.dueArrival = dueArrival
        self.weight = weight
        self.minDwell = minDwell
        self.customs = customs
        self.isOptional = isOptional
        self.fixed = fixed
    }

    public var isFixed: Bool { fixed != nil }

    /// Inspection minutes at `station`, 0 if none.
    public func customsMinutes(at station: StationID) -> Int { customs[station] ?? 0 }

    public func hasCustoms(at station: StationID) -> Bool { customsMinutes(at: station) > 0 }

    /// The least a train must stand at route position `k`: max(min_dwell, customs); 0 at either end.
    public func requiredDwell(atStop k: Int) -> Int {
        guard k > 0, k < route.count - 1 else { return 0 }
        let station = route[k]
        return max(minDwell[station] ?? 0, customsMinutes(at: station))
    }

    /// True if the train inspects customs anywhere.
    public var crossesCustoms: Bool { customs.values.contains { $0 > 0 } }
}

/// Cost weights of spec section 5; all integers ≥ 0.
public struct ObjectiveWeights: Hashable, Sendable {
    public var latenessPerMinute: Int
    public var departureDelayPerMinute: Int
    public var dwellPerMinute: Int
    public var unscheduledPenalty: Int

    public init(latenessPerMinute: Int = 10, departureDelayPerMinute: Int = 1, dwellPerMinute: Int = 1, unscheduledPenalty: Int = 100_000) {
        self.latenessPerMinute = latenessPerMinute
        self.departureDelayPerMinute = departureDelayPerMinute
        self.dwellPerMinute = dwellPerMinute
        self.unscheduledPenalty = unscheduledPenalty
    }
}
