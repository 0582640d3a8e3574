import RailDomain

extension InstanceGenerator {
    /// Makes about `share` of the trains fixed (spec section 3): each chosen train gets its
    /// no-wait run from its earliest departure — the required dwells on the first track that
    /// takes it, the first border slot open at its crossing — and keeps it only if the validator
    /// accepts the fixed trains so far with it (else it stays movable). Its own random stream
    /// leaves every other value of the instance as it was.
    func fixingSome(of instance: Instance, share: Double, seed: UInt64) -> Instance {
        guard share > 0 else { return instance }
        var random = SeededRandom(seed: seed &+ 0x9E37_79B9)
        var result = instance
        var fixedSoFar: [(train: Train, run: TrainRun)] = []
        for index in instance.trains.indices where Double.random(in: 0..<1, using: &random) < share {
            let train = instance.trains[index]
            guard !train.isFixed, let run = noWaitRun(of: train, in: instance) else { continue }
            var fixed = train
            fixed.fixed = run.stops.map { FixedStop(station: $0.station, arrival: $0.arrival, departure: $0.departure, track: $0.track) }
            fixed.earliestDeparture = nil
            fixed.dueArrival = nil
            fixed.isOptional = false
            // The fixed trains so far, with this one, must obey every rule among themselves.
            let together = fixedSoFar + [(fixed, run)]
            var alone = instance
            alone.trains = together.map(\.train)
            let schedule = Schedule(instance: alone.name, status: .feasible, objective: 0, trains: together.map(\.run))
            guard ScheduleValidator.validate(schedule, against: alone).isEmpty else { continue }
            result.trains[index] = fixed
            fixedSoFar = together
        }
        return result
    }

    /// The train's run without waiting beyond what it must stand, or nil where no track, slot or
    /// horizon allows it.
    private func noWaitRun(of train: Train, in instance: Instance) -> TrainRun? {
        guard let first = train.earliestDeparture, first >= 0 else { return nil }
        var stops: [StopTime] = []
        var slots: [SlotUse] = []
        var time = first
        for (k, stationID) in train.route.enumerated() {
            var stop = StopTime(station: stationID)
            if k > 0 {
                stop.arrival = time
                if k < train.route.count - 1 {
                    let dwell = train.requiredDwell(atStop: k)
                    stop.departure = time + dwell
                    if dwell > 0 {
                        let customs = train.hasCustoms(at: stationID)
                        guard let station = instance.station(stationID),
                              let track = station.tracks.first(where: { track in
                                  track.lengthMeters >= train.lengthMeters
                                      && (customs ? track.kind == .customs && track.accepts(cargo: train.cargo) : track.kind == .siding)
                              }) else { return nil }
                        stop.track = track.id
                        stop.customs = customs
                    }
                }
            } else {
                stop.departure = time
            }
            if k + 1 < train.route.count, let departure = stop.departure {
                let next = train.route[k + 1]
                guard let section = instance.sections.first(where: { $0.joins(stationID, next) }),
                      let running = section.runningMinutes[train.trainClass] else { return nil }
                if let border = instance.border(between: stationID, next) {
                    guard let slot = border.slots.first(where: { ($0.fromStation == nil || $0.fromStation == stationID) && $0.opens <= departure && departure <= $0.closes })
                    else { return nil }
                    slots.append(SlotUse(border: border.id, slot: slot.id))
                }
                time = departure + running
            }
            stops.append(stop)
        }
        guard time <= instance.horizonMinutes else { return nil }
        return TrainRun(train: train.id, scheduled: true, latenessMinutes: 0, borderSlots: slots, stops: stops)
    }
}
