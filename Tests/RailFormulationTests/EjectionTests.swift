@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// Ejection moves reach timetables that one- and two-train moves cannot: from a timetable no
/// such move improves, some random corridors still get cheaper, and every result is valid.
@Suite("ejection moves")
struct EjectionTests {
    @Test func ejectionImprovesWhereSingleAndPairMovesStop() {
        var improved = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            let instance = InstanceGenerator(stations: 6, trains: 24, horizonMinutes: 720, optionalShare: 0.2).instance(seed: 2600 + seed)
            guard let inserted = SingleTrainPlans.insertion(instance) else { continue }
            let far = ContinuousClock.now + .seconds(60)
            var runs = LocalSearch.improve(inserted, instance: instance, until: far, ejection: false)
            let before = cost(runs, instance)
            guard LocalSearch.improveByEjection(&runs, instance: instance, demand: SingleTrainSearch.demand(instance), until: far, stop: nil) else { continue }
            let after = cost(runs, instance)
            #expect(after < before, "seed \(seed): an ejection move kept \(after), not below \(before)")
            var schedule = Schedule(instance: instance.name, status: .feasible, trains: runs)
            schedule.objective = after
            #expect(ScheduleValidator.validate(schedule, against: instance).isEmpty, "seed \(seed): the move broke a rule")
            improved += 1
        }
        #expect(improved >= 2, "ejection improved \(improved) of 8 local optima")
    }

    private func cost(_ runs: [TrainRun], _ instance: Instance) -> Int {
        ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: runs), for: instance).total
    }
}
