import Tagged

/// How a timetable came about (spec section 6).
public enum ScheduleStatus: String, Sendable, Codable, CaseIterable {
    /// Proven optimal.
    case optimal
    /// A timetable; optimality not proven (time or gap limit).
    case feasible
    /// Proven: no timetable schedules every non-optional train.
    case infeasible
    /// A limit was reached before any timetable was found.
    case noSolution = "no_solution"

    /// True if the timetable must schedule every non-optional train.
    public var promisesEveryTrain: Bool { self == .optimal || self == .feasible }
}

/// One station of a train's run, in plan minutes.
public struct StopTime: Hashable, Sendable {
    public var station: StationID
    /// nil at the first station of the route.
    public var arrival: Minute?
    /// nil at the last station of the route.
    public var departure: Minute?
    /// The track stood on; nil where the train passes without stopping.
    public var track: TrackID?
    /// True where the train is inspected.
    public var customs: Bool

    public init(station: StationID, arrival: Minute? = nil, departure: Minute? = nil, track: TrackID? = nil, customs: Bool = false) {
        self.station = station
        self.arrival = arrival
        self.departure = departure
        self.track = track
        self.customs = customs
    }

    /// True if the train stands here (departs later than it arrives).
    public var stands: Bool {
        guard let arrival, let departure else { return false }
        return departure > arrival
    }
}

public struct SlotUse: Hashable, Sendable {
    public var border: BorderID
    public var slot: SlotID

    public init(border: BorderID, slot: SlotID) {
        self.border = border
        self.slot = slot
    }
}

/// One train's line of a timetable.
public struct TrainRun: Hashable, Sendable {
    public var train: TrainID
    public var scheduled: Bool
    /// As claimed by the timetable (checked by the validator).
    public var latenessMinutes: Int?
    public var borderSlots: [SlotUse]
    public var stops: [StopTime]
    /// Why an unscheduled train could not be placed, when known.
    public var reason: String?

    public init(train: TrainID, scheduled: Bool, latenessMinutes: Int? = nil, borderSlots: [SlotUse] = [],
                stops: [StopTime] = [], reason: String? = nil) {
        self.train = train
        self.scheduled = scheduled
        self.latenessMinutes = latenessMinutes
        self.borderSlots = borderSlots
        self.stops = stops
        self.reason = reason
    }
}

public struct SolverReport: Hashable, Sendable {
    public var name: String
    public var version: String
    public var seconds: Double
    public var nodes: Int

    public init(name: String, version: String, seconds: Double, nodes: Int) {
        self.name = name
        self.version = version
        self.seconds = seconds
        self.nodes = nodes
    }
}

/// A timetable for an instance, in plan minutes: what the optimizer decodes, what the timetable
/// file holds, and what the validator judges.
public struct Schedule: Hashable, Sendable {
    public var instance: String
    public var status: ScheduleStatus
    /// The cost of spec section 5 as claimed; the validator recomputes it from the times.
    public var objective: Int?
    public var bound: Double?
    public var solver: SolverReport?
    public var trains: [TrainRun]

    public init(instance: String, status: ScheduleStatus, objective: Int? = nil, bound: Double? = nil,
                solver: SolverReport? = nil, trains: [TrainRun]) {
        self.instance = instance
        self.status = status
        self.objective = objective
        self.bound = bound
        self.solver = solver
        self.trains = trains
    }

    public func run(of train: TrainID) -> TrainRun? { trains.first { $0.train == train } }
}
