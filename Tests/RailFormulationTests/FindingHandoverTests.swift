import GLPKBackend
import MIP
@testable import RailFormulation
import RailDomain
import RailScenarios
import Testing

/// Column generation hands the search beside it what it finds as it finds it (its converged LP,
/// each cheaper timetable), instead of only when it ends.
@Suite("column generation's findings")
struct FindingHandoverTests {
    /// Small corridors where the tree has work to do (`BranchAndPriceTests`): the converged LP is
    /// handed over once, and the timetables come in strictly cheaper, valid, each below the start,
    /// the last being the one column generation ends with.
    @Test func findingsComeAsTheyAreFound() throws {
        var timetables = 0
        for seed in [1, 2, 4, 13, 21, 34] as [UInt64] {
            let instance = InstanceGenerator(stations: 4, trains: 10, horizonMinutes: 400).instance(seed: 1200 + seed)
            guard let start = SingleTrainPlans.insertion(instance) else { continue }
            let upper = cost(start, instance)
            let setting = RelaxationSetting(instance, lowerBounds: instance.trains.map { _ in 0 }, upperBound: upper)
            var generation = ColumnGeneration(setting: setting, solver: GLPKSolver())
            generation.seed(start)
            var lps = 0
            var found: [Int] = []
            generation.run(upperBound: upper, until: .now + .seconds(30), branchingSeconds: 10, found: { finding in
                switch finding {
                case .convergedLP(let state):
                    lps += 1
                    #expect(state.converged, "seed \(seed)")
                case .timetable(let runs):
                    var schedule = Schedule(instance: instance.name, status: .feasible, trains: runs)
                    schedule.objective = cost(runs, instance)
                    #expect(ScheduleValidator.validate(schedule, against: instance).isEmpty, "seed \(seed)")
                    found.append(cost(runs, instance))
                }
            })
            #expect(lps == (generation.converged ? 1 : 0), "seed \(seed)")
            #expect(zip(found, found.dropFirst()).allSatisfy { $0 > $1 }, "seed \(seed): \(found)")
            #expect(found.allSatisfy { $0 < upper }, "seed \(seed): \(found) against \(upper)")
            if let last = found.last {
                #expect(generation.integralRuns.map { cost($0, instance) } == last, "seed \(seed)")
            }
            timetables += found.count
        }
        // Else the test would say nothing about timetables.
        #expect(timetables >= 1)
    }

    /// On its own thread: once it has converged, something waits to be taken and the search's
    /// stop is pulled; taking it empties the box.
    @Test func backgroundHandsOverTheConvergedLP() throws {
        let (generation, upper) = try seeded()
        let background = BackgroundColumnGeneration(generation, upperBound: upper, until: .now + .seconds(30), branchingSeconds: 5)
        let ended = try #require(background.finish(stopNow: false))
        try #require(ended.converged)
        #expect(background.hasFound)
        #expect(background.searchStop.isCancelled)
        let taken = background.takeFound()
        #expect(taken.convergedLP?.converged == true)
        #expect(!background.hasFound)
        let again = background.takeFound()
        #expect(again.runs == nil && again.convergedLP == nil)
    }

    /// Roundings from a later variant are those variants of the full list.
    @Test func roundingsFromALaterVariant() throws {
        var (generation, upper) = try seeded()
        generation.run(upperBound: upper, until: .now + .seconds(30))
        let all = generation.roundings(variants: 3)
        try #require(all.count == 4)
        #expect(generation.roundings(variants: 3, from: 2) == Array(all.suffix(2)))
    }

    /// Column generation on a small corridor, seeded with greedy insertion's timetable and its cost.
    private func seeded() throws -> (ColumnGeneration, upper: Int) {
        let instance = InstanceGenerator(stations: 4, trains: 10, horizonMinutes: 400).instance(seed: 1213)
        let start = try #require(SingleTrainPlans.insertion(instance))
        let upper = cost(start, instance)
        var generation = ColumnGeneration(setting: RelaxationSetting(instance, lowerBounds: instance.trains.map { _ in 0 }, upperBound: upper),
                                          solver: GLPKSolver())
        generation.seed(start)
        return (generation, upper)
    }

    private func cost(_ runs: [TrainRun], _ instance: Instance) -> Int { RunsChecks.cost(runs, instance) }
}
