import MIP
import RailDomain

extension LocalSearch {
    /// Ejection moves, for when no single train or pair can move alone: an expensive train (or a
    /// left-out optional one) takes a run it could have with only the fixed trains held — its
    /// best, or its best through another border slot; the trains that run collides with are taken
    /// out and put back one at a time (`SingleTrainSearch`, two orders tried). Kept if the total
    /// drops. On the 80-train bench day a heavy freight waited ten hours for a border
    /// slot while earlier slots stood empty: moving it there alone broke four single-track meets,
    /// so neither one- nor two-train moves could reach that timetable.
    static func improveByEjection(_ current: inout [TrainRun], instance: Instance, demand: [TrackID: Double],
                                  until deadline: ContinuousClock.Instant, stop: CancellationToken?) -> Bool {
        var fixedOnly = Occupancy()
        for (index, train) in instance.trains.enumerated() where train.isFixed && current[index].scheduled {
            fixedOnly.add(current[index], instance: instance)
        }
        let costs = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: current), for: instance).perTrain.map(\.cost)
        let seeds = instance.trains.indices.filter { !instance.trains[$0].isFixed && (current[$0].scheduled || instance.trains[$0].isOptional) }.sorted { costs[$0] > costs[$1] }
        for seed in seeds where ContinuousClock.now < deadline && stop?.isCancelled != true {
            for target in targets(for: seed, instance: instance, holding: fixedOnly, demand: demand, below: costs[seed]) {
                guard ContinuousClock.now < deadline, let ejected = blockers(of: target.run, seed: seed, current: current, instance: instance) else { continue }
                let before = costs[seed] + ejected.reduce(0) { $0 + costs[$1] }
                var holding = occupancy(current, except: Set(ejected + [seed]), instance: instance)
                holding.add(target.run, instance: instance)
                let orders = [ejected.sorted { (-instance.trains[$0].weight, -costs[$0], $0) < (-instance.trains[$1].weight, -costs[$1], $1) },
                              ejected.sorted { (current[$0].stops.first?.departure ?? 0, $0) < (current[$1].stops.first?.departure ?? 0, $1) }]
                for order in orders {
                    guard let placed = reinsert(order, holding: holding, instance: instance, demand: demand, budget: before - target.cost) else { continue }
                    current[seed] = target.run
                    for (index, run) in placed { current[index] = run }
                    return true
                }
            }
        }
        return false
    }

    /// Runs for the seed with only the fixed trains held, cheaper than its present one, cheapest
    /// first: its best run, and its best through each border slot it could take.
    private static func targets(for seed: Int, instance: Instance, holding: Occupancy, demand: [TrackID: Double], below: Int) -> [(run: TrainRun, cost: Int)] {
        let train = instance.trains[seed]
        var found: [(run: TrainRun, cost: Int)] = []
        if let best = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand), best.cost < below { found.append(best) } else { return [] }
        for (a, b) in zip(train.route, train.route.dropFirst()) {
            guard let border = instance.border(between: a, b) else { continue }
            for slot in border.slots where (slot.fromStation == nil || slot.fromStation == a) && !found[0].run.borderSlots.contains(SlotUse(border: border.id, slot: slot.id)) {
                let only = { (candidate: BorderID, id: SlotID) in candidate != border.id || id == slot.id }
                if let run = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand, slotFilter: only), run.cost < below {
                    found.append(run)
                }
            }
        }
        return found.sorted { $0.cost < $1.cost }
    }

    /// The movable trains whose runs keep `run` out (each on its own, then together for slot
    /// capacities); nil when the fixed trains or too many others do.
    private static func blockers(of run: TrainRun, seed: Int, current: [TrainRun], instance: Instance) -> [Int]? {
        var ejected: [Int] = []
        for (index, other) in current.enumerated() where index != seed && other.scheduled && !instance.trains[index].isFixed {
            var alone = Occupancy()
            alone.add(other, instance: instance)
            if !alone.admits(run, instance: instance) { ejected.append(index) }
        }
        // A slot full only with two trains in it: whoever shares the run's slots goes too.
        if !occupancy(current, except: Set(ejected + [seed]), instance: instance).admits(run, instance: instance) {
            let slots = Set(run.borderSlots)
            for (index, other) in current.enumerated() where index != seed && !ejected.contains(index) && !instance.trains[index].isFixed
                && !slots.isDisjoint(with: other.borderSlots) {
                ejected.append(index)
            }
            guard occupancy(current, except: Set(ejected + [seed]), instance: instance).admits(run, instance: instance) else { return nil }
        }
        return ejected.isEmpty || ejected.count > maximumEjected ? nil : ejected
    }

    /// Puts `order`'s trains back one by one; their new runs if they all fit (an optional train may
    /// stay out at its penalty) for less than `budget` in all.
    private static func reinsert(_ order: [Int], holding: Occupancy, instance: Instance, demand: [TrackID: Double], budget: Int) -> [(Int, TrainRun)]? {
        var holding = holding
        var spent = 0
        var placed: [(Int, TrainRun)] = []
        for index in order {
            let train = instance.trains[index]
            let penalty = train.weight * instance.objective.unscheduledPenalty
            if let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand), !train.isOptional || found.cost < penalty {
                spent += found.cost
                placed.append((index, holding.add(found.run, instance: instance)))
            } else if train.isOptional {
                spent += penalty
                placed.append((index, TrainRun(train: train.id, scheduled: false)))
            } else {
                return nil
            }
            if spent >= budget { return nil }
        }
        return placed
    }

    /// More trains than this in the way: the move would rebuild half the day, not repair it.
    static let maximumEjected = 8
}
