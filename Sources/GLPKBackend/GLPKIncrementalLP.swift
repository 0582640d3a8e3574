import CGLPK
import MIP

extension GLPKSolver: IncrementalLPSolver {
    /// Runs `body` on a thread of its own (GLPK objects stay on the thread that made them) with an
    /// empty LP, deleted and the thread's GLPK environment freed when `body` returns.
    public func withIncrementalLP<T>(_ body: (any IncrementalLP) -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            let work = UncheckedBox(escapable)
            let answer = DedicatedThread.run { () -> UncheckedBox<T> in
                let lp = GLPKIncrementalLP()
                let value = work.value!(lp)
                // The thread object may outlive this call: it must not keep `body` alive.
                work.value = nil
                lp.close()
                GLPK.freeEnvironment()
                return UncheckedBox(value)
            }
            return answer.value!
        }
    }
}

/// Carries a value across the hand-over to the GLPK thread and back; the caller blocks meanwhile,
/// so the value is never used on two threads at once.
private final class UncheckedBox<T>: @unchecked Sendable {
    var value: T?
    init(_ value: T) { self.value = value }
}

/// A minimising GLPK LP kept between solves. Every addition is checked in Swift first: GLPK
/// aborts on an index out of range, a repeated index or `glp_add_rows(P, 0)`.
final class GLPKIncrementalLP: IncrementalLP {
    private var pointer: OpaquePointer?
    private(set) var rowCount = 0
    private(set) var columnCount = 0
    private var solved = false
    private let clock = ContinuousClock()

    init() {
        pointer = glp_create_prob()
        glp_set_obj_dir(pointer, GLP_MIN)
        glp_term_out(GLP_OFF)
    }

    func close() {
        if let pointer { glp_delete_prob(pointer) }
        pointer = nil
    }

    func addRows(_ rows: [SparseRow]) throws(MIPError) -> Range<Int> {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        var issues: [String] = []
        for (k, row) in rows.enumerated() {
            issues += SparseCheck.issues(row.terms.map { ($0.column, $0.coefficient) }, count: columnCount, what: "new row \(k)")
            issues += SparseCheck.boundIssues(lower: row.bounds.lower, upper: row.bounds.upper, what: "new row \(k)")
        }
        guard issues.isEmpty else { throw .invalidModel(issues.map { ModelIssue(.model, .badAddition($0)) }) }
        let first = rowCount
        guard !rows.isEmpty else { return first..<first }
        glp_add_rows(pointer, Int32(rows.count))
        for (k, row) in rows.enumerated() {
            let number = Int32(first + k + 1)
            let (type, lb, ub) = GLPKProblem.boundType(lower: row.bounds.lower, upper: row.bounds.upper)
            glp_set_row_bnds(pointer, number, type, lb, ub)
            guard !row.terms.isEmpty else { continue }
            var indices: [Int32] = [0] + row.terms.map { Int32($0.column + 1) }
            var values: [Double] = [0] + row.terms.map(\.coefficient)
            glp_set_mat_row(pointer, number, Int32(row.terms.count), &indices, &values)
        }
        rowCount += rows.count
        return first..<rowCount
    }

    func addColumns(_ columns: [SparseColumn]) throws(MIPError) -> Range<Int> {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        var issues: [String] = []
        for (k, column) in columns.enumerated() {
            issues += SparseCheck.issues(column.terms.map { ($0.row, $0.coefficient) }, count: rowCount, what: "new column \(k)")
            issues += SparseCheck.boundIssues(lower: column.lowerBound, upper: column.upperBound, what: "new column \(k)")
            if !column.cost.isFinite { issues.append("new column \(k): cost \(column.cost) is not finite") }
        }
        guard issues.isEmpty else { throw .invalidModel(issues.map { ModelIssue(.model, .badAddition($0)) }) }
        let first = columnCount
        guard !columns.isEmpty else { return first..<first }
        glp_add_cols(pointer, Int32(columns.count))
        for (k, column) in columns.enumerated() {
            let number = Int32(first + k + 1)
            let (type, lb, ub) = GLPKProblem.boundType(lower: column.lowerBound, upper: column.upperBound)
            glp_set_col_bnds(pointer, number, type, lb, ub)
            glp_set_obj_coef(pointer, number, column.cost)
            guard !column.terms.isEmpty else { continue }
            var indices: [Int32] = [0] + column.terms.map { Int32($0.row + 1) }
            var values: [Double] = [0] + column.terms.map(\.coefficient)
            glp_set_mat_col(pointer, number, Int32(column.terms.count), &indices, &values)
        }
        columnCount += columns.count
        return first..<columnCount
    }

