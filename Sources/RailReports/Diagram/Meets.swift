import RailDomain

/// Where opposing trains cross on single track: both at one station at once, one arriving off a
/// single-track section that the other leaves on (the only place they can pass).
struct Meet: Hashable {
    var station: StationID
    var minute: Minute
    var first: TrainID
    var second: TrainID
}

enum Meets {
    /// Meets in timetable order of trains (deterministic).
    static func find(_ schedule: Schedule, instance: Instance) -> [Meet] {
        struct Visit {
            var train: TrainID
            var from: Minute, to: Minute
            var cameFrom: StationID?, goesTo: StationID?
        }
        var visits: [StationID: [Visit]] = [:]
        for run in schedule.trains where run.scheduled {
            for (k, stop) in run.stops.enumerated() {
                guard let from = stop.arrival ?? stop.departure, let to = stop.departure ?? stop.arrival else { continue }
                visits[stop.station, default: []].append(Visit(
                    train: run.train, from: from, to: to,
                    cameFrom: k > 0 ? run.stops[k - 1].station : nil,
                    goesTo: k + 1 < run.stops.count ? run.stops[k + 1].station : nil))
            }
        }
        var meets: [Meet] = []
        for station in instance.stations {
            let here = visits[station.id] ?? []
            for (i, a) in here.enumerated() {
                for b in here[(i + 1)...] where a.from <= b.to && b.from <= a.to {
                    // One arrives off the section the other leaves on, and it is single track.
                    let shared = [(a.cameFrom, b.goesTo), (b.cameFrom, a.goesTo)].compactMap { pair -> StationID? in
                        guard let x = pair.0, let y = pair.1, x == y else { return nil }
                        return x
                    }
                    guard shared.contains(where: { instance.section(between: station.id, $0)?.trackage == .single }) else { continue }
                    meets.append(Meet(station: station.id, minute: max(a.from, b.from), first: a.train, second: b.train))
                }
            }
        }
        return meets
    }
}
