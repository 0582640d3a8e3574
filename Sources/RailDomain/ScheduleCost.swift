/// The objective of spec section 5, computed from a timetable's times alone.
public struct ScheduleCost: Hashable, Sendable {
    public struct TrainCost: Hashable, Sendable {
        public var train: TrainID
        public var cost: Int
    }

    public var total: Int
    /// Cost per train, in instance order (0 for fixed trains).
    public var perTrain: [TrainCost]

    /// Lateness of a run: `max(0, arr(n) − due_arrival)`, 0 without a due arrival or an arrival.
    public static func lateness(of train: Train, run: TrainRun) -> Int {
        guard let due = train.dueArrival, let arrival = run.stops.last?.arrival else { return 0 }
        return max(0, arrival - due)
    }

    /// The cost of one train: weight × (lateness, departure delay and extra dwell, each priced), or
    /// weight × penalty when an optional train is left out; fixed trains cost nothing.
    public static func cost(of train: Train, run: TrainRun?, weights: ObjectiveWeights) -> Int {
        guard let run, run.scheduled else {
            return train.isOptional ? train.weight * weights.unscheduledPenalty : 0
        }
        if train.isFixed { return 0 }
        var cost = weights.latenessPerMinute * lateness(of: train, run: run)
        if let earliest = train.earliestDeparture, let departure = run.stops.first?.departure {
            cost += weights.departureDelayPerMinute * (departure - earliest)
        }
        for (k, stop) in run.stops.enumerated() where k > 0 && k < run.stops.count - 1 {
            if let arrival = stop.arrival, let departure = stop.departure {
                cost += weights.dwellPerMinute * (departure - arrival - train.requiredDwell(atStop: k))
            }
        }
        return train.weight * cost
    }

    public static func compute(_ schedule: Schedule, for instance: Instance) -> ScheduleCost {
        var total = 0
        var perTrain: [TrainCost] = []
        for train in instance.trains {
            let cost = cost(of: train, run: schedule.run(of: train.id), weights: instance.objective)
            total += cost
            perTrain.append(TrainCost(train: train.id, cost: cost))
        }
        return ScheduleCost(total: total, perTrain: perTrain)
    }
}
