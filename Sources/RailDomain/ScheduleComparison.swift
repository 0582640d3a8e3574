/// What differs between two timetables of the same trains, train by train: for people reviewing
/// a re-plan and for tests that compare schedules like `diff`. Both schedules must count minutes
/// from the same origin. Bound and solver report are not compared (they describe how a timetable
/// was found, not the timetable).
public struct ScheduleComparison: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        /// In one timetable only.
        case onlyIn(Side)
        case scheduled(was: Bool, now: Bool)
        /// Minutes the first departure moved (positive: later).
        case departure(shift: Int)
        /// Minutes stood at a station, before and after (nil: passes or not in the run).
        case dwell(station: StationID, was: Int?, now: Int?)
        /// Minutes an arrival moved beyond what the departure and dwell changes explain.
        case running(station: StationID, shift: Int)
        case track(station: StationID, was: TrackID?, now: TrackID?)
        case customs(station: StationID, was: Bool, now: Bool)
        case slots(was: [SlotUse], now: [SlotUse])
        case lateness(was: Int?, now: Int?)
        /// The stations differ (a different route): times are not compared stop by stop.
        case stations(was: [StationID], now: [StationID])
    }

    public enum Side: String, Hashable, Sendable { case a, b }

    public struct TrainDifference: Hashable, Sendable {
        public var train: TrainID
        public var changes: [Change]

        public init(train: TrainID, changes: [Change]) {
            self.train = train
            self.changes = changes
        }
    }

    public var statusChange: (was: ScheduleStatus, now: ScheduleStatus)? {
        statuses.0 == statuses.1 ? nil : statuses
    }
    public var statuses: (ScheduleStatus, ScheduleStatus)
    public var objectives: (Int?, Int?)
    public var trains: [TrainDifference]

    /// True when every train runs the same way and status and objective agree.
    public var identical: Bool { trains.isEmpty && statusChange == nil && objectives.0 == objectives.1 }

    public static func == (lhs: ScheduleComparison, rhs: ScheduleComparison) -> Bool {
        lhs.statuses == rhs.statuses && lhs.objectives == rhs.objectives && lhs.trains == rhs.trains
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(statuses.0)
        hasher.combine(statuses.1)
        hasher.combine(objectives.0)
        hasher.combine(objectives.1)
        hasher.combine(trains)
    }

    /// Trains in `a`'s order, then those only in `b`.
    public static func compare(_ a: Schedule, _ b: Schedule) -> ScheduleComparison {
        var differences: [TrainDifference] = []
        let bRuns = Dictionary(b.trains.map { ($0.train, $0) }, uniquingKeysWith: { first, _ in first })
        let aIDs = Set(a.trains.map(\.train))
        for run in a.trains {
            let changes = bRuns[run.train].map { compare(run, $0) } ?? [.onlyIn(.a)]
            if !changes.isEmpty { differences.append(TrainDifference(train: run.train, changes: changes)) }
        }
        for run in b.trains where !aIDs.contains(run.train) {
            differences.append(TrainDifference(train: run.train, changes: [.onlyIn(.b)]))
        }
        return ScheduleComparison(statuses: (a.status, b.status), objectives: (a.objective, b.objective), trains: differences)
    }

    static func compare(_ a: TrainRun, _ b: TrainRun) -> [Change] {
        guard a.scheduled == b.scheduled else { return [.scheduled(was: a.scheduled, now: b.scheduled)] }
        guard a.scheduled else { return [] }
        var changes: [Change] = []
        let aStations = a.stops.map(\.station), bStations = b.stops.map(\.station)
        if aStations != bStations {
            changes.append(.stations(was: aStations, now: bStations))
        } else {
            changes += stopChanges(a.stops, b.stops)
        }
        if a.borderSlots != b.borderSlots { changes.append(.slots(was: a.borderSlots, now: b.borderSlots)) }
        if (a.latenessMinutes ?? 0) != (b.latenessMinutes ?? 0) { changes.append(.lateness(was: a.latenessMinutes, now: b.latenessMinutes)) }
        return changes
    }

    /// Departure shift, then per station: running (unexplained arrival moves), dwell, track, customs.
    private static func stopChanges(_ a: [StopTime], _ b: [StopTime]) -> [Change] {
        var changes: [Change] = []
        // How far the train has moved so far: arrivals are expected to move by this much.
        var moved = 0
        if let first = a.first?.departure, let second = b.first?.departure, first != second {
            changes.append(.departure(shift: second - first))
            moved = second - first
        }
        for (k, (x, y)) in zip(a, b).enumerated() where k > 0 {
            if let arrivalA = x.arrival, let arrivalB = y.arrival, arrivalB - arrivalA != moved {
                changes.append(.running(station: x.station, shift: arrivalB - arrivalA - moved))
                moved = arrivalB - arrivalA
            }
            let dwellA = dwell(x), dwellB = dwell(y)
            if dwellA != dwellB {
                changes.append(.dwell(station: x.station, was: dwellA, now: dwellB))
                if let departureA = x.departure, let departureB = y.departure { moved = departureB - departureA }
            }
            if x.track != y.track { changes.append(.track(station: x.station, was: x.track, now: y.track)) }
            if x.customs != y.customs { changes.append(.customs(station: x.station, was: x.customs, now: y.customs)) }
        }
        return changes
    }

    private static func dwell(_ stop: StopTime) -> Int? {
        guard let arrival = stop.arrival, let departure = stop.departure else { return nil }
        return departure - arrival
    }
}
