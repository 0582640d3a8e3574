import RailDomain

/// What the planner found: a validated timetable (or none), how sure it is, and why.
public struct PlanResult: Sendable {
    /// Status, objective (recomputed from the times), bound, trains; every timetable here has
    /// passed `ScheduleValidator`.
    public var schedule: Schedule
    /// Each restricted model solved, in order.
    public var rounds: [PlanRound]
    /// For status `infeasible`: what blocks which train.
    public var explanation: [String]
    public var seconds: Double
    /// Column generation's part, when it ran.
    public var columnGeneration: ColumnGenerationSummary?
    /// Over several days: the days and nights (noon to noon) re-planned (`DayNeighbourhoods`), and
    /// how many of those plans gave a cheaper timetable.
    public var dayPlans = 0
    public var dayPlansImproving = 0
}

/// How column generation went: rounds of master LP and pricing, runs generated, whether no run
/// priced below its train's dual any more (then its bound is the path formulation's LP value).
public struct ColumnGenerationSummary: Sendable {
    public var rounds: Int
    public var columns: Int
    public var converged: Bool
    public var bound: Double
    public var seconds: Double
    /// Of `seconds`: the rounds and price-and-branch (the rest is branch and price).
    public var roundsSeconds = 0.0
    /// Branch and price after convergence: the nodes it solved, and whether it closed its tree.
    public var branchingNodes: Int?
    public var branchingExhausted = false
    /// Open nodes no split here decides (see `BranchAndPrice.unresolvedNodes`).
    public var branchingUnresolved = 0
}
