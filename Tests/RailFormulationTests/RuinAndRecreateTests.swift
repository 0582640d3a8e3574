import MIP
@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// Ruin and recreate reaches timetables that local search (single, pair and ejection moves)
/// cannot, and everything it reports is valid and cheaper than what came before.
@Suite("ruin and recreate")
struct RuinAndRecreateTests {
    @Test func improvesWhereLocalSearchStops() {
        var improved = 0, tried = 0
        // The first eight corridors greedy insertion finds a timetable for.
        for seed in 1...40 as ClosedRange<UInt64> where tried < 8 {
            let instance = InstanceGenerator(stations: 6, trains: 24, horizonMinutes: 720, optionalShare: 0.2).instance(seed: 2700 + seed)
            guard let inserted = SingleTrainPlans.insertion(instance) else { continue }
            tried += 1
            let start = LocalSearch.improve(inserted, instance: instance, until: .now + .seconds(60))
            let before = cost(start, instance)
            var reported: [Int] = []
            let result = RuinAndRecreate.improve(start, instance: instance, until: .now + .seconds(2), seed: seed, stallSeconds: 1) { runs in
                #expect(valid(runs, instance).isEmpty, "seed \(seed): a reported timetable breaks a rule")
                reported.append(cost(runs, instance))
                return reported.last
            }
            #expect(zip([before] + reported, reported).allSatisfy { $0 > $1 }, "seed \(seed): \(before) then \(reported)")
            #expect(cost(result, instance) == reported.last ?? before, "seed \(seed): it returned another timetable than its best")
            #expect(valid(result, instance).isEmpty, "seed \(seed)")
            if !reported.isEmpty { improved += 1 }
        }
        // Else the test would say nothing about what it finds.
        #expect(tried == 8)
        #expect(improved >= 3, "ruin and recreate improved \(improved) of 8 local optima")
    }

    /// Cancelled before it starts: the timetable it was given, and nothing reported.
    @Test func cancelledReturnsItsStart() throws {
        let instance = InstanceGenerator(stations: 6, trains: 24, horizonMinutes: 720).instance(seed: 2701)
        let start = try #require(SingleTrainPlans.insertion(instance))
        let token = CancellationToken()
        token.cancel()
        var reports = 0
        let result = RuinAndRecreate.improve(start, instance: instance, until: .now + .seconds(10), stop: token, seed: 1) { _ in
            reports += 1
            return nil
        }
        #expect(result == start)
        #expect(reports == 0)
    }

    private func cost(_ runs: [TrainRun], _ instance: Instance) -> Int { RunsChecks.cost(runs, instance) }

    private func valid(_ runs: [TrainRun], _ instance: Instance) -> [Violation] { RunsChecks.violations(runs, instance) }
}
