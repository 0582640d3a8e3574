import Logging
import MIP
import RailDomain

/// How `TimetablePlanner` searches.
public struct PlanOptions: Sendable {
    /// Wall-clock limit for the whole plan, seconds.
    public var timeLimitSeconds: Double?
    /// Stop a MIP when its relative gap is at most this.
    public var relativeGap: Double?
    /// Minutes each train may wait in the first restricted model beyond what it must wait alone
    /// (and at least what the first timetable needs); windows grow until they provably hold every
    /// better timetable.
    public var initialSlack: Int
    /// Restricted models solved at most (each a little larger).
    public var maximumRounds: Int
    public var progress: (@Sendable (PlanProgress) -> Void)?
    public var logger: Logger?
    public var cancellation: CancellationToken?
    /// A restricted model with more columns than this is not solved (measured here: 3,657 columns
    /// solved in 0.26 s, 26,811 did not finish in 30 s); the time left goes to small MIPs around
    /// the best timetable and to local search instead.
    public var maximumColumns: Int
    /// Skip the preparation (per-train lower bounds and the insertion heuristic): for the small
    /// plans that preparation itself makes, one train against fixed ones.
    public var singleTrain: Bool
    /// A timetable to start from (one run per train of the instance, in its order): kept as the
    /// first best if the validator accepts it, so the plan never ends worse than it.
    public var startingTimetable: [TrainRun]?
    /// Work on a lower bound too (Lagrangian, slot matching, column generation). Off for the
    /// inner plans of a decomposition, which only need better timetables: all their time goes to
    /// the search.
    public var seeksBound = true
    /// Whether converged column generation goes on with branch and price (off: the model inside
    /// priced windows is the only proof beyond the bounds).
    public var branchAndPrice = true

    public init(timeLimitSeconds: Double? = nil, relativeGap: Double? = nil, initialSlack: Int = 60, maximumRounds: Int = 6,
                progress: (@Sendable (PlanProgress) -> Void)? = nil, logger: Logger? = nil, cancellation: CancellationToken? = nil,
                singleTrain: Bool = false, maximumColumns: Int = 20_000) {
        self.singleTrain = singleTrain
        self.maximumColumns = maximumColumns
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.initialSlack = initialSlack
        self.maximumRounds = maximumRounds
        self.progress = progress
        self.logger = logger
        self.cancellation = cancellation
    }
}

/// What the planner reports while it works.
public struct PlanProgress: Sendable {
    public var round: Int
    public var elapsedSeconds: Double
    /// The best validated timetable's cost so far.
    public var bestCost: Int?
    /// The current MIP's incumbent and bound (of the restricted model).
    public var solver: SolveProgress?
    /// The best bound proven so far for the spec's problem (Lagrangian, column generation, slot matching).
    public var bound: Double? = nil
}

/// One restricted model solved: its size and what came of it (for logs and benchmarks).
public struct PlanRound: Sendable {
    /// The largest extra waiting (minutes beyond the forced wait) any train had in this model.
    public var extra: Int
    public var rows: Int
    public var columns: Int
    public var nonZeros: Int
    public var buildSeconds: Double
    public var solveSeconds: Double
    public var decodeSeconds: Double
    public var termination: TerminationReason
    public var objective: Double?
    public var bound: Double?
    public var warmStart: String
    /// Built inside `PricedWindows` (it holds every timetable better than the best then).
    public var pricedWindows = false
}
