import RailDomain
import RailFormats

/// `railslot compare` output: per train what changed, then objective and (with the instance)
/// KPI deltas. Times are written in each station's offset when known.
public struct ComparisonReport: Sendable {
    public var comparison: ScheduleComparison
    /// KPIs of A and B, when the instance is known.
    public var kpis: (a: ScheduleKPIs, b: ScheduleKPIs)?

    public init(a: Schedule, b: Schedule, instance: Instance?) {
        comparison = ScheduleComparison.compare(a, b)
        kpis = instance.map { (ScheduleKPIs.compute(a, for: $0), ScheduleKPIs.compute(b, for: $0)) }
    }

    public var identical: Bool { comparison.identical }

    public func text() -> String {
        var lines: [String] = []
        if let change = comparison.statusChange { lines.append("status: \(change.was.rawValue) → \(change.now.rawValue)") }
        if comparison.objectives.0 != comparison.objectives.1 {
            lines.append("objective: \(describe(comparison.objectives.0)) → \(describe(comparison.objectives.1))\(delta(comparison.objectives.0, comparison.objectives.1))")
        }
        for train in comparison.trains {
            lines.append("\(train.train): " + train.changes.map(Self.describe).joined(separator: "; "))
        }
        if let kpis, !identical { lines += kpiLines(kpis.a, kpis.b) }
        if lines.isEmpty { lines.append("identical: every train has the same times, tracks and slots") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        var members: [(key: String, value: TreeValue)] = [("identical", .bool(identical))]
        members.append(("status", .object([("a", .string(comparison.statuses.0.rawValue)), ("b", .string(comparison.statuses.1.rawValue))])))
        members.append(("objective", .object([("a", comparison.objectives.0.map(TreeValue.integer) ?? .null),
                                              ("b", comparison.objectives.1.map(TreeValue.integer) ?? .null)])))
        members.append(("trains", .array(comparison.trains.map { train in
            .object([("id", .string(train.train.rawValue)), ("changes", .array(train.changes.map(Self.tree)))])
        })))
        if let kpis {
            members.append(("kpis", .object(kpiPairs(kpis.a, kpis.b).map { name, a, b in
                (key: name, value: TreeValue.object([("a", .integer(a)), ("b", .integer(b)), ("delta", .integer(b - a))]))
            })))
        }
        return JSONWriter.text(.object(members))
    }

    /// The KPIs compared, as integers (utilisation in minutes occupied).
    private func kpiPairs(_ a: ScheduleKPIs, _ b: ScheduleKPIs) -> [(String, Int, Int)] {
        var pairs: [(String, Int, Int)] = [
            ("objective", a.objective, b.objective), ("scheduled", a.scheduled, b.scheduled),
            ("late_trains", a.lateTrains, b.lateTrains), ("lateness_minutes", a.latenessMinutes, b.latenessMinutes),
            ("weighted_lateness_cost", a.weightedLatenessCost, b.weightedLatenessCost),
        ]
        for (x, y) in zip(a.slotUse, b.slotUse) {
            pairs.append(("slot_trains \(x.border) from \(x.enteringFrom?.rawValue ?? "either")", x.trains, y.trains))
        }
        for (x, y) in zip(a.customsLanes, b.customsLanes) {
            pairs.append(("customs_minutes \(x.track)", x.occupiedMinutes, y.occupiedMinutes))
        }
        for (x, y) in zip(a.sidingPeaks, b.sidingPeaks) {
            pairs.append(("siding_peak \(x.station)", x.peak, y.peak))
        }
        return pairs
    }

    private func kpiLines(_ a: ScheduleKPIs, _ b: ScheduleKPIs) -> [String] {
        let changed = kpiPairs(a, b).filter { $0.1 != $0.2 }
        guard !changed.isEmpty else { return [] }
        return ["KPIs:"] + changed.map { name, x, y in "  \(name): \(x) → \(y) (\(y - x > 0 ? "+" : "")\(y - x))" }
    }

    private func describe(_ value: Int?) -> String { value.map(String.init) ?? "none" }

    private func delta(_ a: Int?, _ b: Int?) -> String {
        guard let a, let b else { return "" }
        return " (\(b - a > 0 ? "+" : "")\(b - a))"
    }

    static func describe(_ change: ScheduleComparison.Change) -> String {
        switch change {
        case .onlyIn(let side): "only in \(side == .a ? "A" : "B")"
        case .scheduled(let was, let now): was && !now ? "no longer scheduled" : (now && !was ? "now scheduled" : "scheduled unchanged")
        case .departure(let shift): "departs \(signed(shift)) min"
        case .dwell(let station, let was, let now): "dwell at \(station) \(was.map(String.init) ?? "-") → \(now.map(String.init) ?? "-") min"
        case .running(let station, let shift): "arrives at \(station) \(signed(shift)) min beyond the other changes"
        case .track(let station, let was, let now): "track at \(station) \(was?.rawValue ?? "none") → \(now?.rawValue ?? "none")"
        case .customs(let station, let was, let now): "customs at \(station) \(was) → \(now)"
        case .slots(let was, let now): "slot \(slotText(was)) → \(slotText(now))"
        case .lateness(let was, let now): "lateness \(was ?? 0) → \(now ?? 0) min"
        case .stations(let was, let now): "route \(was.map(\.rawValue).joined(separator: "-")) → \(now.map(\.rawValue).joined(separator: "-"))"
        }
    }

    static func tree(_ change: ScheduleComparison.Change) -> TreeValue {
        func optional(_ n: Int?) -> TreeValue { n.map(TreeValue.integer) ?? .null }
        switch change {
        case .onlyIn(let side): return .object([("kind", .string("only_in")), ("side", .string(side.rawValue))])
        case .scheduled(let was, let now): return .object([("kind", .string("scheduled")), ("a", .bool(was)), ("b", .bool(now))])
        case .departure(let shift): return .object([("kind", .string("departure")), ("shift_minutes", .integer(shift))])
        case .dwell(let station, let was, let now):
            return .object([("kind", .string("dwell")), ("station", .string(station.rawValue)), ("a", optional(was)), ("b", optional(now))])
        case .running(let station, let shift):
            return .object([("kind", .string("running")), ("station", .string(station.rawValue)), ("shift_minutes", .integer(shift))])
        case .track(let station, let was, let now):
            return .object([("kind", .string("track")), ("station", .string(station.rawValue)),
                            ("a", was.map { .string($0.rawValue) } ?? .null), ("b", now.map { .string($0.rawValue) } ?? .null)])
        case .customs(let station, let was, let now):
            return .object([("kind", .string("customs")), ("station", .string(station.rawValue)), ("a", .bool(was)), ("b", .bool(now))])
        case .slots(let was, let now): return .object([("kind", .string("slots")), ("a", .string(slotText(was))), ("b", .string(slotText(now)))])
        case .lateness(let was, let now): return .object([("kind", .string("lateness")), ("a", optional(was)), ("b", optional(now))])
        case .stations(let was, let now):
            return .object([("kind", .string("stations")), ("a", .array(was.map { .string($0.rawValue) })), ("b", .array(now.map { .string($0.rawValue) }))])
        }
    }

    private static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    private static func slotText(_ slots: [SlotUse]) -> String {
        slots.isEmpty ? "none" : slots.map { "\($0.border)/\($0.slot)" }.joined(separator: " ")
    }
}
