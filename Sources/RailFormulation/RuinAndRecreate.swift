import MIP
import RailDomain

/// Ruin and recreate with late acceptance: take a few related trains out (a costly train and
/// some whose runs share its stations and hours), put them back one at a time in a random order,
/// each on its cheapest run against the others (`SingleTrainSearch`), and go on from the result
/// if it is no worse than the timetable of `history` steps ago. The other searches only ever
/// accept a cheaper timetable and stall in deep local optima; a step here takes under a
/// millisecond on 80 trains, not a MIP's second, and may pass through worse timetables to reach
/// better ones.
enum RuinAndRecreate {
    /// Trains taken out per step: from 2 to this (80 bench trains, 30 s, four runs each: at most 8
    /// ended at 58438–82569, at most 15 at 64085–69077, at most 25 at 52211–68971).
    static let largestRuin = 25
    /// Late acceptance's memory, in steps.
    static let history = 100
    /// Minutes around the seed's run within which other trains count as related.
    static let reach = 60

    /// Runs until `deadline` or `stop`, or until it has found nothing cheaper for `stallSeconds`
    /// and for half its time so far; `better` is told of every timetable cheaper than any before
    /// (it validates and keeps them). Returns the cheapest found.
    static func improve(_ runs: [TrainRun], instance: Instance, until deadline: ContinuousClock.Instant, stop: CancellationToken? = nil,
                        seed: UInt64, stallSeconds: Double = 3, better: ([TrainRun]) -> Int?) -> [TrainRun] {
        let started = ContinuousClock.now
        var lastFound = started
        var random = SeededRandom(seed: seed)
        let demand = SingleTrainSearch.demand(instance)
        let movable = instance.trains.indices.filter { !instance.trains[$0].isFixed }
        guard movable.count >= 2 else { return runs }
        var current = runs
        var currentCosts = costs(current, instance)
        var currentTotal = currentCosts.reduce(0, +)
        var best = (runs: runs, cost: currentTotal)
        var recent = Array(repeating: currentTotal, count: history)
        var step = 0
        func stalled() -> Bool {
            let now = ContinuousClock.now
            return (now - lastFound).seconds >= max(stallSeconds, (now - started).seconds / 2)
        }
        while ContinuousClock.now < deadline, stop?.isCancelled != true, !stalled() {
            step += 1
            let ruined = ruin(current, costs: currentCosts, movable: movable, instance: instance, random: &random)
            guard let candidate = recreate(current, ruined: ruined, instance: instance, demand: demand, random: &random) else { continue }
            let candidateCosts = costs(candidate, instance)
            let total = candidateCosts.reduce(0, +)
            let slot = step % history
            if total <= currentTotal || total <= recent[slot] {
                current = candidate
                currentCosts = candidateCosts
                currentTotal = total
                if total < best.cost, better(candidate) != nil {
                    best = (candidate, total)
                    lastFound = ContinuousClock.now
                }
            }
            recent[slot] = min(recent[slot], currentTotal)
        }
        return best.runs
    }

    private static func costs(_ runs: [TrainRun], _ instance: Instance) -> [Int] {
        ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: runs), for: instance).perTrain.map(\.cost)
    }

    /// A seed drawn with odds by its cost (any movable train now and then), and up to
    /// `largestRuin − 1` trains drawn from those whose runs come within `reach` minutes of its
    /// own at a station of its route.
    private static func ruin(_ runs: [TrainRun], costs: [Int], movable: [Int], instance: Instance,
                             random: inout SeededRandom) -> [Int] {
        let seed: Int
        let total = movable.reduce(0) { $0 + costs[$1] }
        if total > 0, Int.random(in: 0..<4, using: &random) > 0 {
            var pick = Int.random(in: 0..<total, using: &random)
            seed = movable.first { pick -= costs[$0]; return pick < 0 } ?? movable[0]
        } else {
            seed = movable.randomElement(using: &random)!
        }
        let size = Int.random(in: 2...largestRuin, using: &random)
        let near = reachOf(runs[seed])
        var related = movable.filter { $0 != seed && isRelated(runs[$0], index: $0, near: near, instance) }
        related.shuffle(using: &random)
        return [seed] + related.prefix(size - 1)
    }

    /// Per station of a run, its stand there widened by `reach` minutes each way; nil for a train
    /// left out.
    private static func reachOf(_ run: TrainRun) -> [StationID: ClosedRange<Minute>]? {
        guard run.scheduled else { return nil }
        var near: [StationID: ClosedRange<Minute>] = [:]
        for stop in run.stops {
            let (arrival, departure) = stand(stop)
            near[stop.station] = (arrival - reach)...(departure + reach)
        }
        return near
    }

    /// From arriving to leaving (one minute where the run starts or ends), in order whatever
    /// the run says, so that a range of it never traps.
    private static func stand(_ stop: StopTime) -> (Minute, Minute) {
        let arrival = stop.arrival ?? stop.departure ?? 0, departure = stop.departure ?? stop.arrival ?? 0
        return (min(arrival, departure), max(arrival, departure))
    }

    /// Whether `run` stands at or passes a station within the seed's `near` minutes there. Every
    /// train is related to a seed left out, and a train left out to every seed (putting it back
    /// is worth a try).
    private static func isRelated(_ run: TrainRun, index: Int, near: [StationID: ClosedRange<Minute>]?, _ instance: Instance) -> Bool {
        guard run.scheduled else { return instance.trains[index].isOptional }
        guard let near else { return true }
        return run.stops.contains { stop in
            guard let window = near[stop.station] else { return false }
            let (arrival, departure) = stand(stop)
            return window.overlaps(arrival...departure)
        }
    }

    /// The ruined trains put back in a random order, each on its cheapest run against the rest
    /// (an optional train stays out when running costs more than leaving it out); nil when a
    /// train that must run finds no run.
    private static func recreate(_ runs: [TrainRun], ruined: [Int], instance: Instance, demand: [TrackID: Double],
                                 random: inout SeededRandom) -> [TrainRun]? {
        var result = runs
        var holding = LocalSearch.occupancy(runs, except: Set(ruined), instance: instance)
        for index in ruined.shuffled(using: &random) {
            let train = instance.trains[index]
            let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand)
            let penalty = train.weight * instance.objective.unscheduledPenalty
            guard let found, !(train.isOptional && found.cost >= penalty) else {
                guard train.isOptional else { return nil }
                result[index] = TrainRun(train: train.id, scheduled: false)
                continue
            }
            result[index] = found.run
            holding.add(found.run, instance: instance)
        }
        return result
    }
}
