import MIP
import RailDomain

extension LocalSearch {
    /// Ejection moves, for when no single train or pair can move alone: an expensive train (or a
    /// left-out optional one) takes a run it could have with only the fixed trains held — its
    /// best, or its best through another border slot; the trains that run collides with are taken
    /// out and put back one at a time (`SingleTrainSearch`, two orders tried). Kept if the total
    /// drops. A train that then finds no place (or costs the most more) is held where it is and
    /// the run planned again around it, a few times. On the 80-train bench day a heavy freight
    /// waited ten hours for a border slot while earlier slots stood empty: moving it there alone
    /// broke four single-track meets, so neither one- nor two-train moves could reach that.
    static func improveByEjection(_ current: inout [TrainRun], instance: Instance, demand: [TrackID: Double],
                                  until deadline: ContinuousClock.Instant, stop: CancellationToken?) -> Bool {
        let costs = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: current), for: instance).perTrain.map(\.cost)
        let fixed = Set(instance.trains.indices.filter { instance.trains[$0].isFixed })
        let seeds = instance.trains.indices.filter { !fixed.contains($0) && (current[$0].scheduled || instance.trains[$0].isOptional) }.sorted { costs[$0] > costs[$1] }
        // What only the trains of `kept` hold (`occupancy` takes the trains to leave out).
        func holding(_ kept: Set<Int>) -> Occupancy { occupancy(current, except: Set(current.indices).subtracting(kept), instance: instance) }
        let fixedOnly = holding(fixed)
        let heaviestFirst = { (a: Int, b: Int) in (-instance.trains[a].weight, -costs[a], a) < (-instance.trains[b].weight, -costs[b], b) }
        for seed in seeds where ContinuousClock.now < deadline && stop?.isCancelled != true {
            let train = instance.trains[seed]
            for filter in targetSlots(of: seed, instance: instance, holding: fixedOnly, demand: demand, below: costs[seed], until: deadline) {
                var held = fixed
                for _ in 0..<refinements {
                    guard ContinuousClock.now < deadline,
                          let target = SingleTrainSearch.plan(train, instance: instance, holding: holding(held), demand: demand, slotFilter: filter),
                          target.cost < costs[seed],
                          let ejected = blockers(of: target.run, seed: seed, current: current, instance: instance), !ejected.isEmpty else { break }
                    var culprits: Set<Int> = []
                    if ejected.count > maximumEjected {
                        // Too much in the way: hold the heaviest where they are.
                        culprits = Set(ejected.sorted(by: heaviestFirst).prefix(ejected.count - maximumEjected))
                    } else {
                        let before = costs[seed] + ejected.reduce(0) { $0 + costs[$1] }
                        var others = occupancy(current, except: Set(ejected + [seed]), instance: instance)
                        others.add(target.run, instance: instance)
                        let orders = [ejected.sorted(by: heaviestFirst),
                                      ejected.sorted { (current[$0].stops.first?.departure ?? 0, $0) < (current[$1].stops.first?.departure ?? 0, $1) }]
                        for order in orders {
                            switch reinsert(order, holding: others, instance: instance, demand: demand, costs: costs, budget: before - target.cost) {
                            case .placed(let placed):
                                current[seed] = target.run
                                for (index, run) in placed { current[index] = run }
                                return true
                            case .stuck(let culprit):
                                culprits.insert(culprit)
                            }
                        }
                    }
                    guard !culprits.isSubset(of: held) else { break }
                    held.formUnion(culprits)
                }
            }
        }
        return false
    }

    /// Slot choices worth a target run for the seed, best first: none (its best run), then each
    /// border slot it could take, where its best run alone (the fixed trains held) is cheaper
    /// than its present one.
    private static func targetSlots(of seed: Int, instance: Instance, holding: Occupancy, demand: [TrackID: Double],
                                    below: Int, until deadline: ContinuousClock.Instant) -> [((BorderID, SlotID) -> Bool)?] {
        let train = instance.trains[seed]
        guard let best = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand), best.cost < below else { return [] }
        var found: [(filter: ((BorderID, SlotID) -> Bool)?, cost: Int)] = [(nil, best.cost)]
        for choice in SingleTrainSearch.slotChoices(of: train, instance: instance)
        where !best.run.borderSlots.contains(SlotUse(border: choice.border, slot: choice.slot)) {
            guard ContinuousClock.now < deadline else { break }
            if let run = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand, slotFilter: choice.only), run.cost < below {
                found.append((choice.only, run.cost))
            }
        }
        return found.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element.filter)
    }

    /// The movable trains whose runs keep `run` out (each on its own, then together for slot
    /// capacities); nil when the fixed trains do.
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
        return ejected
    }

    private enum Reinsertion {
        case placed([(Int, TrainRun)])
        /// The train that found no place, or whose new run cost the most more than its old one.
        case stuck(Int)
    }

    /// Puts `order`'s trains back one by one: their new runs if they all fit (an optional train may
    /// stay out at its penalty) for less than `budget` in all.
    private static func reinsert(_ order: [Int], holding: Occupancy, instance: Instance, demand: [TrackID: Double], costs: [Int], budget: Int) -> Reinsertion {
        var holding = holding
        var spent = 0
        var placed: [(Int, TrainRun)] = []
        var worst: (index: Int, increase: Int)?
        for index in order {
            let train = instance.trains[index]
            let penalty = train.weight * instance.objective.unscheduledPenalty
            var cost = penalty
            if let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand), !train.isOptional || found.cost < penalty {
                cost = found.cost
                placed.append((index, holding.add(found.run, instance: instance)))
            } else if train.isOptional {
                placed.append((index, TrainRun(train: train.id, scheduled: false)))
            } else {
                return .stuck(index)
            }
            spent += cost
            if cost - costs[index] > (worst?.increase ?? .min) { worst = (index, cost - costs[index]) }
            if spent >= budget, let worst { return .stuck(worst.index) }
        }
        return .placed(placed)
    }

    /// Rounds of holding a culprit and planning the target run again.
    static let refinements = 3
    /// More trains than this in the way: the heaviest of them are held and the run planned again
    /// (putting back many trains would rebuild half the day, not repair it).
    static let maximumEjected = 8
}
