/// The figures a planner reads first: who runs, how late, how full the border slots, customs
/// lanes and sidings are. Computed from a timetable's times and its instance alone.
public struct ScheduleKPIs: Hashable, Sendable {
    /// Trains of one border, entering from one end (nil: slots shared by both directions).
    public struct SlotUseByDirection: Hashable, Sendable {
        public var border: BorderID
        public var enteringFrom: StationID?
        /// Trains that used a slot of this direction.
        public var trains: Int
        /// Distinct slots used / offered for this direction.
        public var slotsUsed: Int
        public var slotsOffered: Int
        /// Sum of the offered slots' capacities.
        public var capacity: Int
    }

    public struct LaneUse: Hashable, Sendable {
        public var station: StationID
        public var track: TrackID
        public var trains: Int
        /// Minutes a train stood on the lane.
        public var occupiedMinutes: Int
        /// Minutes the lane is open within the horizon.
        public var openMinutes: Int
        public var utilisation: Double { openMinutes > 0 ? Double(occupiedMinutes) / Double(openMinutes) : 0 }
    }

    public struct SidingPeak: Hashable, Sendable {
        public var station: StationID
        public var sidings: Int
        /// Most trains standing on the station's sidings at one time, and the first minute it happens.
        public var peak: Int
        public var at: Minute?
    }

    public var trains: Int
    public var scheduled: Int
    public var leftOut: [TrainID]
    public var lateTrains: Int
    public var latenessMinutes: Int
    /// Σ weight × lateness_per_minute × lateness: the lateness part of the objective.
    public var weightedLatenessCost: Int
    /// The whole objective of spec section 5, recomputed.
    public var objective: Int
    public var slotUse: [SlotUseByDirection]
    public var customsLanes: [LaneUse]
    public var sidingPeaks: [SidingPeak]

    public static func compute(_ schedule: Schedule, for instance: Instance) -> ScheduleKPIs {
        var scheduled = 0, lateTrains = 0, lateness = 0, weighted = 0
        var leftOut: [TrainID] = []
        for train in instance.trains {
            guard let run = schedule.run(of: train.id), run.scheduled else {
                leftOut.append(train.id)
                continue
            }
            scheduled += 1
            let late = ScheduleCost.lateness(of: train, run: run)
            if late > 0 { lateTrains += 1 }
            lateness += late
            if !train.isFixed { weighted += train.weight * instance.objective.latenessPerMinute * late }
        }
        return ScheduleKPIs(
            trains: instance.trains.count, scheduled: scheduled, leftOut: leftOut, lateTrains: lateTrains,
            latenessMinutes: lateness, weightedLatenessCost: weighted,
            objective: ScheduleCost.compute(schedule, for: instance).total,
            slotUse: slotUse(schedule, instance), customsLanes: customsLanes(schedule, instance),
            sidingPeaks: sidingPeaks(schedule, instance))
    }

    private static func slotUse(_ schedule: Schedule, _ instance: Instance) -> [SlotUseByDirection] {
        var result: [SlotUseByDirection] = []
        for border in instance.borders {
            // Directions in a stable order: each end of the section, then shared slots.
            let directions: [StationID?] = [border.section.0, border.section.1, nil]
            for direction in directions {
                let offered = border.slots.filter { $0.fromStation == direction }
                guard !offered.isEmpty else { continue }
                let offeredIDs = Set(offered.map(\.id))
                var trains = 0
                var used: Set<SlotID> = []
                for run in schedule.trains where run.scheduled {
                    for use in run.borderSlots where use.border == border.id && offeredIDs.contains(use.slot) {
                        trains += 1
                        used.insert(use.slot)
                    }
                }
                result.append(SlotUseByDirection(border: border.id, enteringFrom: direction, trains: trains, slotsUsed: used.count,
                                                 slotsOffered: offered.count, capacity: offered.reduce(0) { $0 + $1.capacity }))
            }
        }
        return result
    }

    private static func customsLanes(_ schedule: Schedule, _ instance: Instance) -> [LaneUse] {
        var result: [LaneUse] = []
        for station in instance.stations {
            for track in station.tracks where track.kind == .customs {
                var trains = 0, occupied = 0
                for run in schedule.trains where run.scheduled {
                    for stop in run.stops where stop.track == track.id {
                        guard let arrival = stop.arrival, let departure = stop.departure else { continue }
                        trains += 1
                        occupied += departure - arrival
                    }
                }
                result.append(LaneUse(station: station.id, track: track.id, trains: trains, occupiedMinutes: occupied,
                                      openMinutes: openMinutes(track.hours, horizon: instance.horizonMinutes)))
            }
        }
        return result
    }

    /// Minutes of `[0, horizon)` inside the opening hours.
    static func openMinutes(_ hours: OpeningHours, horizon: Int) -> Int {
        guard let intervals = hours.intervals else { return horizon }
        return intervals.reduce(0) { total, interval in
            total + max(0, min(interval.upperBound, horizon) - max(interval.lowerBound, 0))
        }
    }

    private static func sidingPeaks(_ schedule: Schedule, _ instance: Instance) -> [SidingPeak] {
        var result: [SidingPeak] = []
        for station in instance.stations {
            let sidings = Set(station.tracks.filter { $0.kind == .siding }.map(\.id))
            guard !sidings.isEmpty else { continue }
            // +1 at each arrival, −1 at each departure (half-open stands); departures first at a tie.
            var events: [(minute: Minute, change: Int)] = []
            for run in schedule.trains where run.scheduled {
                for stop in run.stops where stop.station == station.id {
                    guard let track = stop.track, sidings.contains(track), let arrival = stop.arrival, let departure = stop.departure,
                          departure > arrival else { continue }
                    events.append((arrival, 1))
                    events.append((departure, -1))
                }
            }
            events.sort { ($0.minute, $0.change) < ($1.minute, $1.change) }
            var current = 0, peak = 0
            var at: Minute?
            for event in events {
                current += event.change
                if current > peak {
                    peak = current
                    at = event.minute
                }
            }
            result.append(SidingPeak(station: station.id, sidings: sidings.count, peak: peak, at: at))
        }
        return result
    }
}
