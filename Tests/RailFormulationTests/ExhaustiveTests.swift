import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// On tiny instances, every combination of candidate runs is tried: the planner's optimum must
/// equal the cheapest combination the validator accepts.
@Suite("exhaustive enumeration on tiny instances")
struct ExhaustiveTests {
    /// All runs of a train with departure delay and each stand within `limit` minutes, on every track.
    static func candidates(_ train: Train, _ instance: Instance, limit: Int) -> [TrainRun] {
        let route = train.route, n = route.count - 1
        let runs = (0..<n).map { instance.section(between: route[$0], route[$0 + 1])!.runningMinutes[train.trainClass]! }
        var result: [TrainRun] = []
        func extend(_ stops: [StopTime], time: Minute) {
            let k = stops.count
            if k == n {
                result.append(TrainRun(train: train.id, scheduled: true, stops: stops + [StopTime(station: route[n], arrival: time)]))
                return
            }
            let station = instance.station(route[k])!
            let required = train.requiredDwell(atStop: k)
            if required == 0 { extend(stops + [StopTime(station: route[k], arrival: time, departure: time)], time: time + runs[k]) }
            for dwell in max(required, 1)...(max(required, 1) + limit) {
                for track in station.tracks {
                    extend(stops + [StopTime(station: route[k], arrival: time, departure: time + dwell, track: track.id,
                                             customs: train.hasCustoms(at: route[k]))], time: time + dwell + runs[k])
                }
            }
        }
        let start = max(train.earliestDeparture ?? 0, 0)
        for delay in 0...limit {
            extend([StopTime(station: route[0], departure: start + delay)], time: start + delay + runs[0])
        }
        // Border slots: one per crossing, any slot (the validator rejects the wrong ones).
        return result.flatMap { run -> [TrainRun] in
            var variants = [run]
            for k in 0..<n {
                guard let border = instance.border(between: route[k], route[k + 1]) else { continue }
                variants = variants.flatMap { partial in border.slots.map { slot in
                    var copy = partial
                    copy.borderSlots.append(SlotUse(border: border.id, slot: slot.id))
                    return copy
                } }
            }
            return variants
        }
    }

    static func bruteForce(_ instance: Instance, limit: Int) -> Int? {
        let options = instance.trains.map { train -> [TrainRun] in
            var list = candidates(train, instance, limit: limit)
            if train.isOptional { list.append(TrainRun(train: train.id, scheduled: false)) }
            return list
        }
        var best: Int?
        func search(_ index: Int, _ chosen: [TrainRun]) {
            if index == options.count {
                var schedule = Schedule(instance: instance.name, status: .feasible, trains: chosen.map { run in
                    var copy = run
                    if run.scheduled, let train = instance.trains.first(where: { $0.id == run.train }) { copy.latenessMinutes = ScheduleCost.lateness(of: train, run: run) }
                    return copy
                })
                schedule.objective = ScheduleCost.compute(schedule, for: instance).total
                if let current = best, schedule.objective! >= current { return }
                if ScheduleValidator.validate(schedule, against: instance).isEmpty { best = schedule.objective }
                return
            }
            for run in options[index] {
                // Prune pairs that already clash.
                var partial = instance
                partial.trains = Array(instance.trains.prefix(index + 1))
                let trial = Schedule(instance: instance.name, status: .infeasible, trains: chosen + [run])
                let clash = ScheduleValidator.validate(trial, against: partial).contains { $0.rule != .format && $0.rule != .objective && $0.rule != .status && $0.rule != .lateness }
                if !clash { search(index + 1, chosen + [run]) }
            }
        }
        search(0, [])
        return best
    }

    @Test(arguments: Array(1...8) as [UInt64])
    func plannerMatchesEnumeration(seed: UInt64) throws {
        var generator = InstanceGenerator(stations: 3, trains: 3, horizonMinutes: 150, border: false, doubleTrackShare: 0, optionalShare: 0.5)
        generator.days = 1
        var instance = generator.instance(seed: 500 + seed)
        // Keep the enumeration small: trains start within the first hour and may wait at most 6 minutes per place.
        let limit = 5
        instance.objective = ObjectiveWeights(latenessPerMinute: 10, departureDelayPerMinute: 1, dwellPerMinute: 1, unscheduledPenalty: 500)
        let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 20))
        let enumerated = ExhaustiveTests.bruteForce(instance, limit: limit)
        switch result.schedule.status {
        case .optimal:
            // The planner may use longer waits than the enumeration: it can only be as good or better.
            if let enumerated { #expect(result.schedule.objective! <= enumerated, "seed \(seed)") }
            if let objective = result.schedule.objective, SingleTrainPlans.maxWait(result.schedule, instance) <= limit {
                #expect(objective == enumerated, "seed \(seed): planner \(objective), enumeration \(String(describing: enumerated))")
            }
        case .infeasible:
            #expect(enumerated == nil, "seed \(seed)")
        default:
            Issue.record("seed \(seed): \(result.schedule.status)")
        }
    }
}
