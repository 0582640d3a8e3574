import Foundation
import MIP
import RailDomain
import Synchronization

/// Column generation on the path formulation (`MasterProblem`): GLPK's simplex solves the master
/// LP over a pool of runs, its duals price each train's exact single-train search
/// (`SingleTrainSearch.pricedPlan`), runs of negative reduced cost join the pool. Each round's
/// duals are also evaluated as Lagrangian multipliers (`RelaxationSetting.evaluate`), which is a
/// valid lower bound whether or not the generation has converged; at convergence it equals the
/// LP's value (measured on the Pingxiang day: 35479 either way).
struct ColumnGeneration {
    let setting: RelaxationSetting
    let solver: any MIPSolver
    private(set) var pool: [PathColumn] = []
    private(set) var seen: Set<TrainRun> = []
    /// The best Lagrangian value from the duals so far, with each train's value then.
    private(set) var bound = LagrangianBound(value: 0, perTrain: [])
    private(set) var lpValue: Double?
    private(set) var rounds = 0
    private(set) var converged = false
    /// Whether the master's rows wait until an LP solution breaks them (`IncrementalMaster.separate`):
    /// on the Pingxiang day its tree's LP had 2,000 rows instead of 5,600 and took 1.6–2.6 s
    /// instead of 4–7 s; the converged LP's value is the same.
    var lazyRows = true
    /// The master's rows at its last LP solution.
    private(set) var masterRows = 0
    /// Wall-clock seconds of `run`, when it ran in the background.
    var seconds = 0.0
    /// Wall-clock seconds of the rounds and price-and-branch, before branch and price.
    private(set) var roundsSeconds = 0.0
    /// The dual point with the best bound so far (the smoothing's centre), and its weight.
    private var center: DualPoint?
    var smoothing = 0.5
    /// The best timetable of the converged pool's runs by branch and bound on the master
    /// (price-and-branch), one run per train; nil if none was found. It may break rules the master
    /// leaves out (same-direction order on a section; on single track, part of the same-way
    /// headway): the validator judges it, `SingleTrainPlans.repair` mends it.
    private(set) var integralRuns: [TrainRun]?
    /// The last master LP's values: per pool column (those in the pool then), per optional train left out.
    private(set) var lastValues: (columns: [Double], leaveOut: [Int: Double])?

    init(setting: RelaxationSetting, solver: any MIPSolver) {
        self.setting = setting
        self.solver = solver
        bound.perTrain = [Double](repeating: 0, count: setting.instance.trains.count)
        addFixedColumns()
    }

    /// Every slot choice of every fixed train is a column (its times are given).
    private mutating func addFixedColumns() {
        let instance = setting.instance
        for (index, choices) in setting.fixedSlotChoices.sorted(by: { $0.key < $1.key }) {
            guard let base = SingleTrainPlans.fixedRun(instance.trains[index]) else { continue }
            var runs = [base]
            for keys in choices {
                runs = runs.flatMap { run in keys.map { key in
                    var copy = run
                    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                    copy.borderSlots.append(SlotUse(border: BorderID(parts[0]), slot: SlotID(parts[1])))
                    return copy
                } }
            }
            for run in runs { add(run, train: index) }
        }
    }

    /// Starts from a subgradient's result: its runs join the pool, its best prices become the
    /// smoothing's centre (they must come from the same `RelaxationSetting`'s rows).
    mutating func seed(_ subgradient: LagrangianBound) {
        for (index, runs) in subgradient.runs.sorted(by: { $0.key < $1.key }) {
            for run in runs.sorted(by: { ($0.stops.first?.departure ?? 0) < ($1.stops.first?.departure ?? 0) }) { add(run, train: index) }
        }
        if let point = subgradient.point, subgradient.value > bound.value {
            center = point
            bound = LagrangianBound(value: subgradient.value, perTrain: subgradient.perTrain)
        }
    }

