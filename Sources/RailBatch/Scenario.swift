import RailDomain
import RailFormats

/// What-if changes to a base day, written `KIND=VALUE` (several joined by `;` in one variant):
///
/// - `remove-slot=BORDER/SLOT` — one border slot fewer;
/// - `add-slot=BORDER/SLOT@FROM,HH:MM-HH:MM[xCAPACITY]` — a new slot entered from station FROM
///   (`any` for either way), on the plan's first day in the plan's start offset;
/// - `close-lane=TRACK@HH:MM-HH:MM` — a track or customs lane closed daily between those local times;
/// - `scale-trains=FACTOR` — more or fewer trains: copies of the movable trains (optional, an
///   hour later per round of copies) or the last ones removed (optional trains first);
/// - `shift-demand=MINUTES` — every movable train's earliest departure and due time moved;
/// - `shift-days=N` — the whole plan N days later (a week of days from one).
public struct ScenarioVariant: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case removeSlot(BorderID, SlotID)
        case addSlot(BorderID, SlotID, from: StationID?, opens: Int, closes: Int, capacity: Int)
        case closeLane(TrackID, from: Int, to: Int)
        case scaleTrains(Double)
        case shiftDemand(Int)
        case shiftDays(Int)
    }

    public var text: String
    public var changes: [Change]

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "--vary \(text): \(reason)" }
    }

    public init(parsing text: String) throws(ParseError) {
        self.text = text
        changes = []
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw ParseError(text: text, reason: "expected KIND=VALUE in \"\(part)\"") }
            changes.append(try Self.change(pieces[0], pieces[1], text: text))
        }
        if changes.isEmpty { throw ParseError(text: text, reason: "no change given") }
    }

    /// A file-name-safe name: the text with other characters as `-`.
    public var slug: String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "-" })
    }

    private static func change(_ kind: String, _ value: String, text: String) throws(ParseError) -> Change {
        func fail(_ reason: String) -> ParseError { ParseError(text: text, reason: reason) }
        switch kind {
        case "remove-slot":
            let ids = value.split(separator: "/").map(String.init)
            guard ids.count == 2 else { throw fail("expected BORDER/SLOT") }
            return .removeSlot(BorderID(rawValue: ids[0]), SlotID(rawValue: ids[1]))
        case "add-slot":
            let halves = value.split(separator: "@").map(String.init)
            let ids = halves.first?.split(separator: "/").map(String.init) ?? []
            let rest = halves.count == 2 ? halves[1].split(separator: ",").map(String.init) : []
            guard ids.count == 2, rest.count == 2 else { throw fail("expected BORDER/SLOT@FROM,HH:MM-HH:MM[xCAPACITY]") }
            let window = rest[1].split(separator: "x").map(String.init)
            guard let (opens, closes) = clockRange(window[0]) else { throw fail("expected HH:MM-HH:MM in \"\(rest[1])\"") }
            let capacity = window.count == 2 ? Int(window[1]) : 1
            guard let capacity, capacity >= 1 else { throw fail("capacity must be a whole number >= 1") }
            return .addSlot(BorderID(rawValue: ids[0]), SlotID(rawValue: ids[1]), from: rest[0] == "any" ? nil : StationID(rawValue: rest[0]),
                            opens: opens, closes: closes, capacity: capacity)
        case "close-lane":
            let halves = value.split(separator: "@").map(String.init)
            guard halves.count == 2, let (from, to) = clockRange(halves[1]), from < to else { throw fail("expected TRACK@HH:MM-HH:MM (start before end)") }
            return .closeLane(TrackID(rawValue: halves[0]), from: from, to: to)
        case "scale-trains":
            guard let factor = Double(value), factor > 0, factor <= 10 else { throw fail("expected a factor between 0 and 10") }
            return .scaleTrains(factor)
        case "shift-demand":
            guard let minutes = Int(value), abs(minutes) <= 1440 else { throw fail("expected whole minutes within a day") }
            return .shiftDemand(minutes)
        case "shift-days":
            guard let days = Int(value), abs(days) <= 366 else { throw fail("expected whole days") }
            return .shiftDays(days)
        default:
            throw fail("unknown change \"\(kind)\" (remove-slot, add-slot, close-lane, scale-trains, shift-demand, shift-days)")
        }
    }

    /// `HH:MM-HH:MM` as minutes of the day (the end may be 24:00).
    private static func clockRange(_ text: String) -> (Int, Int)? {
        guard case .success(let window) = DailyWindow.parse(text), !window.wrapsMidnight else { return nil }
        return (window.start, window.end)
    }
}

/// Applies variants to a base instance; the result is written with `InstanceWriter` and read
/// back with `InstanceLoader`, so every variant is a valid instance or a clear error.
public enum Scenarios {
    public struct VariantError: Error, Sendable, CustomStringConvertible {
        public var variant: String
        public var reason: String
        public var description: String { "variant \(variant): \(reason)" }
    }

