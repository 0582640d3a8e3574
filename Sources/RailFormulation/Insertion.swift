import MIP
import RailDomain

/// Fast ways to per-train lower bounds and to a first timetable, one train at a time against
/// the trains already placed (`SingleTrainSearch`).
enum SingleTrainPlans {
    /// A fixed train's run as written in the instance (its slot chosen later).
    static func fixedRun(_ train: Train) -> TrainRun? {
        guard let fixed = train.fixed else { return nil }
        var run = TrainRun(train: train.id, scheduled: true, stops: fixed.enumerated().map { k, stop in
            StopTime(station: stop.station, arrival: stop.arrival, departure: stop.departure, track: stop.track,
                     customs: k > 0 && k < fixed.count - 1 && train.hasCustoms(at: stop.station))
        })
        run.latenessMinutes = ScheduleCost.lateness(of: train, run: run)
        return run
    }

    /// The fixed trains' runs held, each border crossing given a slot (by index of train): in
    /// the order in which they enter their first border, each takes the open slot with room that
    /// closes first. For slots open both ways, that order makes the greedy choice a best one; in
    /// the instance's order a train listed early but crossing late could take the only slot open
    /// to an earlier one, and then no timetable was found.
    static func fixedHolding(_ instance: Instance) -> (holding: Occupancy, runs: [Int: TrainRun]) {
        let fixed = instance.trains.indices.compactMap { index in fixedRun(instance.trains[index]).map { (index, $0) } }
        func entry(_ run: TrainRun) -> Minute {
            let stops = run.stops
            let k = stops.indices.dropLast().first { instance.border(between: stops[$0].station, stops[$0 + 1].station) != nil }
            return k.flatMap { stops[$0].departure } ?? .max
        }
        var holding = Occupancy()
        var runs: [Int: TrainRun] = [:]
        for (index, run) in fixed.sorted(by: { (entry($0.1), $0.0) < (entry($1.1), $1.0) }) {
            runs[index] = holding.add(run, instance: instance)
        }
        return (holding, runs)
    }

    /// A planned run as a fixed train (its times and tracks given, its slot chosen again).
    static func fixing(_ train: Train, at run: TrainRun) -> Train {
        var copy = train
        copy.fixed = run.stops.map { FixedStop(station: $0.station, arrival: $0.arrival, departure: $0.departure, track: $0.track) }
        copy.earliestDeparture = nil
        copy.isOptional = false
        return copy
    }

