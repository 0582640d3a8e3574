import CGLPK
import MIP

/// One solve, start to finish, on the current thread: checks, loading, simplex and/or branch and
/// bound, and the translation of GLPK's answer into a `SolveResult`.
struct GLPKSolveRun {
    let model: Model
    let options: SolveOptions
    let parameters: GLPKParameters
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    init(model: Model, options: SolveOptions, parameters: GLPKParameters) {
        self.model = model
        self.options = options
        self.parameters = parameters
        self.started = clock.now
    }

    func run() throws(MIPError) -> SolveResult {
        try options.validated()
        try model.validated()
        if let index = model.variables.firstIndex(where: { $0.effectiveBounds.lower > $0.effectiveBounds.upper }) {
            let name = model.variableName(at: index)
            return result(.infeasible, status: "not solved: integer variable \(name) has no integer value within its bounds")
        }
        var warmStart = options.warmStart
        var warmStartOutcome = WarmStartOutcome.notGiven
        if let point = warmStart {
            let violations = model.violations(of: point)
            warmStartOutcome = violations.isEmpty ? .unused("not handed over") : .rejected(violations)
            if !violations.isEmpty { warmStart = nil }
        }
        if options.cancellation?.isCancelled == true {
            return result(.interrupted, status: "not solved: cancelled before the start", warmStart: warmStartOutcome)
        }

        let sink = options.logger.map(TerminalSink.init)
        GLPK.redirectTerminal(to: sink)
        defer { sink?.flush() }
        let problem = GLPKProblem(model: model)
        problem.prepareBasis()
        if model.hasIntegerVariables {
            return try branchAndBound(problem, warmStart: warmStart, warmStartOutcome: warmStartOutcome)
        }
        if warmStart != nil { warmStartOutcome = .unused("an LP needs no starting point") }
        return try linearProgram(problem, warmStartOutcome: warmStartOutcome)
    }

    // MARK: LP

    private func linearProgram(_ problem: GLPKProblem, warmStartOutcome: WarmStartOutcome) throws(MIPError) -> SolveResult {
        let outcome = problem.simplex(timeLimitMilliseconds: remainingMilliseconds(), presolve: options.presolve, messageLevel: options.messageLevel,
                                      method: parameters.simplex)
        let words = "glp_simplex: \(GLPKStatus.returnCodeName(outcome.returnCode)); glp_get_status: \(GLPKStatus.statusName(outcome.status))"
        guard let (termination, primal) = GLPKStatus.lp(returnCode: outcome.returnCode, status: outcome.status) else {
            throw .backendFailure(words)
        }
        let values = primal == .feasiblePoint ? problem.lpValues() : []
        let objective = primal == .feasiblePoint ? model.objectiveValue(at: values) : nil
        var answer = result(termination, primal: primal, values: values, objective: objective,
                            bound: termination == .optimal ? objective : nil, status: words, warmStart: warmStartOutcome)
        if termination == .optimal { answer.duals = problem.lpRowDuals() }
        return answer
    }

    // MARK: MIP