    /// Adds the scheduled runs of a timetable (one run per train, in instance order) to the pool.
    mutating func seed(_ runs: [TrainRun]) {
        for (index, run) in runs.enumerated() where run.scheduled && !setting.instance.trains[index].isFixed { add(run, train: index) }
    }

    @discardableResult
    private mutating func add(_ run: TrainRun, train: Int) -> Bool {
        var key = run
        key.reason = nil
        guard seen.insert(key).inserted else { return false }
        pool.append(PathColumn(train: train, run: run, instance: setting.instance, layout: setting.layout))
        return true
    }

    /// Rounds of master LP and pricing until no run prices below its train's dual, the bound
    /// proves `upperBound` optimal, the deadline, or `stop`. `report` hears every better bound.
    /// Needs a backend that keeps an LP between solves; without one nothing happens.
    /// Once converged, branch and price gets up to `branchingSeconds` more (`BranchAndPrice`): its
    /// bound is reported, its timetable becomes `integralRuns` when cheaper. (Tried only where the
    /// root gap was at most 15%, it missed the 20-train bench day: column generation converged at
    /// 2926.6 against the first timetable's 4290, and the tree then proved 3178 in 2.6 s.)
    /// `found` hears of the converged LP and of each cheaper timetable (the LP's roundings, the
    /// tree's) as they come, so that the search beside it can work from them at once rather than
    /// when this ends.
    mutating func run(upperBound: Int, until deadline: ContinuousClock.Instant, stop: CancellationToken? = nil,
                      branchingSeconds: Double = 0, incumbent known: (@Sendable () -> Int)? = nil,
                      found: ((ColumnGenerationFinding) -> Void)? = nil, report: (@Sendable (Double) -> Void)? = nil) {
        guard let backend = solver as? any IncrementalLPSolver else { return }
        var state = self
        // With branch and price to follow, price-and-branch is skipped: on the Pingxiang day it
        // used its whole 10 s and found nothing better than the search. The 40 bench trains were
        // proven optimal in 6.5–14.1 s over seven runs with 10 or 2 s of it, in 4.7 s without it
        // (one run; the LP's roundings, kept, give the tree its incumbent: without them 10.4 s).
        let priceAndBranchTime = branchingSeconds > 0 ? 0 : Self.priceAndBranchSeconds
        let started = ContinuousClock.now
        backend.withIncrementalLP { lp in
            state.rounds(lp, upperBound: upperBound, until: deadline, stop: stop, priceAndBranchTime: priceAndBranchTime, report: report)
        }
        self = state
        roundsSeconds = (ContinuousClock.now - started).seconds
        guard converged, branchingSeconds > 0, let lpValue, stop?.isCancelled != true else { return }
        found?(.convergedLP(self))
        // The LP's roundings (and price-and-branch's timetable, when it ran), mended where they
        // break a rule the master leaves out and improved by local search, are often better than
        // the search's of when column generation started: the tree prunes with the best of them.
        var incumbent = min(upperBound, known?() ?? .max)
        let instance = setting.instance
        for runs in (integralRuns.map { [$0] } ?? []) + roundings(variants: 1) where stop?.isCancelled != true {
            guard let mended = SingleTrainPlans.repair(runs, instance: instance) else { continue }
            let improved = LocalSearch.improve(mended, instance: instance, until: min(deadline, ContinuousClock.now + .seconds(1)), stop: stop)
            var candidate = Schedule(instance: instance.name, status: .feasible, trains: improved)
            let cost = ScheduleCost.compute(candidate, for: instance).total
            candidate.objective = cost
            // Pruning rests on it: only a timetable the validator accepts counts.
            if cost < incumbent, ScheduleValidator.validate(candidate, against: instance).isEmpty {
                incumbent = cost
                integralRuns = improved
                found?(.timetable(improved))
            }
        }
        let root = max(lpValue, bound.value)
        guard root <= Double(incumbent - 1) + 1e-6 else { return }
        // Runs waiting longer than the best cost allows are left out of the tree's pricing.
        let tighter = RelaxationSetting(setting.instance, lowerBounds: setting.lowerBounds, upperBound: incumbent)
        var tree = BranchAndPrice(self, setting: tighter, rootBound: root)
        let end = min(deadline, ContinuousClock.now + .seconds(branchingSeconds))
        backend.withIncrementalLP { lp in tree.run(lp, upperBound: incumbent, until: end, stop: stop, incumbent: known, found: { found?(.timetable($0)) }, report: report) }
        branching = BranchingSummary(nodes: tree.nodes, unresolved: tree.unresolvedNodes, exhausted: tree.exhausted, bound: tree.bound)
        if let found = tree.best { integralRuns = found.runs }
    }

