import MIP
import RailDomain

/// Large-neighbourhood search with the MIP: free a few trains that share time and track, hold
/// every other train at its times, and let GLPK re-plan the freed ones exactly. The models stay
/// small (a few thousand columns), which GLPK solves in about a second; only validated, cheaper
/// timetables are kept.
enum Neighbourhoods {
    static let freedTrains = 4
    static let margin = 45

    static func improve(_ runs: [TrainRun], instance: Instance, solver: any MIPSolver, until deadline: ContinuousClock.Instant,
                        stop: CancellationToken? = nil,
                        better: (_ runs: [TrainRun]) -> Int?) -> [TrainRun] {
        var current = runs
        let movable = instance.trains.indices.filter { !instance.trains[$0].isFixed }
        guard !movable.isEmpty else { return current }
        var failures = 0
        var next = 0
        while ContinuousClock.now < deadline, failures < movable.count, stop?.isCancelled != true {
            let costs = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: current), for: instance).perTrain
            let seeds = movable.sorted { costs[$0].cost > costs[$1].cost }
            let seed = seeds[next % seeds.count]
            next += 1
            let freed = neighbours(of: seed, in: current, instance: instance, among: movable)
            guard let candidate = replan(freed, current: current, instance: instance, solver: solver, deadline: deadline, stop: stop) else {
                failures += 1
                continue
            }
            if better(candidate) != nil {
                current = candidate
                failures = 0
            } else {
                failures += 1
            }
        }
        return current
    }

    /// The seed and the trains whose runs overlap it in time and share a station with it.
    private static func neighbours(of seed: Int, in runs: [TrainRun], instance: Instance, among movable: [Int]) -> [Int] {
        func span(_ run: TrainRun) -> ClosedRange<Minute>? {
            guard let first = run.stops.first?.departure, let last = run.stops.last?.arrival else { return nil }
            return first...last
        }
        let seedStations = Set(instance.trains[seed].route)
        let seedSpan = span(runs[seed])
        let others = movable.filter { $0 != seed && !Set(instance.trains[$0].route).isDisjoint(with: seedStations) }
            .filter { other in
                guard let a = seedSpan, let b = span(runs[other]) else { return runs[other].scheduled == false }
                return a.overlaps(b)
            }
        return [seed] + others.prefix(freedTrains - 1)
    }

    /// Re-plans the freed trains with every other train held; nil if nothing came of it.
    private static func replan(_ freed: [Int], current: [TrainRun], instance: Instance, solver: any MIPSolver,
                               deadline: ContinuousClock.Instant, stop: CancellationToken?) -> [TrainRun]? {
        var sub = instance
        let freedSet = Set(freed)
        var extra: [Int] = []
        var around: [Int: [Minute]] = [:]
        sub.trains = []
        for (index, train) in instance.trains.enumerated() {
            if freedSet.contains(index) || train.isFixed {
                let run = current[index]
                let wait = run.scheduled ? SingleTrainPlans.wait(of: train, run: run) : 0
                let forced = TrainWindows.make(for: train, extra: 0, instance: instance)?.forcedWait ?? 0
                if run.scheduled, !train.isFixed {
                    // Near its current run: the model stays small and the run stays inside.
                    around[sub.trains.count] = run.stops.dropLast().compactMap(\.departure)
                }
                sub.trains.append(train)
                extra.append(max(0, wait - forced) + margin)
            } else if current[index].scheduled {
                sub.trains.append(SingleTrainPlans.fixing(train, at: current[index]))
                extra.append(0)
            }
        }
        let model = TimetableModel.build(sub, extra: extra, around: around, margin: margin)
        let left = ContinuousClock.now.duration(to: deadline)
        let seconds = min(5, left.seconds)
        guard seconds > 0.2 else { return nil }
        let subRuns = sub.trains.map { train in current.first { $0.train == train.id } ?? TrainRun(train: train.id, scheduled: false) }
        let options = SolveOptions(timeLimitSeconds: seconds, messageLevel: .off, warmStart: model.point(for: subRuns), cancellation: stop)
        guard let result = try? solver.solve(model.model, options: options), result.hasPoint,
              let decoded = try? model.decode(result.values) else { return nil }
        // Back to the whole instance: freed trains take their new runs, every other train keeps its times.
        return instance.trains.map { train in decoded.first { $0.train == train.id } ?? TrainRun(train: train.id, scheduled: false) }
    }
}