    /// The variant's instance, as the text of an instance file.
    public static func apply(_ variant: ScenarioVariant, to base: Instance) throws(VariantError) -> String {
        var instance = base
        for change in variant.changes {
            try apply(change, to: &instance, variant: variant.text)
        }
        instance.name = String((base.name + "--" + variant.slug).prefix(200))
        let text = InstanceWriter.text(instance)
        do {
            _ = try InstanceLoader.load(bytes: Array(text.utf8), format: .json)
        } catch {
            throw VariantError(variant: variant.text, reason: "gives an invalid instance:\n\(error.description)")
        }
        return text
    }

    private static func apply(_ change: ScenarioVariant.Change, to instance: inout Instance, variant: String) throws(VariantError) {
        func fail(_ reason: String) -> VariantError { VariantError(variant: variant, reason: reason) }
        switch change {
        case .removeSlot(let border, let slot):
            guard let b = instance.borders.firstIndex(where: { $0.id == border }),
                  let s = instance.borders[b].slots.firstIndex(where: { $0.id == slot }) else { throw fail("no slot \(border)/\(slot)") }
            instance.borders[b].slots.remove(at: s)
        case .addSlot(let border, let slot, let from, let opens, let closes, let capacity):
            guard let b = instance.borders.firstIndex(where: { $0.id == border }) else { throw fail("no border \(border)") }
            guard !instance.borders[b].slots.contains(where: { $0.id == slot }) else { throw fail("border \(border) already has a slot \(slot)") }
            // Clock times of the plan's first day, in the plan's start offset.
            let midnight = instance.start.localDay(in: instance.startOffset) * 1440 - instance.startOffset.minutes
            let origin = midnight - instance.start.minutesSinceEpoch
            instance.borders[b].slots.append(BorderSlot(id: slot, fromStation: from, opens: origin + opens, closes: origin + closes, capacity: capacity))
        case .closeLane(let track, let from, let to):
            guard let s = instance.stations.firstIndex(where: { $0.tracks.contains { $0.id == track } }),
                  let t = instance.stations[s].tracks.firstIndex(where: { $0.id == track }) else { throw fail("no track \(track)") }
            var lane = instance.stations[s].tracks[t]
            let windows = lane.openWindows.isEmpty ? [DailyWindow(start: 0, end: 1440)] : lane.openWindows
            lane.openWindows = windows.flatMap { closing(from: from, to: to, in: $0) }
            guard !lane.openWindows.isEmpty else { throw fail("\(track) would never be open") }
            lane.hours = OpeningHours(windows: lane.openWindows, offset: instance.stations[s].utcOffset, planStart: instance.start,
                                      horizon: instance.horizonMinutes)
            instance.stations[s].tracks[t] = lane
        case .scaleTrains(let factor):
            scale(&instance, by: factor)
        case .shiftDemand(let minutes):
            for index in instance.trains.indices where !instance.trains[index].isFixed {
                instance.trains[index].earliestDeparture = instance.trains[index].earliestDeparture.map { $0 + minutes }
                instance.trains[index].dueArrival = instance.trains[index].dueArrival.map { $0 + minutes }
            }
        case .shiftDays(let days):
            // Plan minutes count from the start, and opening hours repeat daily: moving the start moves everything.
            instance.start = instance.start + days * 1440
        }
    }

    /// A daily window with `[from, to]` taken out (the lane stays open at both ends).
    static func closing(from: Int, to: Int, in window: DailyWindow) -> [DailyWindow] {
        let spans = window.wrapsMidnight ? [(window.start, 1440), (0, window.end)] : [(window.start, window.end)]
        var kept: [DailyWindow] = []
        for (start, end) in spans {
            if from > start { kept.append(DailyWindow(start: start, end: min(end, from))) }
            if to < end { kept.append(DailyWindow(start: max(start, to), end: end)) }
        }
        return kept.filter { $0.start < $0.end }
    }

    private static func scale(_ instance: inout Instance, by factor: Double) {
        let movable = instance.trains.indices.filter { !instance.trains[$0].isFixed }
        let target = Int((Double(movable.count) * factor).rounded())
        if target < movable.count {
            // Leave out optional trains first, then the latest.
            let order = movable.sorted {
                let a = instance.trains[$0], b = instance.trains[$1]
                return (a.isOptional ? 0 : 1, -(a.earliestDeparture ?? 0), -$0) < (b.isOptional ? 0 : 1, -(b.earliestDeparture ?? 0), -$1)
            }
            let removed = Set(order.prefix(movable.count - target).map { instance.trains[$0].id })
            instance.trains.removeAll { removed.contains($0.id) }
            return
        }
        var copies: [Train] = []
        for k in 0..<(target - movable.count) {
            let round = k / max(1, movable.count) + 1
            var copy = instance.trains[movable[k % movable.count]]
            copy.id = TrainID(rawValue: "\(copy.id.rawValue)-x\(round)")
            copy.earliestDeparture = copy.earliestDeparture.map { $0 + 60 * round }
            copy.dueArrival = copy.dueArrival.map { $0 + 60 * round }
            copy.isOptional = true
            copies.append(copy)
        }
        instance.trains += copies
    }
}
