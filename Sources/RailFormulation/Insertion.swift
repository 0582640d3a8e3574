import MIP
import RailDomain

/// Fast ways to a first timetable and to per-train lower bounds, by planning one train at a time
/// against fixed ones.
enum SingleTrainPlans {
    /// The instance with only the given trains; trains placed earlier become fixed at their times.
    static func subInstance(_ instance: Instance, keep: [Train]) -> Instance {
        var copy = instance
        copy.trains = keep
        return copy
    }

    /// A planned run as a fixed train (its times and tracks given).
    static func fixing(_ train: Train, at run: TrainRun) -> Train {
        var copy = train
        copy.fixed = run.stops.map { FixedStop(station: $0.station, arrival: $0.arrival, departure: $0.departure, track: $0.track) }
        copy.earliestDeparture = nil
        copy.isOptional = false
        return copy
    }

    /// Whether two trains could ever meet: their possible time spans overlap.
    static func span(of train: Train, instance: Instance) -> ClosedRange<Minute>? {
        if let fixed = train.fixed {
            guard let first = fixed.first?.departure, let last = fixed.last?.arrival else { return nil }
            return first...last
        }
        guard let bounds = Propagation.bounds(of: train, instance: instance) else { return nil }
        let n = train.route.count - 1
        let running = instance.section(between: train.route[n - 1], train.route[n])!.runningMinutes[train.trainClass]!
        return bounds.earliest[0]...(bounds.latest[n - 1] + running)
    }

    /// Each train alone with the fixed trains, planned to optimality: its cost there is a lower
    /// bound on its cost in any timetable of the instance (the others only add constraints), and
    /// its wait there shows where its windows belong. nil entries: not proven within the time.
    static func soloPlans(_ instance: Instance, solver: any MIPSolver, secondsEach: Double) -> [(cost: Int, wait: Int)?] {
        let fixed = instance.trains.filter(\.isFixed)
        let planner = TimetablePlanner(solver: solver)
        return instance.trains.map { train in
            guard !train.isFixed else { return (0, 0) }
            let span = span(of: train, instance: instance)
            let nearby = fixed.filter { other in span.map { s in SingleTrainPlans.span(of: other, instance: instance).map { $0.overlaps(s) } ?? false } ?? true }
            var solo = subInstance(instance, keep: nearby + [train])
            solo.trains = nearby + [train]
            guard let result = try? planner.plan(solo, options: PlanOptions(timeLimitSeconds: secondsEach, maximumRounds: 4, singleTrain: true)),
                  result.schedule.status == .optimal, let cost = result.schedule.objective,
                  let run = result.schedule.run(of: train.id) else { return nil }
            return (cost, wait(of: train, run: run))
        }
    }

    /// Minutes a run waits in total (departure delay and dwell beyond what is required).
    static func wait(of train: Train, run: TrainRun) -> Int {
        guard run.scheduled, let first = run.stops.first?.departure, let last = run.stops.last?.arrival else { return 0 }
        let start = max(train.earliestDeparture ?? 0, 0)
        let required = (1..<max(1, train.route.count - 1)).reduce(0) { $0 + train.requiredDwell(atStop: $1) }
        let travel = last - first
        let running = travel - run.stops.dropFirst().dropLast().reduce(0) { $0 + (($1.departure ?? 0) - ($1.arrival ?? 0)) }
        return (first - start) + (travel - running - required)
    }

    /// Greedy insertion: trains in order of earliest departure (heavier first on ties), each
    /// planned optimally against the fixed trains and those placed before it. Optional trains
    /// that do not fit are left out; nil if a non-optional one does not fit.
    static func insertion(_ instance: Instance, solver: any MIPSolver, deadline: ContinuousClock.Instant) -> [TrainRun]? {
        let planner = TimetablePlanner(solver: solver)
        var placed: [Train] = instance.trains.filter(\.isFixed)
        var runs: [TrainID: TrainRun] = [:]
        let order = instance.trains.filter { !$0.isFixed }.sorted {
            ($0.earliestDeparture ?? 0, -$0.weight, $0.id.rawValue) < ($1.earliestDeparture ?? 0, -$1.weight, $1.id.rawValue)
        }
        for train in order {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            let span = span(of: train, instance: instance)
            let nearby = placed.filter { other in span.map { s in SingleTrainPlans.span(of: other, instance: instance).map { $0.overlaps(s) } ?? false } ?? true }
            let sub = subInstance(instance, keep: nearby + [train])
            let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) * 1e-18
            guard let result = try? planner.plan(sub, options: PlanOptions(timeLimitSeconds: min(seconds, 10), maximumRounds: 3, singleTrain: true)),
                  let run = result.schedule.run(of: train.id), run.scheduled,
                  result.schedule.status == .optimal || result.schedule.status == .feasible else {
                if train.isOptional { continue }
                return nil
            }
            runs[train.id] = run
            placed.append(fixing(train, at: run))
        }
        // Slots and tracks chosen one train at a time may clash: choose them again for all at once,
        // every train held at its times.
        let all = instance.trains.compactMap { train -> Train? in
            if train.isFixed { return train }
            return runs[train.id].map { fixing(train, at: $0) }
        }
        guard let final = try? planner.plan(subInstance(instance, keep: all), options: PlanOptions(timeLimitSeconds: 30, maximumRounds: 1, singleTrain: true)),
              final.schedule.status == .optimal else { return nil }
        return instance.trains.map { train in
            final.schedule.run(of: train.id) ?? TrainRun(train: train.id, scheduled: false)
        }
    }
}
