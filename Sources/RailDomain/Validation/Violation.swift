/// The rule a timetable breaks: spec section 4 (feasibility) and section 6 (format and claims).
public enum Rule: String, Sendable, Codable, CaseIterable {
    case format
    case start
    case running
    case dwell
    case trackOccupancy = "track_occupancy"
    case trackLength = "track_length"
    case trackKind = "track_kind"
    case trackOpen = "track_open"
    case headway
    case meet
    case borderSlot = "border_slot"
    case slotCapacity = "slot_capacity"
    case fixed
    case unscheduled
    case lateness
    case objective
    case status

    /// Where the rule is written down.
    public var reference: String {
        switch self {
        case .format: "spec 6"
        case .start: "spec 4.1"
        case .running: "spec 4.2"
        case .dwell: "spec 4.3"
        case .trackOccupancy, .trackLength, .trackKind, .trackOpen: "spec 4.4"
        case .headway: "spec 4.5"
        case .meet: "spec 4.6"
        case .borderSlot, .slotCapacity: "spec 4.7"
        case .fixed: "spec 4.8"
        case .unscheduled: "spec 4.9"
        case .lateness, .objective, .status: "spec 5–6"
        }
    }
}

/// One way a timetable breaks a rule, with everything a planner needs to find it.
public struct Violation: Hashable, Sendable, CustomStringConvertible {
    public var rule: Rule
    public var trains: [TrainID]
    /// The station, section, track, border or slot concerned, if any.
    public var place: String?
    /// The plan minutes concerned.
    public var minutes: [Minute]
    /// A sentence a planner understands.
    public var message: String

    public init(_ rule: Rule, trains: [TrainID] = [], place: String? = nil, minutes: [Minute] = [], _ message: String) {
        self.rule = rule
        self.trains = trains
        self.place = place
        self.minutes = minutes
        self.message = message
    }

    public var description: String { "[\(rule.rawValue)] \(message)" }
}
