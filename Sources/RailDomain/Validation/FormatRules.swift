/// Spec section 6: every instance train appears once, in instance order; a scheduled train lists
/// every route station in order, an arrival everywhere but the first station and a departure
/// everywhere but the last; `track` exactly where it stands; `customs: true` exactly where inspected.
enum FormatRules {
    static func check(_ schedule: Schedule, _ instance: Instance, into found: inout [Violation]) -> [CheckedRun] {
        if schedule.instance != instance.name {
            found.append(Violation(.format, "the timetable is for instance \"\(schedule.instance)\", not \"\(instance.name)\""))
        }
        let known = Set(instance.trains.map(\.id))
        var seen: Set<TrainID> = []
        for run in schedule.trains {
            if !known.contains(run.train) {
                found.append(Violation(.format, trains: [run.train], "\(run.train) is not a train of the instance"))
            } else if !seen.insert(run.train).inserted {
                found.append(Violation(.format, trains: [run.train], "\(run.train) appears more than once"))
            }
        }
        let listed = schedule.trains.map(\.train).filter { known.contains($0) }
        var firstSeen: [TrainID] = []
        for id in listed where !firstSeen.contains(id) { firstSeen.append(id) }
        for train in instance.trains where !seen.contains(train.id) {
            found.append(Violation(.format, trains: [train.id], "\(train.id) is missing from the timetable"))
        }
        if firstSeen != instance.trains.map(\.id).filter({ seen.contains($0) }) {
            found.append(Violation(.format, "trains are not listed in instance order"))
        }

        var checked: [CheckedRun] = []
        for train in instance.trains {
            guard let run = schedule.run(of: train.id), run.scheduled else {
                if let run = schedule.run(of: train.id), !run.stops.isEmpty || !run.borderSlots.isEmpty {
                    found.append(Violation(.format, trains: [train.id], "\(train.id) is not scheduled but lists stops or border slots"))
                }
                continue
            }
            if let usable = checkStops(of: train, run: run, instance, into: &found) { checked.append(usable) }
        }
        return checked
    }

    private static func checkStops(of train: Train, run: TrainRun, _ instance: Instance, into found: inout [Violation]) -> CheckedRun? {
        let stations = run.stops.map(\.station)
        guard stations == train.route else {
            found.append(Violation(.format, trains: [train.id],
                                   "\(train.id) lists stations \(stations.map(\.rawValue).joined(separator: ", ")); its route is \(train.route.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        var usable = true
        let last = train.route.count - 1
        for (k, stop) in run.stops.enumerated() {
            let at = "\(train.id) at \(stop.station)"
            if k == 0, stop.arrival != nil {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue, "\(at): no arrival is written at the first station"))
            }
            if k == last, stop.departure != nil {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue, "\(at): no departure is written at the last station"))
            }
            if k > 0, stop.arrival == nil {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue, "\(at): the arrival is missing"))
                usable = false
            }
            if k < last, stop.departure == nil {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue, "\(at): the departure is missing"))
                usable = false
            }
            if stop.stands, stop.track == nil {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue, "\(at) stands but no track is given"))
            }
            if !stop.stands, let track = stop.track {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue, "\(at) does not stand, yet track \(track) is given"))
            }
            let inspected = k > 0 && k < last && train.hasCustoms(at: stop.station)
            if stop.customs != inspected {
                found.append(Violation(.format, trains: [train.id], place: stop.station.rawValue,
                                       inspected ? "\(at) is inspected but not marked customs: true" : "\(at) is marked customs: true but has no inspection there"))
            }
        }
        guard usable else { return nil }
        return CheckedRun(train: train, run: run, arrival: run.stops.map(\.arrival), departure: run.stops.map(\.departure))
    }
}
