import MIP
import RailDomain

/// A solution the decoder could not turn into a timetable: a bug, reported with its details.
public struct DecodingError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "decoding failed: \(message)" }
}

extension TimetableModel {
    /// The timetable a solution describes: times from the steps, tracks by greedy colouring of
    /// each class's stands (exact for identical tracks), slots from the slot binaries.
    public func decode(_ values: [Double]) throws(DecodingError) -> [TrainRun] {
        var runs: [TrainRun] = []
        var stands: [String: [(train: Int, stop: Int, arrival: Minute, departure: Minute)]] = [:]
        var standOrder: [(StationID, Int)] = []
        for (index, train) in instance.trains.enumerated() {
            guard let variables = trains[index], variables.scheduled.map({ values[$0.index] > 0.5 }) ?? true else {
                runs.append(TrainRun(train: train.id, scheduled: false))
                continue
            }
            guard var time = variables.origin.minute(in: values) else { throw DecodingError(message: "\(train.id) has no departure") }
            var stops = [StopTime(station: train.route[0], departure: time)]
            for k in 1..<train.route.count {
                let arrival = time + variables.runs[k - 1]
                if k == train.route.count - 1 {
                    stops.append(StopTime(station: train.route[k], arrival: arrival))
                    break
                }
                guard let chosen = variables.stops[k - 1].first(where: { values[$0.arrive.final.index] > 0.5 }),
                      let arrived = chosen.arrive.minute(in: values), let departed = chosen.depart.minute(in: values) else {
                    throw DecodingError(message: "\(train.id) takes no option at \(train.route[k])")
                }
                guard arrived == arrival else {
                    throw DecodingError(message: "\(train.id) arrives at \(train.route[k]) at \(arrived) in its step, \(arrival) by running time")
                }
                stops.append(StopTime(station: train.route[k], arrival: arrival, departure: departed, customs: train.hasCustoms(at: train.route[k])))
                if case .track(let classIndex) = chosen.option {
                    let key = "\(train.route[k])#\(classIndex)"
                    if stands[key] == nil { standOrder.append((train.route[k], classIndex)) }
                    stands[key, default: []].append((index, k, arrival, departed))
                }
                time = departed
            }
            let slots = slotChoices[index].filter { values[$0.variable.index] > 0.5 }.map { SlotUse(border: $0.border.id, slot: $0.slot.id) }
            var run = TrainRun(train: train.id, scheduled: true, borderSlots: slots, stops: stops)
            run.latenessMinutes = ScheduleCost.lateness(of: train, run: run)
            runs.append(run)
        }
        for (station, classIndex) in standOrder {
            let trackClass = classes[station]![classIndex]
            let clearance = instance.station(station)?.clearanceMinutes ?? 0
            let list = stands["\(station)#\(classIndex)"]!
            let intervals = list.map { TrackAssignment.Stand(from: $0.arrival, to: $0.departure + clearance,
                                                             given: instance.trains[$0.train].fixed?[$0.stop].track) }
            guard let assignment = TrackAssignment.assign(intervals, tracks: trackClass.tracks.map(\.id)) else {
                throw DecodingError(message: "the stands on class \(trackClass.label) cannot be given tracks")
            }
            for (stand, track) in zip(list, assignment) { runs[stand.train].stops[stand.stop].track = track }
        }
        return runs
    }
}
