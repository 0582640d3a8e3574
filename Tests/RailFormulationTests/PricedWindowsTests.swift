import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailScenarios
import RailFormats
import Testing

/// Priced windows (reduced-cost fixing) let the planner prove a timetable optimal with a model
/// that holds only the better timetables; its "optimal" must agree with the whole-horizon model.
@Suite("priced windows")
struct PricedWindowsTests {
    /// An instance (found by a sweep of seeds) whose bounds alone leave a gap, closed by the model
    /// inside priced windows: the planner's optimum is the whole-horizon model's. Branch and price
    /// closes it first when it may run (then no such model is built): here it may not.
    @Test func planProvesOptimalityInsidePricedWindows() throws {
        let instance = InstanceGenerator(stations: 5, trains: 10, horizonMinutes: 480).instance(seed: 703)
        var options = PlanOptions(timeLimitSeconds: 30)
        options.branchAndPrice = false
        let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: options)
        let priced = result.rounds.filter(\.pricedWindows)
        #expect(priced.count == 1 && [.optimal, .infeasible].contains(priced.first?.termination), "\(priced.map(\.termination))")
        #expect(result.schedule.status == .optimal)
        let room = instance.trains.map { TrainWindows.maximumExtra(for: $0, instance: instance) ?? 0 }
        let whole = TimetableModel.build(instance, extra: room)
        #expect(priced.first.map { $0.columns < whole.model.variableCount / 2 } == true, "priced \(priced.first?.columns ?? -1) of \(whole.model.variableCount)")
        let solved = try GLPKSolver().solve(whole.model, options: SolveOptions(timeLimitSeconds: 60))
        #expect(solved.termination == .optimal)
        #expect(result.schedule.objective.map(Double.init) == solved.objective, "planner \(result.schedule.objective ?? -1), whole model \(solved.objective ?? -1)")
        #expect(ScheduleValidator.validate(result.schedule, against: instance).isEmpty)
        // The other proof: branch and price on the same instance reaches the same optimum.
        let branched = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 30))
        #expect(branched.schedule.status == .optimal)
        // The timetable's node count includes the tree's nodes.
        let treeNodes = try #require(branched.columnGeneration?.branchingNodes)
        #expect(treeNodes > 0 && (branched.schedule.solver?.nodes ?? 0) >= treeNodes, "tree \(treeNodes), timetable \(branched.schedule.solver?.nodes ?? -1)")
        #expect(branched.schedule.objective.map(Double.init) == solved.objective, "branch and price \(branched.schedule.objective ?? -1)")
        #expect(ScheduleValidator.validate(branched.schedule, against: instance).isEmpty)
    }

    /// Aimed at a cost the bound already rules out (U − 1 below L), the windows say at once that no
    /// timetable is that cheap; aimed just above the whole-horizon optimum they do not.
    @Test func noBetterTimetableBelowTheBound() throws {
        let instance = InstanceGenerator(stations: 4, trains: 6, horizonMinutes: 300).instance(seed: 510)
        // Every train that must run can (else the model's optimum is no timetable's cost).
        #expect(Prechecks.blockers(instance) == nil)
        let room = instance.trains.map { TrainWindows.maximumExtra(for: $0, instance: instance) ?? 0 }
        let model = TimetableModel.build(instance, extra: room)
        let solved = try GLPKSolver().solve(model.model, options: SolveOptions(timeLimitSeconds: 60))
        let optimum = try #require(solved.termination == .optimal ? solved.objective.map { Int($0.rounded()) } : nil)
        let runs = try model.decode(solved.values)
        #expect(ScheduleValidator.validate(Schedule(instance: instance.name, status: .feasible, objective: optimum, trains: runs), against: instance).isEmpty)
        let lowerBounds = instance.trains.map { CostBounds.lowerBound(of: $0, instance: instance) }
        let bound = LagrangianBound.compute(instance, lowerBounds: lowerBounds, upperBound: optimum, until: .now + .seconds(10))
        let point = try #require(bound.point)
        let setting = RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: optimum)
        guard case .noBetterTimetable = PricedWindows.compute(setting: setting, point: point, upperBound: Int(bound.value.rounded(.down)), room: room) else {
            Issue.record("bound \(bound.value): windows for a cost below it")
            return
        }
        if case .noBetterTimetable = PricedWindows.compute(setting: setting, point: point, upperBound: optimum + 1, room: room) {
            Issue.record("the optimum \(optimum) itself is denied")
        }
    }

    /// An optional train whose every run costs more than leaving it out plus the gap must be left
    /// out of every better timetable: its limit is `.leftOut`, and the model inside the windows
    /// has no variables for it. Here leaving out is free (penalty 0), the train cannot be on time
    /// (due at its earliest departure: at least 10 × its travel minutes late), and the upper bound
    /// sits just above the bound (a gap under 1).
    @Test func optionalTrainBeyondItsLimitIsLeftOut() throws {
        var instance = InstanceGenerator(stations: 4, trains: 6, horizonMinutes: 300).instance(seed: 510)
        let index = try #require(instance.trains.indices.first { !instance.trains[$0].isFixed && !instance.trains[$0].isOptional })
        instance.trains[index].isOptional = true
        instance.trains[index].dueArrival = instance.trains[index].earliestDeparture
        instance.objective.unscheduledPenalty = 0
        let lowerBounds = instance.trains.map { CostBounds.lowerBound(of: $0, instance: instance) }
        let room = instance.trains.map { TrainWindows.maximumExtra(for: $0, instance: instance) ?? 0 }
        let whole = try GLPKSolver().solve(TimetableModel.build(instance, extra: room).model, options: SolveOptions(timeLimitSeconds: 60))
        let optimum = try #require(whole.termination == .optimal ? whole.objective.map { Int($0.rounded()) } : nil)
        let bound = LagrangianBound.compute(instance, lowerBounds: lowerBounds, upperBound: optimum, until: .now + .seconds(10))
        let point = try #require(bound.point)
        let setting = RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: optimum)
        let upperBound = Int(bound.value.rounded(.up)) + 1
        guard case .windows(let limits) = PricedWindows.compute(setting: setting, point: point, upperBound: upperBound, room: room) else {
            Issue.record("bound \(bound.value): no windows at all for \(upperBound)")
            return
        }
        #expect(limits[index] == .leftOut, "\(instance.trains[index].id): \(String(describing: limits[index]))")
        let inside = TimetableModel.build(instance, extra: room, limits: limits)
        #expect(inside.trains[index] == nil)
        // Trains that must run keep minutes (the others cost nothing left out, so they may go too).
        #expect(limits.filter { !instance.trains[$0.key].isOptional }.allSatisfy { !$0.value.minutes.isEmpty })
        #expect(limits.contains { !instance.trains[$0.key].isOptional })
    }

    /// Windows cut at one position are carried along the route: departing a later position takes
    /// at least the run and the required dwell, so no pass can leave a later window.
    @Test func limitedWindowsStayConsistentAlongTheRoute() throws {
        let instance = InstanceGenerator(stations: 5, trains: 6, horizonMinutes: 480).instance(seed: 11)
        guard let index = instance.trains.indices.first(where: { !instance.trains[$0].isFixed && instance.trains[$0].route.count >= 4 }),
              let base = TrainWindows.make(for: instance.trains[index], extra: 200, instance: instance) else {
            Issue.record("no train with three sections")
            return
        }
        let train = instance.trains[index]
        let n = train.route.count - 1
        // Cut only the last position's window to its earliest minute.
        var cuts = zip(base.earliestDeparture, base.latestDeparture).map { $0...$1 }
        cuts[n - 1] = base.earliestDeparture[n - 1]...base.earliestDeparture[n - 1]
        let limited = try #require(base.limited(to: DepartureLimit(minutes: cuts.map { [$0] }), instance))
        for k in 1..<n {
            let step = base.running(k - 1, instance) + train.requiredDwell(atStop: k)
            #expect(limited.latestDeparture[k - 1] + step <= limited.latestDeparture[k], "position \(k)")
            #expect(limited.earliestDeparture[k - 1] + step <= limited.earliestDeparture[k], "position \(k)")
        }
        #expect(base.limited(to: .leftOut, instance) == nil)
    }

    /// The backward pass is the forward search's mirror: at every route position, the least of
    /// forward cost plus cost to go is the train's least priced value, met at its cheapest run's
    /// departures; below that value no minute is left, at it every position keeps one.
    @Test func costToGoMeetsTheForwardSearch() throws {
        var checked = 0
        for seed: UInt64 in [3, 17, 41, 88] {
            let instance = InstanceGenerator(stations: 6, trains: 12, horizonMinutes: 600).instance(seed: seed)
            let lowerBounds = instance.trains.map { CostBounds.lowerBound(of: $0, instance: instance) }
            let bound = LagrangianBound.compute(instance, lowerBounds: lowerBounds, upperBound: 1_000_000, until: .now + .seconds(5))
            let point = try #require(bound.point, "seed \(seed)")
            let setting = RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: 1_000_000)
            var prices = point.multipliers.prices()
            for index in setting.movable {
                let train = instance.trains[index]
                prices.holds = point.directions.prices(of: index)
                let wait = setting.maximumWaits[index]
                guard let cheapest = SingleTrainSearch.pricedPlan(train, instance: instance, holding: setting.fixedHolding, prices: prices,
                                                                   maximumWait: wait) else { continue }
                let at = try #require(SingleTrainSearch.departureLimit(train, instance: instance, holding: setting.fixedHolding, prices: prices,
                                                                          maximumWait: wait, limit: cheapest.value),
                                      "seed \(seed), \(train.id): nothing at its own least value \(cheapest.value)")
                let departures = cheapest.run.stops.dropLast().compactMap(\.departure)
                #expect(zip(at.minutes, departures).allSatisfy { ranges, t in ranges.contains { $0.contains(t) } },
                        "seed \(seed), \(train.id): cheapest run \(departures) outside \(at.minutes)")
                #expect(SingleTrainSearch.departureLimit(train, instance: instance, holding: setting.fixedHolding, prices: prices,
                                                           maximumWait: wait, limit: cheapest.value - 1e-3) == nil,
                        "seed \(seed), \(train.id): minutes below the least value \(cheapest.value)")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }

    /// A step with gaps: the event happens only at its minutes, and between them it keeps its value.
    @Test func stepWithGapsKeepsItsValueBetweenMinutes() {
        var model = Model(name: "steps")
        let step = Step.add(to: &model, minutes: [10, 11, 20, 30], name: "s")
        #expect(model.variableCount == 4 && model.constraintCount == 3)
        #expect(step.at(9).terms.isEmpty)
        #expect(step.at(10) == LinearExpression(step.variables[0]))
        #expect(step.at(19) == LinearExpression(step.variables[1]))
        #expect(step.at(29) == LinearExpression(step.variables[2]))
        #expect(step.at(99) == LinearExpression(step.final))
        #expect(step.index(of: 20) == 2 && step.index(of: 21) == nil && step.index(of: 9) == nil)
        var values = [Double](repeating: 0, count: 4)
        values[2] = 1
        values[3] = 1
        #expect(step.minute(in: values) == 20)
    }
}

