import RailDomain

/// The verdict of `railslot validate`, for people (text) and for programs (JSON).
public enum ValidationReport {
    public static func text(_ violations: [Violation], schedule: Schedule, cost: Int) -> String {
        let claimed = schedule.objective.map(String.init) ?? "none"
        if violations.isEmpty {
            return "valid: \(schedule.trains.filter(\.scheduled).count) of \(schedule.trains.count) trains scheduled, status \(schedule.status.rawValue), objective \(claimed)\n"
        }
        var lines = ["invalid: \(violations.count) violation\(violations.count == 1 ? "" : "s") (claimed objective \(claimed), times cost \(cost))"]
        for violation in violations { lines.append("  [\(violation.rule.rawValue), \(violation.rule.reference)] \(violation.message)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ violations: [Violation], schedule: Schedule, cost: Int) -> String {
        let list: [TreeValue] = violations.map { violation in
            var members: [(key: String, value: TreeValue)] = [
                ("rule", .string(violation.rule.rawValue)),
                ("trains", .array(violation.trains.map { .string($0.rawValue) })),
            ]
            if let place = violation.place { members.append(("place", .string(place))) }
            members.append(("minutes", .array(violation.minutes.map { .integer($0) })))
            members.append(("message", .string(violation.message)))
            return .object(members)
        }
        return JSONWriter.text(.object([
            ("valid", .bool(violations.isEmpty)),
            ("status", .string(schedule.status.rawValue)),
            ("claimed_objective", schedule.objective.map { .integer($0) } ?? .null),
            ("recomputed_objective", .integer(cost)),
            ("violations", .array(list)),
        ]))
    }
}
