import MIP
import RailDomain

/// Improves a timetable one or two trains at a time: take them out, give each its cheapest run
/// against all the others (`SingleTrainSearch`), keep the change if the total cost drops; then
/// ejection moves (`LocalSearch+Ejection.swift`). Every step keeps a valid timetable, since a
/// train's old run is still open to it.
enum LocalSearch {
    /// Stops at `deadline` or when `stop` is cancelled, with the best timetable so far.
    /// `ejection`: also ejection moves (`improveByEjection`) once no train or pair moves alone.
    static func improve(_ runs: [TrainRun], instance: Instance, until deadline: ContinuousClock.Instant,
                        stop: CancellationToken? = nil, ejection: Bool = true) -> [TrainRun] {
        var current = runs
        let demand = SingleTrainSearch.demand(instance)
        let weights = instance.objective
        var improved = true
        while improved, ContinuousClock.now < deadline, stop?.isCancelled != true {
            improved = false
            let costs = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: current), for: instance).perTrain
            let order = instance.trains.indices.filter { !instance.trains[$0].isFixed }.sorted { costs[$0].cost > costs[$1].cost }
            for index in order where ContinuousClock.now < deadline && stop?.isCancelled != true {
                let train = instance.trains[index]
                let holding = occupancy(current, except: [index], instance: instance)
                let old = costs[index].cost
                guard let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand) else {
                    continue
                }
                let penalty = train.weight * weights.unscheduledPenalty
                if train.isOptional, found.cost >= penalty {
                    if current[index].scheduled, old > penalty {
                        current[index] = TrainRun(train: train.id, scheduled: false)
                        improved = true
                    }
                    continue
                }
                if found.cost < old {
                    current[index] = found.run
                    improved = true
                }
            }
            if !improved { improved = improvePairs(&current, instance: instance, demand: demand, until: deadline) }
            if !improved, ejection { improved = improveByEjection(&current, instance: instance, demand: demand, until: deadline, stop: stop) }
        }
        return current
    }

    /// Two trains whose runs overlap in time, taken out together and put back in both orders.
    private static func improvePairs(_ current: inout [TrainRun], instance: Instance, demand: [TrackID: Double], until deadline: ContinuousClock.Instant) -> Bool {
        let schedule = Schedule(instance: instance.name, status: .feasible, trains: current)
        let costs = ScheduleCost.compute(schedule, for: instance).perTrain
        let movable = instance.trains.indices.filter { !instance.trains[$0].isFixed && current[$0].scheduled }
        let expensive = movable.sorted { costs[$0].cost > costs[$1].cost }.prefix(12)
        for i in expensive {
            for j in movable where j != i && overlaps(current[i], current[j]) {
                guard ContinuousClock.now < deadline else { return false }
                let before = costs[i].cost + costs[j].cost
                for (first, second) in [(i, j), (j, i)] {
                    var holding = occupancy(current, except: [i, j], instance: instance)
                    guard let a = SingleTrainSearch.plan(instance.trains[first], instance: instance, holding: holding, demand: demand) else { continue }
                    holding.add(a.run, instance: instance)
                    guard let b = SingleTrainSearch.plan(instance.trains[second], instance: instance, holding: holding, demand: demand) else { continue }
                    if a.cost + b.cost < before {
                        current[first] = a.run
                        current[second] = b.run
                        return true
                    }
                }
            }
        }
        return false
    }

    private static func overlaps(_ a: TrainRun, _ b: TrainRun) -> Bool {
        guard let a0 = a.stops.first?.departure, let a1 = a.stops.last?.arrival,
              let b0 = b.stops.first?.departure, let b1 = b.stops.last?.arrival else { return false }
        return a0 <= b1 && b0 <= a1
    }

    /// What every run but those of `except` holds. Fixed trains keep the slots they were given.
    static func occupancy(_ runs: [TrainRun], except: Set<Int>, instance: Instance) -> Occupancy {
        var holding = Occupancy()
        for (index, run) in runs.enumerated() where !except.contains(index) && run.scheduled {
            holding.add(run, instance: instance)
        }
        return holding
    }
}
