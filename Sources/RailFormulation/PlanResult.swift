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
}