    /// What branch and price did, when it ran.
    struct BranchingSummary {
        var nodes: Int
        var unresolved: Int
        /// Every node pruned: `bound` is the best cost, proven.
        var exhausted: Bool
        var bound: Double
    }

    private(set) var branching: BranchingSummary?

    private mutating func rounds(_ lp: any IncrementalLP, upperBound: Int, until deadline: ContinuousClock.Instant,
                                 stop: CancellationToken?, priceAndBranchTime: Double, report: (@Sendable (Double) -> Void)?) {
        guard let master = try? IncrementalMaster(lp: lp, instance: setting.instance, lazyRows: lazyRows),
              (try? master.add(0..<pool.count, of: pool)) != nil else { return }
        while ContinuousClock.now < deadline, stop?.isCancelled != true {
            guard let result = try? lp.solve(timeLimitSeconds: max(0, (deadline - ContinuousClock.now).seconds)), result.termination == .optimal,
                  result.duals.count == master.rows.count else { return }
            // A row the LP breaks is written and the LP solved again before its duals price runs.
            guard let written = try? master.separate(result.values, of: pool) else { return }
            if written > 0 { continue }
            masterRows = master.rows.count
            rounds += 1
            lpValue = result.objective
            lastValues = (master.poolValues(result), master.leaveOut.mapValues { result.values[$0] })
            let prices = MasterProblem.prices(rows: master.rows, duals: result.duals, setting: setting)
            let duals = DualPoint(multipliers: prices.multipliers, directions: prices.directions)
            let before = pool.count
            // Price at the smoothed point first; a round that finds nothing there (a mis-pricing)
            // prices at the LP's own duals, and only a round that finds nothing there has converged.
            var points: [DualPoint] = [duals]
            if let center { points.insert(center.blended(with: duals, weight: smoothing), at: 0) }
            for point in points {
                let evaluation = setting.evaluate(point.multipliers, point.directions)
                if evaluation.bound > bound.value {
                    bound = LagrangianBound(value: evaluation.bound, perTrain: evaluation.values, point: point)
                    center = point
                    report?(bound.value)
                }
                if bound.value > Double(upperBound - 1) + 1e-6 { return }
                for (index, run) in evaluation.runs.sorted(by: { $0.key < $1.key }) {
                    // A run joins when its reduced cost at the LP's duals is negative.
                    let column = PathColumn(train: index, run: run, instance: setting.instance, layout: setting.layout)
                    guard Double(column.cost) + duals.price(of: column) < (prices.convexity[index] ?? .infinity) - 1e-6 else { continue }
                    add(run, train: index)
                }
                if pool.count > before { break }
            }
            if pool.count == before {
                converged = true
                if priceAndBranchTime > 0 {
                    integralRuns = priceAndBranch(lp, master: master, until: min(deadline, ContinuousClock.now + .seconds(priceAndBranchTime)), stop: stop)
                }
                return
            }
            guard (try? master.add(before..<pool.count, of: pool)) != nil else { return }
        }
    }