    func setColumnBounds(_ bounds: [(column: Int, lower: Double, upper: Double)]) throws(MIPError) {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        var issues: [String] = []
        for change in bounds {
            if change.column < 0 || change.column >= columnCount { issues.append("column \(change.column) outside 0..<\(columnCount)") }
            issues += SparseCheck.boundIssues(lower: change.lower, upper: change.upper, what: "column \(change.column)")
        }
        guard issues.isEmpty else { throw .invalidModel(issues.map { ModelIssue(.model, .badAddition($0)) }) }
        for change in bounds {
            let (type, lb, ub) = GLPKProblem.boundType(lower: change.lower, upper: change.upper)
            glp_set_col_bnds(pointer, Int32(change.column + 1), type, lb, ub)
        }
    }

    func basis() throws(MIPError) -> LPBasis {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        guard solved else { throw .backendFailure("no basis before the first solve") }
        return LPBasis(rows: rowCount == 0 ? [] : (1...rowCount).map { LPBasis.Status(glpk: glp_get_row_stat(pointer, Int32($0))) },
                       columns: columnCount == 0 ? [] : (1...columnCount).map { LPBasis.Status(glpk: glp_get_col_stat(pointer, Int32($0))) })
    }

    func restore(_ basis: LPBasis) throws(MIPError) {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        guard basis.rows.count <= rowCount, basis.columns.count <= columnCount, basis.isComplete else {
            throw .invalidOption("a basis of \(basis.rows.count) rows and \(basis.columns.count) columns does not fit this LP (\(rowCount) rows, \(columnCount) columns) or is incomplete")
        }
        // GLPK moves a non-basic status to the one its bounds allow (fixed, free, lower or upper).
        for row in 0..<rowCount { glp_set_row_stat(pointer, Int32(row + 1), row < basis.rows.count ? basis.rows[row].glpk : GLP_BS) }
        for column in 0..<columnCount {
            glp_set_col_stat(pointer, Int32(column + 1), column < basis.columns.count ? basis.columns[column].glpk : GLP_NL)
        }
        solved = true
    }