    /// Each train alone with the fixed trains: a lower bound on its cost in any timetable of the
    /// instance (the others only add constraints), and its wait there, which shows where its
    /// window lies. Slot capacities are left out (a relaxation, so the bound stays valid), and a
    /// search that caps waiting at `SingleTrainSearch.maximumWait` bounds the cost by that wait's price.
    static func soloPlans(_ instance: Instance) -> [(cost: Int, wait: Int)?] {
        let holding = fixedHolding(instance).holding
        let cheapest = min(instance.objective.departureDelayPerMinute, instance.objective.dwellPerMinute)
        return instance.trains.map { train in
            guard !train.isFixed else { return (0, 0) }
            let cap = train.weight * cheapest * SingleTrainSearch.maximumWait
            guard let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, countSlots: false) else {
                return (cap, 0)
            }
            return (min(found.cost, cap), wait(of: train, run: found.run))
        }
    }

    /// The longest single wait (at the origin or at one stop, beyond what is required) in a timetable.
    static func maxWait(_ schedule: Schedule, _ instance: Instance) -> Int {
        var longest = 0
        for run in schedule.trains where run.scheduled {
            guard let train = instance.trains.first(where: { $0.id == run.train }), let first = run.stops.first?.departure else { continue }
            longest = max(longest, first - max(train.earliestDeparture ?? 0, 0))
            for (k, stop) in run.stops.enumerated() where k > 0 && k < run.stops.count - 1 {
                longest = max(longest, (stop.departure ?? 0) - (stop.arrival ?? 0) - max(train.requiredDwell(atStop: k), stop.track == nil ? 0 : 1))
            }
        }
        return longest
    }

    /// Minutes a run waits in total (departure delay and dwell beyond what is required).
    static func wait(of train: Train, run: TrainRun) -> Int {
        guard run.scheduled, let first = run.stops.first?.departure else { return 0 }
        let start = max(train.earliestDeparture ?? 0, 0)
        let required = (1..<max(1, train.route.count - 1)).reduce(0) { $0 + train.requiredDwell(atStop: $1) }
        let dwell = run.stops.dropFirst().dropLast().reduce(0) { $0 + (($1.departure ?? 0) - ($1.arrival ?? 0)) }
        return (first - start) + (dwell - required)
    }

    static let jitterMinutes = 180

    /// Greedy insertion: trains by earliest departure (heavier first on ties), each given its
    /// cheapest run against the fixed trains and those placed before it. Optional trains that do
    /// not fit are left out. When a non-optional train does not fit, it moves to the front and the
    /// insertion starts again (a few times), and at last with every non-optional train first; nil
    /// if that does not help. `first` go first, in order. With `jitter` k > 0 each train's earliest
    /// departure counts up to `jitterMinutes` later (a fixed hash of train and k): another order
    /// for another start of a multi-start search, the same on every run.
    static func insertion(_ instance: Instance, first: [Int] = [], jitter: Int = 0, attempts: Int = 8) -> [TrainRun]? {
        let demand = SingleTrainSearch.demand(instance)
        func key(_ index: Int) -> Int {
            let base = instance.trains[index].earliestDeparture ?? 0
            guard jitter > 0 else { return base }
            var hash = UInt64(truncatingIfNeeded: index &* 0x9E37_79B9 &+ jitter &* 0x85EB_CA6B)
            hash = (hash ^ (hash >> 15)) &* 0x2C1B_3C6D
            return base + Int((hash ^ (hash >> 12)) % UInt64(jitterMinutes + 1))
        }
        var sequence = instance.trains.indices.filter { !instance.trains[$0].isFixed && !first.contains($0) }.sorted {
            (key($0), -instance.trains[$0].weight, $0) < (key($1), -instance.trains[$1].weight, $1)
        }
        sequence = first + sequence
        let insert = { (order: [Int]) in place(instance, order: order, preferred: [:], leaveOut: [], demand: demand) }
        let outcome = restarting(sequence, attempts: attempts, insert)
        if let runs = outcome.runs { return runs }
        // Last: every train that must run before any that may be left out.
        let mustRun = outcome.sequence.filter { !instance.trains[$0].isOptional }, mayRun = outcome.sequence.filter { instance.trains[$0].isOptional }
        return try? insert(mustRun + mayRun).get()
    }

    private struct Stuck: Error { let index: Int }

    /// Runs `attempt` on `sequence`; when a train that must run finds no run, it moves to the
    /// front and the attempt starts again, up to `attempts` times. Returns the last sequence too.
    private static func restarting(_ sequence: [Int], attempts: Int,
                                   _ attempt: ([Int]) -> Result<[TrainRun], Stuck>) -> (runs: [TrainRun]?, sequence: [Int]) {
        var sequence = sequence
        for _ in 0..<max(1, attempts) {
            switch attempt(sequence) {
            case .success(let runs): return (runs, sequence)
            case .failure(let stuck):
                sequence.removeAll { $0 == stuck.index }
                sequence.insert(stuck.index, at: 0)
            }
        }
        return (nil, sequence)
    }

    /// Mends a timetable that breaks rules between trains: the trains named in the violations are
    /// taken out and placed again (heaviest first) by their cheapest runs against the others —
    /// each named train alone, when that suffices, and all of them together; the cheapest valid
    /// result wins. Nil if none is valid (a non-optional train without a run, rules still broken).
    static func repair(_ runs: [TrainRun], instance: Instance) -> [TrainRun]? {
        let violations = validation(runs, instance: instance)
        guard !violations.isEmpty else { return runs }
        let named = Set(violations.flatMap(\.trains))
        let broken = instance.trains.indices.filter { named.contains(instance.trains[$0].id) && !instance.trains[$0].isFixed }
        guard !broken.isEmpty else { return nil }
        let demand = SingleTrainSearch.demand(instance)
        var best: (runs: [TrainRun], cost: Int)?
        let attempts = (broken.count > 1 && broken.count <= 8 ? broken.map { [$0] } : []) + [broken]
        for group in attempts {
            var current = runs
            var placed = true
            for index in group { current[index] = TrainRun(train: instance.trains[index].id, scheduled: false) }
            for index in group.sorted(by: { (-instance.trains[$0].weight, $0) < (-instance.trains[$1].weight, $1) }) {
                let train = instance.trains[index]
                let holding = LocalSearch.occupancy(current, except: [index], instance: instance)
                guard let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand) else {
                    if train.isOptional { continue }
                    placed = false
                    break
                }
                if train.isOptional, found.cost >= train.weight * instance.objective.unscheduledPenalty { continue }
                current[index] = found.run
            }
            guard placed, validation(current, instance: instance).isEmpty else { continue }
            let cost = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: current), for: instance).total
            if cost < (best?.cost ?? .max) { best = (current, cost) }
        }
        return best?.runs
    }

    private static func validation(_ runs: [TrainRun], instance: Instance) -> [Violation] {
        var candidate = Schedule(instance: instance.name, status: .feasible, trains: runs)
        candidate.objective = ScheduleCost.compute(candidate, for: instance).total
        return ScheduleValidator.validate(candidate, against: instance)
    }

    /// Insertion guided by a fractional timetable (column generation's LP): trains in `order`,
    /// each given the first of its `preferred` runs that still fits, else its cheapest run
    /// against those placed; an optional train is left out when that is cheaper, or when
    /// `leaveOut` holds it and none of its preferred runs fits. A non-optional train that finds
    /// no run moves to the front and the insertion starts again (a few times); nil if that fails.
    static func guidedInsertion(_ instance: Instance, order: [Int], preferred: [Int: [TrainRun]], leaveOut: Set<Int>, attempts: Int = 8) -> [TrainRun]? {
        let demand = SingleTrainSearch.demand(instance)
        return restarting(order, attempts: attempts) { place(instance, order: $0, preferred: preferred, leaveOut: leaveOut, demand: demand) }.runs
    }

    /// Places trains in `order` against the fixed trains and those placed before: each its first
    /// `preferred` run that still fits, else its cheapest run; an optional train is left out when
    /// that is cheaper, or when `leaveOut` holds it and no preferred run fits.
    private static func place(_ instance: Instance, order: [Int], preferred: [Int: [TrainRun]], leaveOut: Set<Int>,
                              demand: [TrackID: Double]) -> Result<[TrainRun], Stuck> {
        let fixed = fixedHolding(instance)
        var holding = fixed.holding
        var runs = Dictionary(uniqueKeysWithValues: fixed.runs.map { (instance.trains[$0.key].id, $0.value) })
        for index in order {
            let train = instance.trains[index]
            if let run = preferred[index]?.first(where: { holding.admits($0, instance: instance) }) {
                runs[train.id] = holding.add(run, instance: instance)
                continue
            }
            if train.isOptional && leaveOut.contains(index) { continue }
            guard let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand) else {
                if train.isOptional { continue }
                return .failure(Stuck(index: index))
            }
            // An optional train is worth running only if it costs less than leaving it out.
            if train.isOptional, found.cost >= train.weight * instance.objective.unscheduledPenalty { continue }
            runs[train.id] = holding.add(found.run, instance: instance)
        }
        return .success(instance.trains.map { runs[$0.id] ?? TrainRun(train: $0.id, scheduled: false) })
    }
}

/// For generated instances: which trains greedy insertion cannot place (in order of earliest
/// departure). Making them optional gives an instance that certainly has a timetable.
public enum Feasibility {
    public static func trainsThatDoNotFit(_ instance: Instance) -> [TrainID] {
        var holding = SingleTrainPlans.fixedHolding(instance).holding
        let demand = SingleTrainSearch.demand(instance)
        let order = instance.trains.indices.filter { !instance.trains[$0].isFixed }.sorted {
            (instance.trains[$0].earliestDeparture ?? 0, $0) < (instance.trains[$1].earliestDeparture ?? 0, $1)
        }
        var stuck: [TrainID] = []
        for index in order {
            let train = instance.trains[index]
            if let found = SingleTrainSearch.plan(train, instance: instance, holding: holding, demand: demand) {
                holding.add(found.run, instance: instance)
            } else {
                stuck.append(train.id)
            }
        }
        return stuck
    }
}
