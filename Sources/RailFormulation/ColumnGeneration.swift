import MIP
import RailDomain

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
    private var seen: Set<TrainRun> = []
    /// The best Lagrangian value from the duals so far, with each train's value then.
    private(set) var bound = LagrangianBound(value: 0, perTrain: [])
    private(set) var lpValue: Double?
    private(set) var rounds = 0
    private(set) var converged = false

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
    /// proves `upperBound` optimal, or the deadline. Needs a backend that keeps an LP between
    /// solves; without one nothing happens.
    mutating func run(upperBound: Int, until deadline: ContinuousClock.Instant) {
        guard let backend = solver as? any IncrementalLPSolver else { return }
        var state = self
        backend.withIncrementalLP { lp in state.rounds(lp, upperBound: upperBound, until: deadline) }
        self = state
    }

    private mutating func rounds(_ lp: any IncrementalLP, upperBound: Int, until deadline: ContinuousClock.Instant) {
        guard let master = try? IncrementalMaster(lp: lp, instance: setting.instance),
              (try? master.add(0..<pool.count, of: pool)) != nil else { return }
        while ContinuousClock.now < deadline {
            let left = Double((deadline - ContinuousClock.now).components.seconds) + 0.5
            guard let result = try? lp.solve(timeLimitSeconds: left), result.termination == .optimal,
                  result.duals.count == master.rows.count else { return }
            rounds += 1
            lpValue = result.objective
            let prices = MasterProblem.prices(rows: master.rows, duals: result.duals, setting: setting)
            let evaluation = setting.evaluate(prices.multipliers, prices.directions)
            if evaluation.bound > bound.value { bound = LagrangianBound(value: evaluation.bound, perTrain: evaluation.values) }
            if bound.value > Double(upperBound - 1) + 1e-6 { return }
            let before = pool.count
            for (index, run) in evaluation.runs.sorted(by: { $0.key < $1.key }) {
                guard let value = evaluation.priced[index], value < (prices.convexity[index] ?? .infinity) - 1e-6 else { continue }
                add(run, train: index)
            }
            if pool.count == before {
                converged = true
                return
            }
            guard (try? master.add(before..<pool.count, of: pool)) != nil else { return }
        }
    }
}
