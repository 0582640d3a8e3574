@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// Greedy insertion in jittered orders (the multi-start search) gives valid timetables, orders
/// that differ from the plain one, and the same order for the same start on every run.
@Suite("insertion orders")
struct InsertionOrderTests {
    @Test(arguments: Array(1...6) as [UInt64])
    func jitteredInsertionIsValidAndRepeatable(seed: UInt64) throws {
        let instance = InstanceGenerator(stations: 5, trains: 10, horizonMinutes: 720).instance(seed: 900 + seed)
        var distinct: Set<[TrainRun]> = []
        for start in 0...4 {
            guard let runs = SingleTrainPlans.insertion(instance, jitter: start) else { continue }
            #expect(runs == SingleTrainPlans.insertion(instance, jitter: start), "start \(start) is not repeatable")
            var schedule = Schedule(instance: instance.name, status: .feasible, trains: runs)
            schedule.objective = ScheduleCost.compute(schedule, for: instance).total
            #expect(ScheduleValidator.validate(schedule, against: instance).isEmpty, "seed \(seed), start \(start)")
            distinct.insert(runs)
        }
        #expect(distinct.count >= 2 || distinct.isEmpty, "seed \(seed): every order gave the same timetable")
    }
}
