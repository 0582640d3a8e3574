import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// The Lagrangian and slot-matching bounds are lower bounds: on small instances neither exceeds the optimum of
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
        // The slot-matching bound too.
        let matching = SlotMatchingBound.compute(instance, lowerBounds: lowerBounds, solo: solos, solver: GLPKSolver(), until: .now + .seconds(20))
        #expect((matching ?? 0) <= optimum + 1e-6, "seed \(seed): slot bound \(matching ?? 0) above the optimum \(optimum)")
        // Column generation from the optimal timetable: its bound is below the optimum too, and once
        // converged (the path LP solved) it is at least every subgradient iterate's value.
        let upper = Int(optimum.rounded())
        var generation = ColumnGeneration(setting: RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: upper), solver: GLPKSolver())
        generation.seed(instance.trains.map { train in runs.first { $0.train == train.id } ?? TrainRun(train: train.id, scheduled: false) })
        generation.run(upperBound: upper, until: .now + .seconds(20))
        #expect(generation.rounds > 0, "seed \(seed)")
        #expect(generation.bound.value <= optimum + 1e-6, "seed \(seed): column generation bound \(generation.bound.value) above the optimum \(optimum)")
        if generation.converged {
            #expect(generation.bound.value >= bound.value - 1e-6 * max(1, optimum), "seed \(seed): LP bound \(generation.bound.value) below the subgradient's \(bound.value)")
            #expect(abs((generation.lpValue ?? 0) - generation.bound.value) <= 1e-6 * max(1, optimum), "seed \(seed): LP \(generation.lpValue ?? 0) vs its Lagrangian \(generation.bound.value)")
        }
        // Priced windows aimed just above the optimum hold the optimal timetable, from either
        // price point, and the model inside them has the same optimum.
        let setting = RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: upper)
        for (name, point) in [("subgradient", bound.point), ("column generation", generation.bound.point)] {
            guard let point else { continue }
            guard case .windows(let limits) = PricedWindows.compute(setting: setting, point: point, upperBound: upper + 1, room: room) else {
                Issue.record("seed \(seed), \(name): priced windows deny the optimum \(optimum)")
                continue
            }
            for (index, train) in instance.trains.enumerated() where !train.isFixed {
                guard let run = runs.first(where: { $0.train == train.id }), run.scheduled else { continue }
                let departures = run.stops.dropLast().compactMap(\.departure)
                let windows = limits[index]?.minutes ?? []
                #expect(windows.count == departures.count && zip(windows, departures).allSatisfy { ranges, t in ranges.contains { $0.contains(t) } },
                        "seed \(seed), \(name), \(train.id): departures \(departures) outside \(windows)")
            }
            let inside = TimetableModel.build(instance, extra: room, limits: limits)
            let again = try GLPKSolver().solve(inside.model, options: SolveOptions(timeLimitSeconds: 60))
            #expect(again.termination == .optimal && abs((again.objective ?? -1) - optimum) < 1e-6,
                    "seed \(seed), \(name): inside the windows \(again.termination), \(again.objective ?? -1) vs \(optimum)")
        }
        // Each train's own budget holds for the optimal timetable itself, from either bound.
        for (index, train) in instance.trains.enumerated() where !train.isFixed {
            let cost = ScheduleCost.cost(of: train, run: runs.first { $0.train == train.id }, weights: instance.objective)
            #expect(cost <= bound.ownBudget(of: index, budget: upper), "seed \(seed), \(train.id)")
            #expect(cost <= generation.bound.ownBudget(of: index, budget: upper), "seed \(seed), \(train.id), column generation")
        }
    }
}

/// When border slots are too few for the trains that need them, the slot-matching bound counts
/// the penalties of the trains that have to be left out: here two optional trains that can only
/// use one slot of capacity 1.
@Suite("slot-matching bound")
struct SlotMatchingBoundTests {
    @Test func countsTrainsThatCannotAllCross() throws {
        let base = InstanceGenerator(stations: 4, trains: 6, horizonMinutes: 600, optionalShare: 0).instance(seed: 77)
        var instance = base
        // Two copies of a crossing train, optional, and a border with a single slot of capacity 1.
        guard let crossing = instance.trains.first(where: { train in
            zip(train.route, train.route.dropFirst()).contains { instance.border(between: $0, $1) != nil }
        }), let borderIndex = instance.borders.indices.first else {
            Issue.record("the generated instance has no crossing train")
            return
        }
        var first = crossing, second = crossing
        first.id = TrainID(rawValue: "A1")
        second.id = TrainID(rawValue: "A2")
        first.isOptional = true
        second.isOptional = true
        instance.trains = [first, second]
        let from = zip(crossing.route, crossing.route.dropFirst()).first { instance.border(between: $0, $1) != nil }!.0
        instance.borders[borderIndex].slots = [BorderSlot(id: SlotID(rawValue: "ONLY"), fromStation: from, opens: 0, closes: 600, capacity: 1)]
        let solos = SingleTrainPlans.soloPlans(instance)
        let lowerBounds = instance.trains.enumerated().map { index, train in
            max(CostBounds.lowerBound(of: train, instance: instance), min(solos[index]?.cost ?? 0, train.weight * instance.objective.unscheduledPenalty))
        }
        let bound = try #require(SlotMatchingBound.compute(instance, lowerBounds: lowerBounds, solo: solos, solver: GLPKSolver(), until: .now + .seconds(10)))
        // One of the two must be left out: at least the lighter penalty beyond the solo costs.
        let penalty = Double(min(first.weight, second.weight) * instance.objective.unscheduledPenalty)
        #expect(bound >= penalty)
        let planned = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 20))
        #expect(planned.schedule.trains.filter(\.scheduled).count <= 1)
        #expect(Double(planned.schedule.objective ?? 0) >= bound - 1e-6)
        #expect((planned.schedule.bound ?? 0) >= penalty)
        // The train left out says why: the one slot it could use, and who holds it.
        if let runner = planned.schedule.trains.first(where: \.scheduled), let left = planned.schedule.trains.first(where: { !$0.scheduled }) {
            let reason = left.reason ?? ""
            #expect(reason.contains("ONLY (\(runner.train))"), "\(reason)")
        } else {
            Issue.record("expected one train running and one left out")
        }
    }
}
