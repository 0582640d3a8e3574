/// A row to add to an incremental LP: coefficients on existing columns (0-based), its bounds.
public struct SparseRow: Sendable {
    public var terms: [(column: Int, coefficient: Double)]
    public var bounds: RowBounds

    public init(terms: [(column: Int, coefficient: Double)], bounds: RowBounds) {
        self.terms = terms
        self.bounds = bounds
    }
}

/// A column to add: its objective coefficient, bounds and coefficients on existing rows (0-based).
public struct SparseColumn: Sendable {
    public var cost: Double
    public var lowerBound: Double
    public var upperBound: Double
    public var terms: [(row: Int, coefficient: Double)]

    public init(cost: Double, lowerBound: Double = 0, upperBound: Double = .infinity, terms: [(row: Int, coefficient: Double)]) {
        self.cost = cost
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.terms = terms
    }
}

/// An LP solution with its row duals (in the sign convention of `SolveResult.duals`).
public struct LPSolution: Sendable {
    public var termination: TerminationReason
    public var objective: Double?
    public var values: [Double]
    public var duals: [Double]
    public var seconds: Double
    /// Simplex iterations (pivots) this solve took: how far its starting basis was from optimal.
    public var iterations: Int

    public init(termination: TerminationReason, objective: Double?, values: [Double], duals: [Double], seconds: Double,
                iterations: Int = 0) {
        self.termination = termination
        self.objective = objective
        self.values = values
        self.duals = duals
        self.seconds = seconds
        self.iterations = iterations
    }
}

/// A simplex basis: which rows and columns are basic, and at which bound each other column
/// stands. Kept to start a later solve where an earlier one ended (branch and price starts a node
/// from its parent's basis rather than from whichever node was solved last).
public struct LPBasis: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case basic, atLower, atUpper, free, fixed
    }

    public var rows: [Status]
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// Whether as many variables are basic as there are rows, as in every basis.
    public var isComplete: Bool {
        rows.count(where: { $0 == .basic }) + columns.count(where: { $0 == .basic }) == rows.count
    }
}

/// A minimising linear program the backend keeps between solves, for column and row generation:
/// rows and columns are added, and each solve starts from the previous solve's basis (where the
/// cost of solving from scratch every round would dominate). Valid only inside
/// `IncrementalLPSolver.withIncrementalLP`; every addition is checked before the backend sees it.
public protocol IncrementalLP: AnyObject {
    var rowCount: Int { get }
    var columnCount: Int { get }
    /// Adds rows over existing columns; returns their indices.
    @discardableResult func addRows(_ rows: [SparseRow]) throws(MIPError) -> Range<Int>
    /// Adds columns over existing rows; returns their indices.
    @discardableResult func addColumns(_ columns: [SparseColumn]) throws(MIPError) -> Range<Int>
    /// Changes the bounds of existing columns (branching); the next solve starts from the last
    /// basis, which stays dual feasible.
    func setColumnBounds(_ bounds: [(column: Int, lower: Double, upper: Double)]) throws(MIPError)
    func solve(timeLimitSeconds: Double?) throws(MIPError) -> LPSolution
    /// The basis the last solve ended with.
    func basis() throws(MIPError) -> LPBasis
    /// Starts the next solve from `basis`, taken from this LP when it had at most its present rows
    /// and columns: rows added since are basic, columns added since non-basic at a bound. A basis
    /// from elsewhere (more rows or columns, or not as many basic variables as rows) is an error.
    func restore(_ basis: LPBasis) throws(MIPError)
    /// After an optimal `solve`: branch and bound from its basis with `integral` columns taking
    /// whole values (the LP stays as it is otherwise). The result's `duals` are empty and its
    /// termination says whether the integer optimum was proven; `values` is the best point found.
    func solveIntegral(_ integral: [Int], timeLimitSeconds: Double?) throws(MIPError) -> LPSolution
}

/// A backend that can keep an LP between solves.
public protocol IncrementalLPSolver: Sendable {
    /// Runs `body` with an empty minimising LP that lives until `body` returns.
    func withIncrementalLP<T>(_ body: (any IncrementalLP) -> T) -> T
}

/// Checks shared by backends: what a row or column may hold.
public enum SparseCheck {
    /// Problems with `terms` over `count` existing indices (out of range, repeated, not finite).
    public static func issues(_ terms: [(index: Int, coefficient: Double)], count: Int, what: String) -> [String] {
        var issues: [String] = []
        var seen: Set<Int> = []
        for term in terms {
            if term.index < 0 || term.index >= count { issues.append("\(what): index \(term.index) outside 0..<\(count)") }
            if !seen.insert(term.index).inserted { issues.append("\(what): index \(term.index) given twice") }
            if !term.coefficient.isFinite { issues.append("\(what): coefficient \(term.coefficient) at \(term.index) is not finite") }
        }
        return issues
    }

    public static func boundIssues(lower: Double, upper: Double, what: String) -> [String] {
        if lower.isNaN || upper.isNaN { return ["\(what): a bound is not a number"] }
        if lower == .infinity || upper == -.infinity { return ["\(what): bounds [\(lower), \(upper)] admit no value"] }
        return lower > upper ? ["\(what): lower bound \(lower) above upper bound \(upper)"] : []
    }
}
