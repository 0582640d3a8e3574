import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailFormats
import RailScenarios
import Testing

/// Seeded random corridors: every timetable the planner returns is checked by the independent
/// validator, and every claim (status, objective, bound) against what can be known independently.
@Suite("random instances")
struct RandomInstanceTests {
    static let seeds: [UInt64] = Array(1...60)

    @Test(arguments: seeds)
    func plannedTimetablesAreValid(seed: UInt64) throws {
        let instance = InstanceGenerator(stations: 4, trains: 5, horizonMinutes: 480).instance(seed: seed)
        let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 10))
        expectHonest(result, instance)
        // Greedy insertion is a valid timetable too, so the planner can never do worse.
        if let greedy = SingleTrainPlans.insertion(instance), let objective = result.schedule.objective {
            let cost = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: greedy), for: instance).total
            #expect(objective <= cost)
        }
        // "Infeasible" is a proof: no greedy timetable may exist then.
        if result.schedule.status == .infeasible {
            #expect(SingleTrainPlans.insertion(instance) == nil, "seed \(seed) proven infeasible, yet insertion placed every train")
            #expect(!result.explanation.isEmpty)
        }
        // A lower bound is a lower bound.
        if result.schedule.status == .optimal, let objective = result.schedule.objective {
            let lower = instance.trains.map { CostBounds.lowerBound(of: $0, instance: instance) }.reduce(0, +)
            #expect(lower <= objective)
        }
    }

    /// The same with fixed trains among the others (a third of the trains chosen, fixed where
    /// their no-wait runs obey every rule together): every claim re-checked, the fixed trains at
    /// their given times (the validator's rule 8), never worse than greedy insertion.
    @Test(arguments: Array(1...20) as [UInt64])
    func plannedTimetablesWithFixedTrainsAreValid(seed: UInt64) throws {
        let instance = InstanceGenerator(stations: 4, trains: 6, horizonMinutes: 480, fixedShare: 0.35).instance(seed: 700 + seed)
        let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 10))
        expectHonest(result, instance)
        if let greedy = SingleTrainPlans.insertion(instance), let objective = result.schedule.objective {
            let cost = ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: greedy), for: instance).total
            #expect(objective <= cost)
        }
        if result.schedule.status.promisesEveryTrain {
            for (train, run) in zip(instance.trains, result.schedule.trains) where train.isFixed {
                #expect(run.stops.map(\.departure) == train.fixed!.map(\.departure), "\(train.id) of seed \(seed)")
            }
        }
    }

    /// The single-train search and the MIP must agree on each train alone with the fixed trains.
    @Test(arguments: Array(1...12) as [UInt64])
    func singleTrainSearchAgreesWithTheMIP(seed: UInt64) throws {
        let instance = InstanceGenerator(stations: 5, trains: 4, horizonMinutes: 480, optionalShare: 0).instance(seed: 100 + seed)
        let solos = SingleTrainPlans.soloPlans(instance)
        for (index, train) in instance.trains.enumerated() {
            var alone = instance
            alone.trains = [train]
            let result = try TimetablePlanner(solver: GLPKSolver()).plan(alone, options: PlanOptions(timeLimitSeconds: 20, singleTrain: true))
            if result.schedule.status == .optimal {
                #expect(solos[index]?.cost == result.schedule.objective, "\(train.id) of seed \(seed)")
            } else {
                #expect(result.schedule.status == .infeasible)
            }
        }
    }
}

/// Generated instances are instances of the spec: written out and read back by the strict loader.
@Suite("generated instances follow the spec")
struct GeneratedInstanceTests {
    @Test(arguments: Array(1...20) as [UInt64])
    func generatedInstanceLoads(seed: UInt64) throws {
        let instance = InstanceGenerator(stations: 6, trains: 12, horizonMinutes: 1440, days: 2).instance(seed: seed)
        let back = try InstanceLoader.load(bytes: Array(InstanceWriter.text(instance).utf8), format: .json)
        #expect(back.trains == instance.trains)
        #expect(back.stations == instance.stations)
        #expect(back.borders == instance.borders)
    }

    /// With `fixedShare` the generator fixes trains (their timetables given, spec section 3),
    /// and the instances still load; the fixed trains alone obey every rule.
    @Test func generatedFixedTrainsLoadAndObeyTheRules() throws {
        var withFixed = 0
        for seed in UInt64(701)...UInt64(720) {
            let instance = InstanceGenerator(stations: 4, trains: 6, horizonMinutes: 480, fixedShare: 0.35).instance(seed: seed)
            let fixed = instance.trains.filter(\.isFixed)
            if !fixed.isEmpty { withFixed += 1 }
            let back = try InstanceLoader.load(bytes: Array(InstanceWriter.text(instance).utf8), format: .json)
            #expect(back.trains == instance.trains)
            guard !fixed.isEmpty else { continue }
            var alone = instance
            alone.trains = fixed
            let planned = try TimetablePlanner(solver: GLPKSolver()).plan(alone, options: PlanOptions(timeLimitSeconds: 10))
            expectHonest(planned, alone)
            #expect(planned.schedule.status == .optimal && planned.schedule.objective == 0, "seed \(seed): \(planned.schedule.status)")
        }
        #expect(withFixed >= 10, "only \(withFixed) of 20 instances have a fixed train")
    }
}

/// A plan stopped before its proof must not state a bound that only held for smaller windows.
@Suite("bounds of unproven plans")
struct UnprovenBoundTests {
    @Test(arguments: Array(1...20) as [UInt64])
    func feasibleNeverClaimsItsOwnObjectiveAsBound(seed: UInt64) throws {
        let instance = InstanceGenerator(stations: 4, trains: 5, horizonMinutes: 480).instance(seed: seed)
        let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 10, initialSlack: 0, maximumRounds: 1))
        guard result.schedule.status == .feasible, let objective = result.schedule.objective, let bound = result.schedule.bound else { return }
        // Equality would mean "proven", which one restricted round cannot give unless its windows were safe.
        let lower = instance.trains.map { CostBounds.lowerBound(of: $0, instance: instance) }.reduce(0, +)
        #expect(bound < Double(objective) || objective == lower, "seed \(seed): feasible with bound \(bound) = objective \(objective)")
    }
}
