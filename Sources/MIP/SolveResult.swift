/// Why the solver stopped (MathOptInterface's TerminationStatus, kept apart from what it holds).
public enum TerminationReason: String, Sendable, Codable, Equatable {
    /// Proven optimal (within the backend's default tolerances, with no gap limit involved).
    case optimal
    case infeasible
    case unbounded
    /// The relaxation is unbounded or dual infeasible: the model is infeasible or unbounded, not known which.
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    case timeLimit = "time_limit"
    /// The relative gap limit was reached: the point is within the gap of optimal, not proven optimal.
    case gapLimit = "gap_limit"
    /// Stopped by `CancellationToken` (or task cancellation).
    case interrupted
}

/// What the solver holds when it stops.
public enum PrimalStatus: String, Sendable, Codable, Equatable {
    case feasiblePoint = "feasible_point"
    case noSolution = "no_solution"
}

/// What became of a warm start.
public enum WarmStartOutcome: Sendable, Equatable {
    case notGiven
    /// The point broke the model; it was not given to the solver.
    case rejected([PointViolation])
    /// The point was checked and handed to the solver as an incumbent.
    case accepted
    /// The point was valid but the solver never asked for it or already had a better one.
    case unused(String)
}

public struct SolveResult: Sendable {
    public var termination: TerminationReason
    public var primal: PrimalStatus
    /// The objective of `values` (constant included); nil without a point.
    public var objective: Double?
    /// The best proven bound on the optimum (lower when minimising, upper when maximising), if known.
    public var bound: Double?
    /// Relative gap `|objective - bound| / |objective|`, if both are known.
    public var relativeGap: Double?
    /// One value per variable, by index; empty without a point.
    public var values: [Double]
    /// For a linear program solved to optimality, one dual value (shadow price) per constraint, by
    /// index, in the sign convention of the objective's sense (minimising: ≤ 0 on a binding `≤`
    /// row); empty otherwise.
    public var duals: [Double] = []
    public var nodes: Int
    public var seconds: Double
    /// The backend's own words for how it stopped, e.g. `glp_intopt: 0 (ok); glp_mip_status: GLP_OPT`.
    public var backendStatus: String
    public var warmStart: WarmStartOutcome
    /// Things the backend did differently from what was asked, and why (e.g. presolve turned off).
    public var notes: [String]

    public init(
        termination: TerminationReason, primal: PrimalStatus, objective: Double?, bound: Double?,
        relativeGap: Double?, values: [Double], nodes: Int, seconds: Double, backendStatus: String,
        warmStart: WarmStartOutcome = .notGiven, notes: [String] = []
    ) {
        self.termination = termination
        self.primal = primal
        self.objective = objective
        self.bound = bound
        self.relativeGap = relativeGap
        self.values = values
        self.nodes = nodes
        self.seconds = seconds
        self.backendStatus = backendStatus
        self.warmStart = warmStart
        self.notes = notes
    }

    public var hasPoint: Bool { primal == .feasiblePoint }

    /// The value of `variable` in the returned point, nil without one.
    public subscript(variable: Variable) -> Double? {
        hasPoint && variable.index < values.count ? values[variable.index] : nil
    }

    /// GLPK's definition, shared by backends so gaps compare: `|objective - bound| / (|objective| + ε)`.
    public static func gap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }
}

/// A backend that solves `Model`s. Implementations validate the model and options first and
/// never let bad input crash the process.
public protocol MIPSolver: Sendable {
    /// Backend name and version, e.g. ("glpk", "5.0").
    var name: String { get }
    var version: String { get }
    func solve(_ model: Model, options: SolveOptions) throws(MIPError) -> SolveResult
}