    /// Branch and bound on the converged master; a result the validator rejects for a pair of
    /// trains (a rule the master leaves out, such as overtaking inside a section) forbids that pair
    /// of runs (`λ_p + λ_q ≤ 1`) and tries again, until `deadline`.
    private func priceAndBranch(_ lp: any IncrementalLP, master: IncrementalMaster, until deadline: ContinuousClock.Instant,
                                stop: CancellationToken?) -> [TrainRun]? {
        let instance = setting.instance
        // Integral solutions are not checked against waiting rows: every row is written first.
        guard (try? master.separate(nil, of: pool)) != nil else { return nil }
        let integral = master.lpColumn + Array(master.leaveOut.values)
        var forbidden: Set<[Int]> = []
        while stop?.isCancelled != true {
            let left = (deadline - ContinuousClock.now).seconds
            guard left > 0.5, let result = try? lp.solveIntegral(integral, timeLimitSeconds: left), !result.values.isEmpty else { return nil }
            var runs = instance.trains.map { TrainRun(train: $0.id, scheduled: false) }
            var chosen: [TrainID: Int] = [:]
            for (p, column) in pool.enumerated() where p < master.lpColumn.count && result.values[master.lpColumn[p]] > 0.5 {
                runs[column.train] = column.run
                chosen[instance.trains[column.train].id] = p
            }
            var candidate = Schedule(instance: instance.name, status: .feasible, trains: runs)
            candidate.objective = ScheduleCost.compute(candidate, for: instance).total
            let violations = ScheduleValidator.validate(candidate, against: instance)
            if violations.isEmpty || forbidden.count >= Self.forbiddenPairs { return runs }
            var rows: [SparseRow] = []
            for violation in violations where violation.trains.count == 2 {
                guard let p = chosen[violation.trains[0]], let q = chosen[violation.trains[1]],
                      forbidden.insert([min(p, q), max(p, q)]).inserted else { continue }
                rows.append(SparseRow(terms: [(master.lpColumn[min(p, q)], 1), (master.lpColumn[max(p, q)], 1)], bounds: .lessOrEqual(1)))
            }
            guard !rows.isEmpty, (try? lp.addRows(rows)) != nil,
                  let relaxed = try? lp.solve(timeLimitSeconds: max(0.1, (deadline - ContinuousClock.now).seconds)),
                  relaxed.termination == .optimal else { return runs }
        }
        return nil
    }

    /// Branch and bound on the master gets at most this long, and forbids at most this many pairs.
    static let priceAndBranchSeconds = 10.0
    static let forbiddenPairs = 40

    /// Timetables from the last LP solution: guided insertion with trains in order of how
    /// decided the LP is about them (largest column value first) and each train's columns by
    /// value; then `variants` more with the values perturbed (a repeatable hash), for diversity.
    /// `first` skips the variants before it (those already tried).
    func roundings(variants: Int, from first: Int = 0) -> [[TrainRun]] {
        guard let last = lastValues else { return [] }
        let instance = setting.instance
        var results: [[TrainRun]] = []
        for variant in first...max(first, variants) {
            func noise(_ p: Int) -> Double {
                guard variant > 0 else { return 0 }
                var hash = UInt64(truncatingIfNeeded: p &* 0x9E37_79B9 &+ variant &* 0x85EB_CA6B)
                hash = (hash ^ (hash >> 15)) &* 0x2C1B_3C6D
                return Double((hash ^ (hash >> 12)) % 1000) / 1000 * 0.5
            }
            var preferred: [Int: [(value: Double, run: TrainRun)]] = [:]
            for (p, value) in last.columns.enumerated() where value > 1e-6 && !instance.trains[pool[p].train].isFixed {
                preferred[pool[p].train, default: []].append((value + noise(p), pool[p].run))
            }
            let order = setting.movable.sorted { a, b in
                let va = preferred[a]?.map(\.value).max() ?? 0, vb = preferred[b]?.map(\.value).max() ?? 0
                return (-va, instance.trains[a].earliestDeparture ?? 0, a) < (-vb, instance.trains[b].earliestDeparture ?? 0, b)
            }
            let leaveOut = Set(last.leaveOut.filter { $0.value + noise(-1 - $0.key) >= 0.5 }.keys)
            if let runs = SingleTrainPlans.guidedInsertion(instance, order: order, preferred: preferred.mapValues { $0.sorted { $0.value > $1.value }.map(\.run) },
                                                           leaveOut: leaveOut) {
                results.append(runs)
            }
        }
        return results
    }
}

