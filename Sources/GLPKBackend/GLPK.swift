import CGLPK
import Logging
import MIP

// Every call into GLPK's C API is in this file. Callers hand it only validated models and
// options (see `GLPKSolver`), because GLPK answers misuse with abort().

/// Process- and thread-level GLPK facts and housekeeping.
enum GLPK {
    static var version: String { String(cString: glp_version()) }

    /// "_Thread_local" on Debian's build: each thread has its own GLPK environment.
    static var threadLocalStorage: String { glp_config("TLS").map { String(cString: $0) } ?? "none" }

    /// GLPK memory blocks and bytes allocated on this thread.
    static func memoryInUse() -> (blocks: Int, bytes: Int) {
        var count: Int32 = 0, countPeak: Int32 = 0
        var total = 0, totalPeak = 0
        glp_mem_usage(&count, &countPeak, &total, &totalPeak)
        return (Int(count), total)
    }

    /// Frees this thread's GLPK environment (and any GLPK object it still holds).
    static func freeEnvironment() { _ = glp_free_env() }

    /// Sends this thread's GLPK terminal output to `sink`, or silences it when `sink` is nil.
    static func redirectTerminal(to sink: TerminalSink?) {
        if let sink {
            _ = glp_term_out(GLP_ON)
            glp_term_hook({ info, text in
                guard let info, let text else { return 1 }
                Unmanaged<TerminalSink>.fromOpaque(info).takeUnretainedValue().write(String(cString: text))
                return 1  // handled: GLPK prints nothing itself
            }, Unmanaged.passUnretained(sink).toOpaque())
        } else {
            glp_term_hook(nil, nil)
            _ = glp_term_out(GLP_OFF)
        }
    }

    static func messageLevel(_ level: SolverMessageLevel) -> Int32 {
        switch level {
        case .off: GLP_MSG_OFF
        case .errors: GLP_MSG_ERR
        case .normal: GLP_MSG_ON
        case .all: GLP_MSG_ALL
        }
    }
}

/// GLPK prints fragments of lines; this joins them into lines for the logger.
final class TerminalSink {
    private let logger: Logger
    private var pending = ""

    init(logger: Logger) { self.logger = logger }

    func write(_ fragment: String) {
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[..<newline])
            pending = String(pending[pending.index(after: newline)...])
            if !line.isEmpty { logger.info("\(line)", metadata: ["solver": "glpk"]) }
        }
    }

    func flush() {
        if !pending.isEmpty { logger.info("\(pending)", metadata: ["solver": "glpk"]) }
        pending = ""
    }
}

/// A GLPK problem object holding one model. It belongs to the thread that created it and is
/// deleted in `deinit` on that thread; never let it cross an `await`.
final class GLPKProblem {
    private let pointer: OpaquePointer
    let columnCount: Int
    let rowCount: Int

    /// Loads a model that has passed `Model.validate()` and has at least one variable.
    /// Integer bounds are rounded inward (GLPK rejects fractional ones); the caller has checked
    /// that no rounded range is empty.
    init(model: Model) {
        precondition(model.variableCount > 0, "validated models have variables")
        pointer = glp_create_prob()
        columnCount = model.variableCount
        rowCount = model.constraintCount
        glp_set_prob_name(pointer, model.name.isEmpty || model.name.utf8.count > 255 ? nil : sanitized(model.name))
        glp_set_obj_dir(pointer, model.objective.sense == .minimize ? GLP_MIN : GLP_MAX)
        loadColumns(model)
        loadRows(model)
        loadObjective(model)
    }

    deinit { glp_delete_prob(pointer) }

    private func loadColumns(_ model: Model) {
        glp_add_cols(pointer, Int32(model.variableCount))
        for (index, variable) in model.variables.enumerated() {
            let column = Int32(index + 1)
            if let name = variable.name { glp_set_col_name(pointer, column, name) }
            let (lower, upper) = variable.isIntegral ? variable.effectiveBounds : (variable.lowerBound, variable.upperBound)
            let (type, lb, ub) = Self.boundType(lower: lower, upper: upper)
            glp_set_col_bnds(pointer, column, type, lb, ub)
            // GLP_IV, not GLP_BV: setting GLP_BV would reset bounds a user fixed.
            if variable.isIntegral { glp_set_col_kind(pointer, column, GLP_IV) }
        }
    }

    private func loadRows(_ model: Model) {
        guard model.constraintCount > 0 else { return }  // glp_add_rows(P, 0) aborts
        glp_add_rows(pointer, Int32(model.constraintCount))
        let nonZeros = model.nonZeroCount
        // GLPK's arrays are 1-based: element 0 is ignored.
        var rowIndices = [Int32](repeating: 0, count: nonZeros + 1)
        var columnIndices = [Int32](repeating: 0, count: nonZeros + 1)
        var values = [Double](repeating: 0, count: nonZeros + 1)
        var k = 0
        for (index, row) in model.constraints.enumerated() {
            let rowNumber = Int32(index + 1)
            if let name = row.name { glp_set_row_name(pointer, rowNumber, name) }
            let (type, lb, ub) = Self.boundType(lower: row.bounds.lower, upper: row.bounds.upper)
            glp_set_row_bnds(pointer, rowNumber, type, lb, ub)
            for term in row.terms {  // normalized: no duplicate (i, j), which glp_load_matrix aborts on
                k += 1
                rowIndices[k] = rowNumber
                columnIndices[k] = Int32(term.variable.index + 1)
                values[k] = term.coefficient
            }
        }
        glp_load_matrix(pointer, Int32(nonZeros), rowIndices, columnIndices, values)
    }

