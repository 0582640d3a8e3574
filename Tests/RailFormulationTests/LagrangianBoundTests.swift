import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// The Lagrangian bound is a lower bound: on small instances it never exceeds the optimum of
/// the whole-horizon model (solved by GLPK with every window at its widest, independently of the
/// bound), and it is never below the sum of the per-train bounds it starts from.
@Suite("Lagrangian bound")
struct LagrangianBoundTests {
    @Test(arguments: Array(1...22) as [UInt64])
    func neverAboveTheOptimumNorBelowTheStart(seed: UInt64) throws {
        // Congested: more trains on a shorter day, so that the prices have something to do.
        let instance = InstanceGenerator(stations: 4, trains: 6, horizonMinutes: 300).instance(seed: 500 + seed)
        let solos = SingleTrainPlans.soloPlans(instance)
        let lowerBounds = instance.trains.enumerated().map { index, train -> Int in
            let own = CostBounds.lowerBound(of: train, instance: instance)
            guard !train.isFixed, let solo = solos[index] else { return own }
            return max(own, train.isOptional ? min(solo.cost, train.weight * instance.objective.unscheduledPenalty) : solo.cost)
        }
        let room = instance.trains.map { TrainWindows.maximumExtra(for: $0, instance: instance) ?? 0 }
        let model = TimetableModel.build(instance, extra: room)
        let solved = try GLPKSolver().solve(model.model, options: SolveOptions(timeLimitSeconds: 60))
        guard solved.termination == .optimal, let optimum = solved.objective else {
            // No timetable at all: nothing to compare with.
            #expect(solved.termination == .infeasible, "seed \(seed): \(solved.termination)")
            return
        }
        let runs = try model.decode(solved.values)
        // A train that cannot run at all has no window in the model: such an instance is
        // infeasible (the planner's prechecks say so) and its model optimum is no optimum.
        let runsEveryTrain = instance.trains.allSatisfy { train in train.isOptional || runs.contains { $0.train == train.id && $0.scheduled } }
        guard runsEveryTrain else {
            #expect(Prechecks.blockers(instance) != nil, "seed \(seed)")
            return
        }
        let bound = LagrangianBound.compute(instance, lowerBounds: lowerBounds, upperBound: Int(optimum.rounded()), until: .now + .seconds(20))
        #expect(bound.value <= optimum + 1e-6, "seed \(seed): bound \(bound.value) above the optimum \(optimum)")
        #expect(bound.value >= Double(lowerBounds.reduce(0, +)) - 1e-6)
        // Each train's own budget holds for the optimal timetable itself.
        for (index, train) in instance.trains.enumerated() where !train.isFixed {
            let cost = ScheduleCost.cost(of: train, run: runs.first { $0.train == train.id }, weights: instance.objective)
            #expect(cost <= bound.ownBudget(of: index, budget: Int(optimum.rounded())), "seed \(seed), \(train.id)")
        }
    }
}