    private func branchAndBound(_ problem: GLPKProblem, warmStart: [Double]?, warmStartOutcome: WarmStartOutcome) throws(MIPError) -> SolveResult {
        var notes: [String] = []
        var presolve = options.presolve
        if warmStart != nil, presolve {
            presolve = false
            notes.append("presolve turned off: a warm start is injected in the model's own columns")
        }
        var rootBound: Double?
        var words: [String] = []
        if !presolve {
            // Without the MIP presolver, glp_intopt starts from an optimal LP basis. The LP presolver
            // still helps: it finds infeasible relaxations at once and cut simplex time 4× on
            // time-indexed models (measured), and glp_simplex hands back a basis of the original LP.
            // From a checked warm start's own basis the primal simplex needs no phase 1 (a 20-train
            // model's root LP: about 12 s against 15 s); the LP presolver would drop that basis.
            let fromWarmStart = warmStart.map { problem.startBasis(at: $0) } ?? false
            if fromWarmStart { notes.append("root LP started from the warm start's basis") }
            var lp = problem.simplex(timeLimitMilliseconds: remainingMilliseconds(), presolve: !fromWarmStart, messageLevel: options.messageLevel,
                                     method: fromWarmStart ? .primal : parameters.simplex)
            if lp.returnCode == GLP_EFAIL, !fromWarmStart {
                // Seen on large time-indexed models: "unable to recover undefined or non-optimal
                // solution" after the LP presolver. The plain simplex then finishes the job.
                words.append("glp_simplex with presolver: \(GLPKStatus.returnCodeName(lp.returnCode)); retried without it")
                lp = problem.simplex(timeLimitMilliseconds: remainingMilliseconds(), presolve: false, messageLevel: options.messageLevel,
                                     method: parameters.simplex)
            }
            words.append("glp_simplex: \(GLPKStatus.returnCodeName(lp.returnCode)); glp_get_status: \(GLPKStatus.statusName(lp.status))")
            guard lp.returnCode == 0, lp.status == GLP_OPT else {
                guard let (termination, _) = GLPKStatus.lp(returnCode: lp.returnCode, status: lp.status) else {
                    throw .backendFailure(words.joined(separator: "; "))
                }
                // An unbounded relaxation says nothing about integer feasibility; an LP point is no MIP point.
                let mipTermination: TerminationReason = termination == .unbounded ? .infeasibleOrUnbounded : termination
                return result(mipTermination, status: words.joined(separator: "; "), warmStart: warmStartOutcome, notes: notes)
            }
            rootBound = lp.objective
        }
        let monitor = SearchMonitor(options: options, started: started, warmStart: warmStart, warmStartOutcome: warmStartOutcome)
        let outcome = problem.branchAndBound(
            timeLimitMilliseconds: remainingMilliseconds(), relativeGap: options.relativeGap, presolve: presolve,
            messageLevel: options.messageLevel, parameters: parameters, monitor: monitor)
        words.append("glp_intopt: \(GLPKStatus.returnCodeName(outcome.returnCode)); glp_mip_status: \(GLPKStatus.statusName(outcome.status))")
        let status = words.joined(separator: "; ")
        guard let (reported, primal) = GLPKStatus.mip(returnCode: outcome.returnCode, status: outcome.status) else {
            throw .backendFailure(status)
        }
        // Stopped by the callback at the time limit, not by the caller.
        let termination = reported == .interrupted && monitor.stoppedForTime && !monitor.isCancelled ? .timeLimit : reported
        let values = primal == .feasiblePoint ? problem.mipValues() : []
        let objective = primal == .feasiblePoint ? model.objectiveValue(at: values) : nil
        let bound = termination == .optimal ? objective : (monitor.bound ?? rootBound)
        return result(termination, primal: primal, values: values, objective: objective, bound: bound,
                      nodes: monitor.nodes, status: status, warmStart: monitor.warmStartOutcome, notes: notes)
    }

    // MARK: Helpers

    /// What is left of the time limit, in GLPK's milliseconds; nil without a limit.
    private func remainingMilliseconds() -> Int32? {
        guard let limit = options.timeLimitSeconds else { return nil }
        let left = (limit - elapsedSeconds) * 1000
        return Int32(max(0, min(Double(Int32.max), left.rounded(.up))))
    }

    private var elapsedSeconds: Double { (clock.now - started).seconds }

    private func result(
        _ termination: TerminationReason, primal: PrimalStatus = .noSolution, values: [Double] = [],
        objective: Double? = nil, bound: Double? = nil, nodes: Int = 0, status: String,
        warmStart: WarmStartOutcome = .notGiven, notes: [String] = []
    ) -> SolveResult {
        var gap: Double?
        if let objective, let bound { gap = SolveResult.gap(objective: objective, bound: bound) }
        return SolveResult(
            termination: termination, primal: primal, objective: objective, bound: bound, relativeGap: gap,
            values: values, nodes: nodes, seconds: elapsedSeconds, backendStatus: status,
            warmStart: warmStart, notes: notes)
    }
}