    private func loadObjective(_ model: Model) {
        glp_set_obj_coef(pointer, 0, model.objective.expression.constant)
        for term in model.objective.expression.terms {
            glp_set_obj_coef(pointer, Int32(term.variable.index + 1), term.coefficient)
        }
    }

    /// GLPK's bound type and values for `[lower, upper]` (either side may be infinite).
    static func boundType(lower: Double, upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    private func sanitized(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "_" : Character($0) })
    }

    // MARK: Solving

    struct SimplexOutcome {
        var returnCode: Int32
        var status: Int32
        var objective: Double
    }

    /// Scales rows and columns and builds an advanced starting basis, as glpsol does before the
    /// simplex: on time-indexed models this cuts simplex iterations several times over.
    func prepareBasis() {
        glp_scale_prob(pointer, GLP_SF_AUTO)
        glp_adv_basis(pointer, 0)
    }

    /// Makes the basis of a feasible point whose every column sits at a bound: every row's slack
    /// basic (the basis matrix is the identity), every column non-basic at its value, so the
    /// primal simplex starts at that point with no phase 1. False, and the basis unchanged, when
    /// some column lies strictly inside its bounds. `point` holds one value per column.
    func startBasis(at point: [Double]) -> Bool {
        var statuses: [Int32] = []
        statuses.reserveCapacity(columnCount)
        for index in 0..<columnCount {
            let column = Int32(index + 1), value = point[index], type = glp_get_col_type(pointer, column)
            let lower = glp_get_col_lb(pointer, column), upper = glp_get_col_ub(pointer, column)
            if type == GLP_FX {
                statuses.append(GLP_NS)
            } else if (type == GLP_LO || type == GLP_DB) && abs(value - lower) <= 1e-9 {
                statuses.append(GLP_NL)
            } else if (type == GLP_UP || type == GLP_DB) && abs(value - upper) <= 1e-9 {
                statuses.append(GLP_NU)
            } else if type == GLP_FR && value == 0 {
                statuses.append(GLP_NF)
            } else {
                return false
            }
        }
        for index in 0..<rowCount { glp_set_row_stat(pointer, Int32(index + 1), GLP_BS) }
        for (index, status) in statuses.enumerated() { glp_set_col_stat(pointer, Int32(index + 1), status) }
        return true
    }

    /// The simplex method on the LP (relaxation).
    func simplex(timeLimitMilliseconds: Int32?, presolve: Bool, messageLevel: SolverMessageLevel, method: SimplexMethod) -> SimplexOutcome {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLPK.messageLevel(messageLevel)
        parameters.meth = method == .dual ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let timeLimitMilliseconds { parameters.tm_lim = timeLimitMilliseconds }
        let rc = glp_simplex(pointer, &parameters)
        return SimplexOutcome(returnCode: rc, status: glp_get_status(pointer), objective: glp_get_obj_val(pointer))
    }

    func lpValues() -> [Double] {
        (1...columnCount).map { glp_get_col_prim(pointer, Int32($0)) }
    }

    func lpRowDuals() -> [Double] {
        rowCount == 0 ? [] : (1...rowCount).map { glp_get_row_dual(pointer, Int32($0)) }
    }

    struct BranchAndBoundOutcome {
        var returnCode: Int32
        var status: Int32
    }

    /// Branch and bound, reporting to `monitor` at every callback.
    func branchAndBound(
        timeLimitMilliseconds: Int32?, relativeGap: Double?, presolve: Bool,
        messageLevel: SolverMessageLevel, parameters tuning: GLPKParameters, monitor: SearchMonitor
    ) -> BranchAndBoundOutcome {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLPK.messageLevel(messageLevel)
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let timeLimitMilliseconds { parameters.tm_lim = timeLimitMilliseconds }
        if let relativeGap { parameters.mip_gap = relativeGap }
        parameters.mir_cuts = tuning.mirCuts ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = tuning.gomoryCuts ? GLP_ON : GLP_OFF
        parameters.clq_cuts = tuning.cliqueCuts ? GLP_ON : GLP_OFF
        parameters.cov_cuts = GLP_OFF
        parameters.fp_heur = tuning.feasibilityPump ? GLP_ON : GLP_OFF
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            GLPKProblem.visit(tree: tree, monitor: Unmanaged<SearchMonitor>.fromOpaque(info).takeUnretainedValue())
        }
        let rc = withExtendedLifetime(monitor) {
            parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
            return glp_intopt(pointer, &parameters)
        }
        monitor.finish()
        return BranchAndBoundOutcome(returnCode: rc, status: glp_mip_status(pointer))
    }

    func mipValues() -> [Double] {
        (1...columnCount).map { glp_mip_col_val(pointer, Int32($0)) }
    }

    /// One callback: read the tree, tell the monitor, then act on cancellation and the warm start.
    private static func visit(tree: OpaquePointer, monitor: SearchMonitor) {
        let problem = glp_ios_get_prob(tree)
        let status = glp_mip_status(problem)
        let incumbent = status == GLP_FEAS || status == GLP_OPT ? glp_mip_obj_val(problem) : nil
        let best = glp_ios_best_node(tree)
        let bound = best != 0 ? glp_ios_node_bound(tree, best) : nil
        var active: Int32 = 0, inTree: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &inTree, &total)
        monitor.observe(incumbent: incumbent, bound: bound, nodes: Int(total))

        if glp_ios_reason(tree) == GLP_IHEUR, let start = monitor.takeWarmStart() {
            // Only reached with presolve off (the tree's columns are the model's) and a point
            // `Model.violations` found nothing wrong with: GLPK does not check it.
            let rejected = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
            monitor.warmStartInjected(accepted: rejected == 0)
        }
        if monitor.isCancelled || monitor.timeIsUp() { glp_ios_terminate(tree) }
    }
}