/// The reason a left-out train carries names what keeps it out, worked out afresh from the
/// committed Pingxiang timetable (X9809 is left out there).
@Suite("left-out reasons")
struct LeftOutReasonsTests {
    @Test func pingxiangX9809IsKeptOutByLanesOrSingleTrack() throws {
        let instance = try Examples.load("examples/pingxiang/pingxiang-2026-12-01.yaml")
        let runs = try TimetableReader.load(path: Examples.root.appendingPathComponent("examples/pingxiang/pingxiang-2026-12-01.timetable.json").path,
                                            instance: instance).schedule.trains
        let index = try #require(instance.trains.firstIndex { $0.id == "X9809" })
        #expect(!runs[index].scheduled)
        let reason = LeftOutReasons.reason(for: index, in: runs, instance: instance)
        #expect(reason.contains("customs lanes at PXG and DDG"), "\(reason)")
        #expect(reason.contains("single-track sections NMG–PXG"), "\(reason)")
        // Without the other trains it fits: its cheapest run and its penalty are given instead.
        let alone = runs.enumerated().map { i, run in i == index || instance.trains[i].isFixed ? run : TrainRun(train: run.train, scheduled: false) }
        #expect(LeftOutReasons.reason(for: index, in: alone, instance: instance).contains("against a penalty of 100000"))
    }
}