/// What column generation hands the search beside it while it runs.
enum ColumnGenerationFinding {
    /// A timetable cheaper than any it knew of.
    case timetable([TrainRun])
    /// Its state once converged, whose LP solution can be rounded (`roundings`).
    case convergedLP(ColumnGeneration)
}

/// Column generation on a thread of its own, beside the search for timetables (the machines have
/// two cores; each side is single-threaded): its bound can be read while it runs, and `finish`
/// stops it and hands back its state.
final class BackgroundColumnGeneration: Sendable {
    private let bestBound = Mutex<Double>(-.infinity)
    /// The cost of the best timetable the planner holds, for branch and price to prune with.
    private let incumbent = Mutex<Int>(.max)
    private let outcome = Mutex<ColumnGeneration?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let stop = CancellationToken()
    /// Cancelled once it has ended (or when `cancellation` is): work beside it can stop at once.
    let ended: CancellationToken
    /// What it found that the planner has not taken yet (the last timetable, the converged LP),
    /// and the token that stops the search beside it: cancelled when something comes in (or when
    /// it has ended).
    private let found: Mutex<(runs: [TrainRun]?, convergedLP: ColumnGeneration?, searchStop: CancellationToken)>

    init(_ generation: ColumnGeneration, upperBound: Int, until deadline: ContinuousClock.Instant, cancellation: CancellationToken? = nil,
         branchingSeconds: Double = 0) {
        ended = CancellationToken(linkedTo: cancellation)
        found = Mutex((nil, nil, CancellationToken(linkedTo: ended)))
        let thread = Thread { [self] in
            var work = generation
            let started = ContinuousClock.now
            incumbent.withLock { $0 = min($0, upperBound) }
            work.run(upperBound: upperBound, until: deadline, stop: stop, branchingSeconds: branchingSeconds,
                     incumbent: { [self] in incumbent.withLock { $0 } },
                     found: { [self] finding in
                         found.withLock { waiting in
                             switch finding {
                             case .timetable(let runs): waiting.runs = runs
                             case .convergedLP(let state): waiting.convergedLP = state
                             }
                             waiting.searchStop.cancel()
                         }
                     }) { [self] value in bestBound.withLock { $0 = max($0, value) } }
            work.seconds = (ContinuousClock.now - started).seconds
            outcome.withLock { $0 = work }
            done.signal()
            ended.cancel()
        }
        thread.name = "railslot.column-generation"
        thread.start()
    }

    /// A timetable of this cost exists (the planner found it).
    func offer(_ cost: Int) { incumbent.withLock { $0 = min($0, cost) } }

    /// What stops the search beside it: its end, or a timetable it found waiting to be taken.
    var searchStop: CancellationToken { found.withLock { $0.searchStop } }

    /// Whether something it found is waiting to be taken.
    var hasFound: Bool { found.withLock { $0.runs != nil || $0.convergedLP != nil } }

    /// What it found since the last call: the last timetable (cheaper than any it knew of) and
    /// the converged LP, each if any; the search can then go on under a new `searchStop`.
    func takeFound() -> (runs: [TrainRun]?, convergedLP: ColumnGeneration?) {
        found.withLock { waiting in
            let taken = (waiting.runs, waiting.convergedLP)
            if taken.0 != nil || taken.1 != nil { waiting = (nil, nil, CancellationToken(linkedTo: ended)) }
            return taken
        }
    }

    /// The best bound so far (−∞ before the first).
    var bound: Double { bestBound.withLock { $0 } }

    /// Waits at most `seconds` for it to end; true if it has.
    func hasEnded(waiting seconds: Double) -> Bool {
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }

    /// Waits until it has converged or reached its deadline (`stopNow`: stops it at once first).
    func finish(stopNow: Bool) -> ColumnGeneration? {
        if stopNow { stop.cancel() }
        done.wait()
        done.signal()
        return outcome.withLock { $0 }
    }
}