    /// The simplex from the last basis (new columns start non-basic at a bound, new rows with
    /// their slack basic, so the last basis stays a basis) or a restored one; the first solve builds one.
    func solve(timeLimitSeconds: Double?) throws(MIPError) -> LPSolution {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        guard columnCount > 0 else { throw .invalidModel([ModelIssue(.model, .noVariables)]) }
        if let timeLimitSeconds, !(timeLimitSeconds >= 0) { throw .invalidOption("time limit \(timeLimitSeconds) is not a number of seconds ≥ 0") }
        let started = clock.now
        // Additions leave the basis statuses valid (new rows basic, new columns at a bound) but
        // drop its factorisation, which glp_simplex rebuilds: only the first solve needs a basis.
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        if !solved {
            // The first basis is all slacks: with costs ≥ 0 it is dual feasible, so the dual
            // simplex starts at once (measured: a 12,700-row master unsolved in 7 s by the primal).
            glp_scale_prob(pointer, GLP_SF_AUTO)
            glp_std_basis(pointer)
        }
        // The dual simplex after bound changes and after new columns too (GLPK falls back to the
        // primal where it fails): measured on the Pingxiang day's master, column generation's LPs
        // took 1.5 s instead of 2.7–3.9 s and branch and price solved 41 nodes in 30 s, not 27.
        parameters.meth = GLP_DUALP
        parameters.msg_lev = GLP_MSG_OFF
        if let timeLimitSeconds { parameters.tm_lim = Int32(max(0, min(Double(Int32.max), (timeLimitSeconds * 1000).rounded(.up)))) }
        let iterationsBefore = glp_get_it_cnt(pointer)
        var rc = glp_simplex(pointer, &parameters)
        if rc == GLP_EFAIL || rc == GLP_ESING || rc == GLP_ECOND || rc == GLP_EBADB {
            // A basis gone bad: start again from the standard one.
            glp_std_basis(pointer)
            parameters.meth = GLP_DUALP
            rc = glp_simplex(pointer, &parameters)
        }
        solved = true
        let status = glp_get_status(pointer)
        let seconds = (clock.now - started).seconds
        let iterations = Int(glp_get_it_cnt(pointer) - iterationsBefore)
        guard rc == 0, status == GLP_OPT else {
            let termination: TerminationReason = rc == GLP_ETMLIM ? .timeLimit
                : status == GLP_NOFEAS ? .infeasible : status == GLP_UNBND ? .unbounded : .infeasibleOrUnbounded
            if rc != 0 && rc != GLP_ETMLIM { throw .backendFailure("glp_simplex: \(GLPKStatus.returnCodeName(rc))") }
            return LPSolution(termination: termination, objective: nil, values: [], duals: [], seconds: seconds, iterations: iterations)
        }
        let values = (1...columnCount).map { glp_get_col_prim(pointer, Int32($0)) }
        let duals = rowCount == 0 ? [] : (1...rowCount).map { glp_get_row_dual(pointer, Int32($0)) }
        return LPSolution(termination: .optimal, objective: glp_get_obj_val(pointer), values: values, duals: duals, seconds: seconds,
                          iterations: iterations)
    }

    func solveIntegral(_ integral: [Int], timeLimitSeconds: Double?) throws(MIPError) -> LPSolution {
        guard let pointer else { throw .backendFailure("the incremental LP is closed") }
        guard solved, glp_get_status(pointer) == GLP_OPT else { throw .backendFailure("branch and bound needs an optimal LP basis first") }
        let issues = SparseCheck.issues(integral.map { ($0, 1.0) }, count: columnCount, what: "integral columns")
        guard issues.isEmpty else { throw .invalidModel(issues.map { ModelIssue(.model, .badAddition($0)) }) }
        if let timeLimitSeconds, !(timeLimitSeconds >= 0) { throw .invalidOption("time limit \(timeLimitSeconds) is not a number of seconds ≥ 0") }
        let started = clock.now
        for column in integral { glp_set_col_kind(pointer, Int32(column + 1), GLP_IV) }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_OFF  // the LP basis is optimal: glp_intopt starts from it
        if let timeLimitSeconds { parameters.tm_lim = Int32(max(0, min(Double(Int32.max), (timeLimitSeconds * 1000).rounded(.up)))) }
        let rc = glp_intopt(pointer, &parameters)
        let status = glp_mip_status(pointer)
        let seconds = (clock.now - started).seconds
        guard let (termination, primal) = GLPKStatus.mip(returnCode: rc, status: status) else {
            throw .backendFailure("glp_intopt: \(GLPKStatus.returnCodeName(rc)); glp_mip_status: \(GLPKStatus.statusName(status))")
        }
        guard primal == .feasiblePoint else { return LPSolution(termination: termination, objective: nil, values: [], duals: [], seconds: seconds) }
        let values = (1...columnCount).map { glp_mip_col_val(pointer, Int32($0)) }
        return LPSolution(termination: termination, objective: glp_mip_obj_val(pointer), values: values, duals: [], seconds: seconds)
    }
}

/// GLPK's codes for basis statuses (`GLP_BS`, `GLP_NL`, …), both ways.
private extension LPBasis.Status {
    init(glpk code: Int32) {
        self = switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }

    var glpk: Int32 {
        switch self {
        case .basic: GLP_BS
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        case .atLower: GLP_NL
        }
    }
}
