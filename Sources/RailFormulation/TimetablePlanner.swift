import MIP
import RailDomain

/// Something that should never happen: a model the backend rejects, a solution that does not
/// decode, or a decoded timetable the independent validator rejects. Reported with details.
public enum PlanError: Error, CustomStringConvertible {
    case backend(MIPError)
    case decoding(DecodingError)
    case invalidTimetable([Violation])

    public var description: String {
        switch self {
        case .backend(let error): "internal error: \(error)"
        case .decoding(let error): "internal error: \(error)"
        case .invalidTimetable(let violations):
            "internal error: the optimizer's timetable breaks \(violations.count) rule(s):\n" + violations.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

/// Plans a timetable: solves restricted time-indexed models whose windows grow until they
/// provably contain every timetable better than the best one found (then "optimal" is a fact
/// about the spec's problem, not about a restricted model); keeps the best validated timetable
/// whatever happens; explains infeasibility.
public struct TimetablePlanner: Sendable {
    public let solver: any MIPSolver

    public init(solver: any MIPSolver) { self.solver = solver }

    public func plan(_ instance: Instance, options: PlanOptions = PlanOptions()) throws(PlanError) -> PlanResult {
        var run = PlanRun(instance: instance, options: options, solver: solver)
        let result = try run.execute()
        // The whole timetable as it will be written — times, tracks, slots and its claims of
        // status, objective and bound — passes the independent validator, or nothing is written.
        if result.schedule.status.promisesEveryTrain {
            let violations = ScheduleValidator.validate(result.schedule, against: instance)
            guard violations.isEmpty else { throw .invalidTimetable(violations) }
        }
        return result
    }
}

/// One planning run's state.
struct PlanRun {
    let instance: Instance
    let options: PlanOptions
    let solver: any MIPSolver
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var rounds: [PlanRound] = []
    var best: (runs: [TrainRun], cost: Int)? {
        // Branch and price, on column generation's thread, prunes with the best cost known.
        didSet { if let cost = best?.cost { background?.offer(cost) } }
    }
    /// Branch-and-bound nodes: GLPK's in the models solved, and branch and price's.
    var nodes = 0
    var lowerBounds: [Int] = []
    /// The Lagrangian bound, once there is a timetable to aim at.
    var lagrangian: LagrangianBound?
    /// Each train alone with the fixed trains (from preparation).
    var solos: [(cost: Int, wait: Int)?] = []
    /// The bound from matching border crossings to slots.
    var slotBound: Double?
    var columnGeneration: ColumnGenerationSummary?
    var background: BackgroundColumnGeneration?
    /// Branch and price's bound, once column generation has been settled.
    var branchingBound: Double?
    /// The upper bound the relaxation's rows were set up for (its maximum waits), once computed.
    var relaxationUpperBound: Int?
    /// A bound from a model solved inside priced windows (valid for the spec's problem).
    var pricedModelBound: Double?
    /// Multi-start insertions so far (each start's jitter is its number: no order is tried twice).
    var startsDone = 0
    /// The best cost for which a model inside priced windows was last tried (once per cost).
    var pricedWindowsTried: Int?
    /// Days and nights re-planned so far (`DayNeighbourhoods`): the next plan takes the next window.
    var daysReplanned = 0
    /// Timetables column generation handed over that local search has not started from yet; its
    /// converged LP, once handed over, and the first of its roundings not queued yet
    /// (`takeFoundTimetable`).
    var candidates: [[TrainRun]] = []
    var convergedLP: ColumnGeneration?
    var roundedVariants = 0
    var dayPlansImproving = 0
    /// Rounds of ruin and recreate so far (each round's seed is its number).
    var ruinsDone = 0

    init(instance: Instance, options: PlanOptions, solver: any MIPSolver) {
        self.instance = instance
        self.options = options
        self.solver = solver
        started = clock.now
    }

    var elapsed: Double { (clock.now - started).seconds }

    var remaining: Double? { options.timeLimitSeconds.map { max(0, $0 - elapsed) } }

    mutating func execute() throws(PlanError) -> PlanResult {
        let outcome = try steps()
        // A plan that ended another way than `finish` (proof, infeasibility) leaves no thread behind.
        _ = background?.finish(stopNow: true)
        return outcome
    }

    private mutating func steps() throws(PlanError) -> PlanResult {
        if let reasons = Prechecks.blockers(instance) {
            return result(.infeasible, bound: nil, explanation: reasons)
        }
        var lowerBounds = instance.trains.map { CostBounds.lowerBound(of: $0, instance: instance) }
        let room = instance.trains.map { TrainWindows.maximumExtra(for: $0, instance: instance) ?? 0 }
        var extra = room.map { min($0, options.initialSlack) }
        if !options.singleTrain {
            prepare(lowerBounds: &lowerBounds, extra: &extra, room: room)
        }
        let totalLowerBound = lowerBounds.reduce(0, +)
        self.lowerBounds = lowerBounds
        if !options.singleTrain, options.seeksBound, let best, (remaining ?? 60) > 0 {
            relaxationUpperBound = best.cost
            lagrangian = LagrangianBound.compute(instance, lowerBounds: lowerBounds, upperBound: best.cost,
                                                 until: clock.now + .seconds(min((remaining ?? 60) / 6, 5)))
            reportPhase()
            if !solos.isEmpty {
                slotBound = SlotMatchingBound.compute(instance, lowerBounds: lowerBounds, solo: solos, solver: solver,
                                                      until: clock.now + .seconds(min((remaining ?? 60) / 8, 5)))
            }
            // Costs are whole numbers: a bound above cost − 1 proves the timetable optimal.
            if proves(knownBound) { return result(.optimal, bound: Double(best.cost)) }
            // Within the requested gap already: no more searching.
            if withinGap(knownBound) { return result(.feasible, bound: min(knownBound, Double(best.cost))) }
            if options.cancellation?.isCancelled != true {
                startColumnGeneration(lowerBounds: lowerBounds, upperBound: best.cost, runs: best.runs)
            }
        }
        // The last solved model's bound, with the windows it was proven for: after the windows
        // grow, that bound says nothing about the new ones.
        var lastBound: (value: Double, windows: [Int])?
        for round in 1...max(1, options.maximumRounds) {
            if let remaining, remaining <= 0 { break }
            if options.cancellation?.isCancelled == true { break }
            // Column generation converges in seconds on small plans: its prices may make a model
            // that holds every better timetable small enough to solve (`PricedWindows`).
            if let running = background, columnGenerationEnded(running, firstRound: round == 1) {
                settleColumnGeneration()
                if proves(knownBound) { return result(.optimal, bound: Double(best!.cost)) }
                if try solveInsidePricedWindows(room: room) { return result(.optimal, bound: Double(best!.cost)) }
            }
            let outcome = try solveRound(round, extra: extra)
            lastBound = outcome.bound.map { ($0, extra) }
            let full = zip(extra, room).allSatisfy { $0 >= $1 }
            switch outcome.termination {
            case .optimal:
                guard let best else {
                    // The restricted model has no timetable at all: widen it.
                    if full { return infeasibleResult() }
                    extra = widen(extra, room: room)
                    continue
                }
                let safe = safeExtra(budget: best.cost, totalLowerBound: totalLowerBound, room: room)
                if zip(safe, extra).allSatisfy({ $0 <= $1 }) {
                    return result(.optimal, bound: Double(best.cost))
                }
                // Grow towards the safe windows step by step: a better optimum on the way shrinks them.
                extra = zip(extra, safe).map { current, needed in max(current, min(needed, max(current * 2, current + 60))) }
            case .infeasible:
                if full { return infeasibleResult() }
                extra = widen(extra, room: room)
            case .timeLimit, .gapLimit, .interrupted:
                // The search stepped aside for column generation's results: take them, then go on.
                if outcome.termination == .timeLimit, columnGenerationUnsettled, (remaining ?? 1) > 0 { continue }
                return try finish(lastBound: lastBound, totalLowerBound: totalLowerBound, room: room)
            case .unbounded, .infeasibleOrUnbounded:
                throw .backend(.backendFailure("the timetable model cannot be unbounded: \(outcome.termination)"))
            }
        }
        return try finish(lastBound: lastBound, totalLowerBound: totalLowerBound, room: room)
    }

    /// Builds and solves one restricted model; keeps its timetable if it is the best so far.
    /// `limits`, when given, are windows every better timetable keeps to (`PricedWindows`); such a
    /// model is solved or not, never replaced by neighbourhood search.
    mutating func solveRound(_ round: Int, extra: [Int], limits: [Int: DepartureLimit] = [:]) throws(PlanError) -> SolveResult {
        if limits.isEmpty, TimetableModel.estimatedColumns(instance, extra: extra) > 4 * options.maximumColumns, let current = best {
            // Far too large even to build usefully: improve the best timetable instead.
            improveWithoutModel(current.runs)
            return SolveResult(termination: .timeLimit, primal: .noSolution, objective: nil, bound: nil, relativeGap: nil, values: [],
                               nodes: 0, seconds: 0, backendStatus: "not built: estimated over \(4 * options.maximumColumns) columns")
        }
        if best == nil, TimetableModel.estimatedColumns(instance, extra: extra) > 50 * options.maximumColumns {
            return SolveResult(termination: .timeLimit, primal: .noSolution, objective: nil, bound: nil, relativeGap: nil, values: [],
                               nodes: 0, seconds: 0, backendStatus: "not built: estimated over \(50 * options.maximumColumns) columns")
        }
        let buildStart = clock.now
        let model = TimetableModel.build(instance, extra: extra, limits: limits)
        let buildSeconds = (clock.now - buildStart).seconds
        if model.model.variableCount > (limits.isEmpty ? options.maximumColumns : 2 * options.maximumColumns), let current = best {
            // Too large for GLPK in useful time: spend what is left improving the best timetable instead.
            if limits.isEmpty { improveWithoutModel(current.runs) }
            rounds.append(PlanRound(extra: extra.max() ?? 0, rows: model.model.constraintCount, columns: model.model.variableCount,
                                    nonZeros: model.model.nonZeroCount, buildSeconds: buildSeconds, solveSeconds: 0, decodeSeconds: 0,
                                    termination: .timeLimit, objective: nil, bound: nil, warmStart: "not solved: larger than the column limit",
                                    pricedWindows: !limits.isEmpty))
            return SolveResult(termination: .timeLimit, primal: .noSolution, objective: nil, bound: nil, relativeGap: nil, values: [],
                               nodes: 0, seconds: 0, backendStatus: "not solved: \(model.model.variableCount) columns > \(options.maximumColumns)")
        }
        // GLPK injects a warm start only with its MIP presolver off, which costs more than the
        // incumbent saves on the small single-train plans.
        let warm = options.singleTrain ? nil : best.flatMap { model.point(for: $0.runs) }
        let bestCost = best?.cost
        let progress = options.progress
        let roundStart = elapsed
        var solveOptions = SolveOptions(
            timeLimitSeconds: remaining, relativeGap: options.relativeGap, logger: options.logger, warmStart: warm,
            progress: progress.map { report in { @Sendable snapshot in
                report(PlanProgress(round: round, elapsedSeconds: roundStart + snapshot.elapsedSeconds, bestCost: bestCost, solver: snapshot))
            } },
            cancellation: options.cancellation)
        solveOptions.messageLevel = options.logger == nil ? .off : .normal
        let solveStart = clock.now
        let outcome: SolveResult
        do {
            outcome = try solver.solve(model.model, options: solveOptions)
        } catch {
            throw .backend(error)
        }
        let solveSeconds = (clock.now - solveStart).seconds
        nodes += outcome.nodes
        let decodeStart = clock.now
        if outcome.hasPoint {
            let runs: [TrainRun]
            do {
                runs = try model.decode(outcome.values)
            } catch {
                throw .decoding(error)
            }
            let candidate = Schedule(instance: instance.name, status: .feasible, trains: runs)
            let cost = ScheduleCost.compute(candidate, for: instance).total
            var claimed = candidate
            claimed.objective = cost
            let violations = ScheduleValidator.validate(claimed, against: instance)
            guard violations.isEmpty else { throw .invalidTimetable(violations) }
            // The model's objective must be the spec's cost of the decoded times, or "optimal" would
            // be a statement about the wrong function.
            if let modelObjective = outcome.objective, abs(modelObjective - Double(cost)) > 1e-6 * max(1, Double(cost)) {
                throw .backend(.backendFailure("the model's objective \(modelObjective) differs from the timetable's cost \(cost)"))
            }
            if best == nil || cost < best!.cost { best = (runs, cost) }
        }
        let warmWords: String
        switch outcome.warmStart {
        case .notGiven: warmWords = "none"
        case .accepted: warmWords = "accepted"
        case .rejected(let violations): warmWords = "rejected (\(violations.count) violations)"
        case .unused(let why): warmWords = "unused: \(why)"
        }
        rounds.append(PlanRound(extra: extra.max() ?? 0, rows: model.model.constraintCount, columns: model.model.variableCount,
                                nonZeros: model.model.nonZeroCount, buildSeconds: buildSeconds, solveSeconds: solveSeconds,
                                decodeSeconds: (clock.now - decodeStart).seconds, termination: outcome.termination,
                                objective: outcome.objective, bound: outcome.bound, warmStart: warmWords, pricedWindows: !limits.isEmpty))
        options.progress?(PlanProgress(round: round, elapsedSeconds: elapsed, bestCost: best?.cost, solver: nil))
        return outcome
    }

    /// Before the first model column generation gets up to 2 s, and up to a quarter of the time
    /// (at most 8 s) while its live bound is within half the best cost: once it ends, its
    /// timetables and prices may make a model inside priced windows worth solving (40 bench trains:
    /// it converges in 1.6–4.4 s, its price-and-branch brings 22457 down to 16186, and the model
    /// then needs 17–20 s).
    private func columnGenerationEnded(_ running: BackgroundColumnGeneration, firstRound: Bool) -> Bool {
        guard firstRound else { return running.hasEnded(waiting: 0) }
        let limit = min(8, (remaining ?? 20) / 4), start = clock.now
        while !running.hasEnded(waiting: 0.25) {
            let waited = (clock.now - start).seconds
            let cost = Double(best?.cost ?? 0)
            let near = cost > 0 && (cost - knownBound) / cost < 0.5
            if waited >= limit || (waited >= min(2, limit) && !near) { return false }
        }
        return true
    }

    /// Spends the time left on ruin and recreate, other insertion orders, small MIPs around the
    /// best timetable and local search. Orders differ far more than what the neighbourhoods find
    /// around one timetable (80 bench trains: starts from 86458 to 497913, neighbourhoods 116063 →
    /// 115557 in 10 s), so a few starts come first (at most a third of the time). Then ruin and
    /// recreate works on the best until it stalls (the bench's 80 trains, from the 72970 the rest
    /// of the search could not improve on in 60 s: 59940, with at most 8 trains out a step), the neighbourhoods polish what it found,
    /// and it starts again from there with another seed.
    /// Once column generation has ended, the search steps aside: the main loop settles it (its
    /// timetables, its bound) and tries the model inside priced windows.
    private mutating func improveWithoutModel(_ runs: [TrainRun]) {
        let deadline = clock.now + .seconds(remaining ?? 10)
        // Over several days, re-planning each day finds far more than other orders of the whole.
        if !replanDays(until: deadline) {
            multiStart(until: min(deadline, clock.now + .seconds((remaining ?? 10) / 3)), patience: Self.earlyStarts)
        }
        // Column generation's timetables (its LP's roundings, its tree's) come in while this
        // runs: the search stops to take each one and goes on from the best.
        var searchedFrom: Int?
        var fruitless = 0
        repeat {
            takeFoundTimetable()
            if columnGenerationUnsettled { return }
            let before = best?.cost
            ruinsDone += 1
            // Every cheaper timetable it finds is kept (and validated) as it finds it.
            _ = RuinAndRecreate.improve(best?.runs ?? runs, instance: instance, until: deadline, stop: searchStop,
                                        seed: UInt64(ruinsDone)) { keepIfBetter($0) }
            if columnGenerationUnsettled { return }
            if background?.hasFound == true { continue }
            // The neighbourhoods start again only from a timetable they have not searched from.
            if best.map({ $0.cost < (searchedFrom ?? .max) }) ?? true {
                searchedFrom = best?.cost
                // They stop when column generation ends, as the rest of the search does (`searchStop`).
                let improved = Neighbourhoods.improve(best?.runs ?? runs, instance: instance, solver: solver, until: deadline, stop: searchStop) { candidate in
                    keepIfBetter(candidate)
                }
                keepIfBetter(LocalSearch.improve(improved, instance: instance, until: deadline, stop: searchStop))
            }
            if columnGenerationUnsettled { return }
            if background?.hasFound == true { continue }
            if best?.cost == before {
                multiStart(until: deadline, patience: Self.multiStartPatience)
                // Nothing else left to try while column generation goes on: more of its LP's roundings.
                if background?.hasFound != true, searchStop?.isCancelled != true { queueRoundings() }
            }
            fruitless = best?.cost == before ? fruitless + 1 : 0
            // Rounds in a row that found nothing, and nothing handed over to try: the search is done.
            if fruitless >= Self.ruinPatience, background?.hasFound != true, candidates.isEmpty { return }
        } while clock.now < deadline && options.cancellation?.isCancelled != true && !boundSuffices
    }

    /// Rounds in a row of ruin and recreate that find nothing before the search ends early.
    static let ruinPatience = 4

    /// Takes what column generation found meanwhile: a timetable, and the roundings of its
    /// converged LP. Each is kept if cheaper, and so is what local search makes of it, given at
    /// most an eighth of the time left: the roundings may be poor.
    private mutating func takeFoundTimetable() {
        guard let background else { return }
        let taken = background.takeFound()
        if let runs = taken.runs { candidates.append(runs) }
        if let converged = taken.convergedLP {
            convergedLP = converged
            // Column generation itself tries the first two (`ColumnGeneration.run`).
            roundedVariants = 2
            queueRoundings()
        }
        while !candidates.isEmpty, searchStop?.isCancelled != true, (remaining ?? 1) > 0 {
            let runs = candidates.removeFirst()
            keepIfBetter(runs)
            keepIfBetter(LocalSearch.improve(runs, instance: instance, until: clock.now + .seconds(min(5, (remaining ?? 40) / 8)), stop: searchStop))
        }
    }

    static let roundingVariants = 4
    static let maximumRoundingVariants = 40

    /// Queues the next `roundingVariants` roundings of column generation's converged LP, if any
    /// are left.
    private mutating func queueRoundings() {
        guard let convergedLP, roundedVariants < Self.maximumRoundingVariants else { return }
        candidates += convergedLP.roundings(variants: roundedVariants + Self.roundingVariants - 1, from: roundedVariants)
        roundedVariants += Self.roundingVariants
    }

    /// The roundings of column generation's LP not tried yet when it is settled: those left over
    /// from `takeFoundTimetable`, or all of them if it never handed its LP over.
    private mutating func untriedRoundings(of generation: ColumnGeneration) -> [[TrainRun]] {
        defer { candidates = [] }
        return convergedLP != nil ? candidates : generation.roundings(variants: Self.roundingVariants)
    }

    static let earlyStarts = 3

    /// The share of column generation's time that branch and price may take after it converges
    /// (Pingxiang, 30 s, two runs each: 0.5 ended at bounds 122950 and 123592, 0.8 at 124487 and
    /// 122950; where the tree closes it does so long before either).
    static let branchingShare = 0.8

    /// Over several days: each day's trains re-planned by the whole planner against the others
    /// (`DayNeighbourhoods`), a day at a time in turn, then the trains around each midnight (noon
    /// to noon), then the days again, and so on, until every one of them in a row has found
    /// nothing better. The first pass shares the time equally among the days. False when the
    /// plan has no two days with trains.
    private mutating func replanDays(until deadline: ContinuousClock.Instant) -> Bool {
        let days = DayNeighbourhoods.days(instance)
        guard !days.isEmpty else { return false }
        let windows = days + DayNeighbourhoods.overnights(instance)
        var fruitless = 0
        while fruitless < windows.count, options.cancellation?.isCancelled != true, !boundSuffices, !columnGenerationUnsettled {
            takeFoundTimetable()
            guard let current = best?.runs else { break }
            let left = (deadline - clock.now).seconds
            let share = left / Double(daysReplanned < days.count ? days.count - daysReplanned : days.count)
            guard left >= DayNeighbourhoods.shortestPlan else { return true }
            let window = windows[daysReplanned % windows.count]
            daysReplanned += 1
            fruitless += 1
            reportPhase()
            guard let candidate = DayNeighbourhoods.replan(window, current: current, instance: instance, solver: solver,
                                                              seconds: min(left, max(DayNeighbourhoods.shortestPlan, share)), stop: options.cancellation) else { continue }
            if keepIfBetter(candidate) != nil {
                fruitless = 0
                dayPlansImproving += 1
            }
        }
        return true
    }

    /// With time left: greedy insertion in other orders (each train's earliest departure
    /// jittered), local search on each, the best kept. Stops after `patience` starts in a row
    /// that find nothing better, or at the deadline.
    private mutating func multiStart(until deadline: ContinuousClock.Instant, patience: Int) {
        var fruitless = 0
        while fruitless < patience, clock.now < deadline, searchStop?.isCancelled != true, !boundSuffices {
            startsDone += 1
            fruitless += 1
            reportPhase()
            guard let inserted = SingleTrainPlans.insertion(instance, jitter: startsDone) else { continue }
            if keepIfBetter(LocalSearch.improve(inserted, instance: instance, until: deadline, stop: searchStop)) != nil { fruitless = 0 }
        }
    }

    static let multiStartPatience = 6

    /// What stops the search for timetables beside column generation: the caller's cancellation,
    /// column generation ending (its tree may have proven the best timetable optimal; else the
    /// main loop settles it and goes on), or a timetable it found waiting to be taken.
    private var searchStop: CancellationToken? { background?.searchStop ?? options.cancellation }

    /// Column generation on the path formulation, on its own thread until the plan's deadline
    /// (or convergence), seeded with the best timetable and the subgradient's runs and prices.
    private mutating func startColumnGeneration(lowerBounds: [Int], upperBound: Int, runs: [TrainRun]) {
        var generation = ColumnGeneration(setting: RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: upperBound), solver: solver)
        generation.seed(runs)
        if let lagrangian { generation.seed(lagrangian) }
        let seconds = max(1, (remaining ?? 600) - 1)
        background = BackgroundColumnGeneration(generation, upperBound: upperBound, until: clock.now + .seconds(seconds), cancellation: options.cancellation,
                                                branchingSeconds: options.branchAndPrice ? seconds * Self.branchingShare : 0)
    }

    /// The best bound proven so far for the spec's problem: the per-train lower bounds, the
    /// subgradient's, the slot matching's, and column generation's while it runs.
    var knownBound: Double {
        max(Double(lowerBounds.reduce(0, +)), lagrangian?.value ?? 0, slotBound ?? 0, background?.bound ?? 0, pricedModelBound ?? 0,
            branchingBound ?? 0)
    }

    /// Costs are whole numbers: a bound above cost − 1 proves the best timetable optimal.
    func proves(_ bound: Double) -> Bool {
        guard let best else { return false }
        return bound > Double(best.cost - 1) + 1e-6
    }

    /// Whether `bound` puts the best timetable within the requested relative gap.
    func withinGap(_ bound: Double) -> Bool {
        guard let gap = options.relativeGap, let best, best.cost > 0 else { return false }
        return (Double(best.cost) - bound) / Double(best.cost) <= gap
    }

    /// Whether searching on can be spared: the bound proves the timetable or meets the gap.
    var boundSuffices: Bool { proves(knownBound) || withinGap(knownBound) }

    /// Waits for column generation; keeps its bound when higher than the subgradient's and the
    /// timetables its last LP rounds to (guided insertion, then local search).
    private mutating func settleColumnGeneration() {
        guard let running = background else { return }
        // Waiting for it: say where the bound stands every second; stop it when cancelled or
        // when its bound already says enough.
        var stopNow = false
        while !running.hasEnded(waiting: 1) {
            stopNow = options.cancellation?.isCancelled == true || boundSuffices
            if stopNow { break }
            reportPhase()
        }
        guard let generation = running.finish(stopNow: stopNow) else { return }
        background = nil
        columnGeneration = ColumnGenerationSummary(rounds: generation.rounds, columns: generation.pool.count, converged: generation.converged,
                                                   bound: generation.bound.value, seconds: generation.seconds, roundsSeconds: generation.roundsSeconds,
                                                   branchingNodes: generation.branching?.nodes, branchingExhausted: generation.branching?.exhausted ?? false,
                                                   branchingUnresolved: generation.branching?.unresolved ?? 0)
        if generation.bound.value > (lagrangian?.value ?? 0) { lagrangian = generation.bound }
        // Branch and price's bound is the tree's, not a sum over trains: it is kept apart from
        // the Lagrangian bound, whose per-train values budget the priced windows.
        branchingBound = generation.branching?.bound
        // The timetable's `solver.nodes` counts branch-and-bound nodes: the tree's are such nodes.
        nodes += generation.branching?.nodes ?? 0
        if let runs = generation.integralRuns, let mended = SingleTrainPlans.repair(runs, instance: instance) {
            keepIfBetter(mended)
            // A closed tree's timetable is optimal: local search would only spend time on it (up to 5 s).
            if !boundSuffices {
                keepIfBetter(LocalSearch.improve(mended, instance: instance, until: clock.now + .seconds(min(remaining ?? 5, 5)), stop: options.cancellation))
            }
        }
        guard best != nil, !boundSuffices else { return }
        for runs in untriedRoundings(of: generation) where (remaining ?? 1) > 0 {
            keepIfBetter(LocalSearch.improve(runs, instance: instance, until: clock.now + .seconds(min(remaining ?? 5, 5)), stop: options.cancellation))
        }
    }

    /// Tells the progress handler where the plan stands outside branch and bound (preparation,
    /// neighbourhood search), so that a long run is never silent.
    func reportPhase() {
        var bound = knownBound
        if let best { bound = min(bound, Double(best.cost)) }
        options.progress?(PlanProgress(round: rounds.count, elapsedSeconds: elapsed, bestCost: best?.cost, solver: nil,
                                       bound: bound > 0 ? bound : nil))
    }

    /// Keeps `runs` as the best timetable if it validates and costs less; returns its cost then.
    @discardableResult
    mutating func keepIfBetter(_ runs: [TrainRun]) -> Int? {
        var candidate = Schedule(instance: instance.name, status: .feasible, trains: runs)
        candidate.objective = ScheduleCost.compute(candidate, for: instance).total
        guard let cost = candidate.objective, cost < (best?.cost ?? Int.max),
              ScheduleValidator.validate(candidate, against: instance).isEmpty else { return nil }
        best = (runs, cost)
        reportPhase()
        return cost
    }

    /// Per train, the extra waiting any timetable costing at most `budget` can give it (capped by
    /// the horizon): its own share of the budget is what the others' lower bounds leave.
    func safeExtra(budget: Int, totalLowerBound: Int, room: [Int]) -> [Int] {
        instance.trains.enumerated().map { index, train in
            guard !train.isFixed else { return 0 }
            var own = budget - (totalLowerBound - lowerBounds[index])
            if let lagrangian { own = min(own, lagrangian.ownBudget(of: index, budget: budget)) }
            let bound = CostBounds.safeExtra(of: train, budget: own, instance: instance) ?? room[index]
            return min(bound, room[index])
        }
    }

    /// Before the first model: each train alone with the fixed trains gives a lower bound on its
    /// cost and a hint where its window lies; greedy insertion gives a first timetable (warm start
    /// and fallback). Each takes at most a quarter of the time limit.
    private mutating func prepare(lowerBounds: inout [Int], extra: inout [Int], room: [Int]) {
        reportPhase()
        let solos = SingleTrainPlans.soloPlans(instance)
        self.solos = solos
        reportPhase()
        for (index, train) in instance.trains.enumerated() where !train.isFixed {
            guard let solo = solos[index] else { continue }
            let penalty = train.weight * instance.objective.unscheduledPenalty
            lowerBounds[index] = max(lowerBounds[index], train.isOptional ? min(solo.cost, penalty) : solo.cost)
            let forced = TrainWindows.make(for: train, extra: 0, instance: instance)?.forcedWait ?? 0
            extra[index] = min(room[index], max(extra[index], solo.wait - forced + options.initialSlack))
        }
        // The planner keeps runs in the instance's order: a start in another order is not used.
        if let start = options.startingTimetable, start.map(\.train) == instance.trains.map(\.id) { keepIfBetter(start) }
        if let inserted = SingleTrainPlans.insertion(instance) {
            let seconds = Self.preparationSearchSeconds(remaining: remaining ?? 60, days: DayNeighbourhoods.days(instance).count)
            keepIfBetter(LocalSearch.improve(inserted, instance: instance, until: clock.now + .seconds(seconds), stop: options.cancellation))
        }
        guard let runs = best?.runs else { return }
        admitLeftOut()
        for (index, train) in instance.trains.enumerated() where !train.isFixed {
            guard runs[index].scheduled else { continue }
            let run = runs[index]
            let forced = TrainWindows.make(for: train, extra: 0, instance: instance)?.forcedWait ?? 0
            extra[index] = min(room[index], max(extra[index], SingleTrainPlans.wait(of: train, run: run) - forced))
        }
    }

    /// The most local search on the first timetable may take: a quarter of the time, and over
    /// several days one day's share of it, as re-planning each day finds far more than local
    /// search on the whole plan (bench week, 120 s: with a quarter, 30 s, 178735–180533 in six
    /// runs; with a day's share, 4.3 s, 167377–180896 in six). Only as many days share it as the
    /// rest of the time can give a plan of `DayNeighbourhoods.worthwhilePlan`: with less, the
    /// days' plans are short and local search on the whole plan is what improves it (the week at
    /// 20 s, a quarter: 250075, 256441; a seventh of it: 273605, 276704. At 60 s: a quarter
    /// 199279, three days' share 193514, a seventh 207275).
    static func preparationSearchSeconds(remaining: Double, days: Int) -> Double {
        let plannable = Int(remaining * 3 / 4 / DayNeighbourhoods.worthwhilePlan)
        return remaining / Double(4 * max(1, min(days, plannable)))
    }

    /// Greedy insertion again with a left-out optional train placed first (heaviest first, each
    /// once, also those left out by an earlier try): the others then arrange around it, and a
    /// lighter train may be left out instead.
    private mutating func admitLeftOut() {
        var tried: Set<Int> = []
        while let remaining, remaining > 0, let current = best?.runs {
            guard let index = instance.trains.indices
                .filter({ instance.trains[$0].isOptional && !current[$0].scheduled && !tried.contains($0) })
                .min(by: { (-instance.trains[$0].weight, $0) < (-instance.trains[$1].weight, $1) }) else { return }
            tried.insert(index)
            guard let inserted = SingleTrainPlans.insertion(instance, first: [index]) else { continue }
            keepIfBetter(LocalSearch.improve(inserted, instance: instance, until: clock.now + .seconds(remaining / 8), stop: options.cancellation))
        }
    }

    private func widen(_ extra: [Int], room: [Int]) -> [Int] {
        zip(extra, room).map { min($1, max($0 * 2, $0 + 60)) }
    }

    /// Stopped by a limit: the best timetable is `feasible`; a bound is only stated when it is
    /// valid for the spec's problem (the restricted model holds every timetable at most as costly as the best).
    private mutating func finish(lastBound: (value: Double, windows: [Int])?, totalLowerBound: Int, room: [Int]) throws(PlanError) -> PlanResult {
        settleColumnGeneration()
        guard best != nil else { return result(.noSolution, bound: Double(totalLowerBound)) }
        if try solveInsidePricedWindows(room: room) { return result(.optimal, bound: Double(best!.cost)) }
        guard let best else { return result(.noSolution, bound: Double(totalLowerBound)) }
        var bound = knownBound
        let safe = safeExtra(budget: best.cost, totalLowerBound: totalLowerBound, room: room)
        if let lastBound, zip(safe, lastBound.windows).allSatisfy({ $0 <= $1 }) { bound = max(bound, lastBound.value) }
        if proves(bound) { return result(.optimal, bound: Double(best.cost)) }
        return result(.feasible, bound: min(bound, Double(best.cost)))
    }

    private func infeasibleResult() -> PlanResult {
        result(.infeasible, bound: nil, explanation: Explainer.explain(instance, solver: solver, seconds: min(30, remaining ?? 30)))
    }

    private func result(_ status: ScheduleStatus, bound: Double?, explanation: [String] = []) -> PlanResult {
        var runs = instance.trains.map { TrainRun(train: $0.id, scheduled: false) }
        var objective: Int?
        if let best, status == .optimal || status == .feasible {
            runs = best.runs
            objective = best.cost
            for index in runs.indices where !runs[index].scheduled && runs[index].reason == nil && instance.trains[index].isOptional {
                runs[index].reason = LeftOutReasons.reason(for: index, in: runs, instance: instance)
            }
        }
        let schedule = Schedule(instance: instance.name, status: status, objective: objective, bound: bound,
                                solver: SolverReport(name: solver.name, version: solver.version, seconds: elapsed, nodes: nodes), trains: runs)
        return PlanResult(schedule: schedule, rounds: rounds, explanation: explanation, seconds: elapsed, columnGeneration: columnGeneration,
                          dayPlans: daysReplanned, dayPlansImproving: dayPlansImproving)
    }
}
