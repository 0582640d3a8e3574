/// Spec 4.4: a standing train occupies one track of its station over `[arr, dep)`; the track is
/// long enough; a customs stop stands on a customs lane that takes the train's cargo, a plain stop
/// on a siding; the track is open over the whole `[arr, dep]`; two trains on one track are apart
/// by the station's clearance: `arr(b) >= dep(a) + clearance`.
enum TrackRules {
    private struct Occupation {
        let train: TrainID
        let from: Minute
        let to: Minute
    }

    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        var occupations: [TrackID: [Occupation]] = [:]
        var trackOrder: [TrackID] = []
        for run in runs where run.lastIndex >= 2 {
            for k in 1..<run.lastIndex {
                let stop = run.run.stops[k]
                guard stop.stands, let trackID = stop.track else { continue }
                guard let (station, track) = instance.track(trackID), station.id == stop.station else {
                    found.append(Violation(.trackKind, trains: [run.train.id], place: trackID.rawValue,
                                           "\(run.train.id) stands on \(trackID), which is not a track of \(stop.station)"))
                    continue
                }
                checkFit(run, k: k, station: station, track: track, instance, into: &found)
                if occupations[trackID] == nil { trackOrder.append(trackID) }
                occupations[trackID, default: []].append(Occupation(train: run.train.id, from: run.arr(k), to: run.dep(k)))
            }
        }
        for trackID in trackOrder {
            guard let (station, _) = instance.track(trackID), let list = occupations[trackID] else { continue }
            checkOverlaps(list.sorted { ($0.from, $0.to) < ($1.from, $1.to) }, track: trackID, station: station, instance, into: &found)
        }
    }

    private static func checkFit(_ run: CheckedRun, k: Int, station: Station, track: Track, _ instance: Instance, into found: inout [Violation]) {
        let train = run.train, arrival = run.arr(k), departure = run.dep(k)
        let window = "\(instance.clock(arrival, at: station.id))–\(instance.clock(departure, at: station.id)) \(instance.offsetLabel(at: station.id))"
        if track.lengthMeters < train.lengthMeters {
            found.append(Violation(.trackLength, trains: [train.id], place: track.id.rawValue,
                                   "\(train.id) (\(format(train.lengthMeters)) m) does not fit on \(track.id) (\(format(track.lengthMeters)) m)"))
        }
        if train.hasCustoms(at: station.id) {
            if track.kind != .customs {
                found.append(Violation(.trackKind, trains: [train.id], place: track.id.rawValue,
                                       "\(train.id) is inspected at \(station.id) but stands on \(track.id), which is not a customs lane"))
            } else if !track.accepts(cargo: train.cargo) {
                found.append(Violation(.trackKind, trains: [train.id], place: track.id.rawValue,
                                       "customs lane \(track.id) does not inspect \(train.cargo?.rawValue ?? "trains without cargo") (it takes \(track.cargo.map(\.rawValue).joined(separator: ", "))), needed by \(train.id)"))
            }
        } else if track.kind != .siding {
            found.append(Violation(.trackKind, trains: [train.id], place: track.id.rawValue,
                                   "\(train.id) is not inspected at \(station.id) but stands on customs lane \(track.id)"))
        }
        if !track.hours.isOpen(from: arrival, to: departure) {
            let hours = track.openWindows.map(\.description).joined(separator: ", ")
            found.append(Violation(.trackOpen, trains: [train.id], place: track.id.rawValue, minutes: [arrival, departure],
                                   "\(train.id) stands on \(track.id) \(window), outside its opening hours \(hours)"))
        }
    }

    private static func checkOverlaps(_ list: [Occupation], track: TrackID, station: Station, _ instance: Instance, into found: inout [Violation]) {
        let clearance = station.clearanceMinutes
        for i in list.indices {
            for j in (i + 1)..<list.count {
                let a = list[i], b = list[j]
                if b.from >= a.to + clearance || a.from >= b.to + clearance { continue }
                let label = instance.offsetLabel(at: station.id)
                if b.from < a.to && a.from < b.to {
                    let from = max(a.from, b.from), to = min(a.to, b.to)
                    found.append(Violation(.trackOccupancy, trains: [a.train, b.train], place: track.rawValue, minutes: [from, to],
                                           "\(a.train) and \(b.train) both stand on \(track) between \(instance.clock(from, at: station.id)) and \(instance.clock(to, at: station.id)) \(label)"))
                } else {
                    let (first, second) = a.to <= b.from ? (a, b) : (b, a)
                    found.append(Violation(.trackOccupancy, trains: [first.train, second.train], place: track.rawValue, minutes: [first.to, second.from],
                                           "\(second.train) arrives on \(track) at \(instance.clock(second.from, at: station.id)), \(second.from - first.to) min after \(first.train) leaves at \(instance.clock(first.to, at: station.id)) \(label); the station's clearance is \(clearance) min"))
                }
            }
        }
    }

    private static func format(_ meters: Double) -> String {
        meters == meters.rounded() ? String(Int(meters)) : String(meters)
    }
}
