import RailDomain

/// What the branches of branch and price have decided about one train: the minutes it may depart
/// from some route positions, border slots it may not use or must use, and whether it runs at
/// all. The master keeps only the runs it admits; the pricing search sees only those (its
/// departure minutes masked, its slots filtered), so every node's bound is exact for its branch.
struct BranchingRestriction: Hashable, Sendable {
    /// Route position → the departure minutes allowed there.
    var windows: [Int: ClosedRange<Minute>] = [:]
    /// Slots (`border/slot`) it may not use.
    var forbiddenSlots: Set<String> = []
    /// Per border: the one slot it must use there.
    var requiredSlots: [BorderID: SlotID] = [:]
    /// Optional trains: true — must run; false — left out; nil — either.
    var scheduled: Bool?

    /// Whether `run` (a scheduled run of the train) keeps to the restriction.
    func admits(_ run: TrainRun) -> Bool {
        guard run.scheduled, scheduled != false else { return false }
        for (k, window) in windows {
            guard k < run.stops.count, let departure = run.stops[k].departure, window.contains(departure) else { return false }
        }
        for use in run.borderSlots where forbiddenSlots.contains("\(use.border)/\(use.slot)") { return false }
        for (border, slot) in requiredSlots where !run.borderSlots.contains(SlotUse(border: border, slot: slot)) { return false }
        return true
    }

    /// The slot filter for the pricing search: nil when no slot is decided.
    var slotFilter: ((BorderID, SlotID) -> Bool)? {
        guard !forbiddenSlots.isEmpty || !requiredSlots.isEmpty else { return nil }
        let forbidden = forbiddenSlots, required = requiredSlots
        return { border, slot in
            if let only = required[border] { return only == slot }
            return !forbidden.contains("\(border)/\(slot)")
        }
    }

    /// Whether every route position `0..<positions` has a single departure minute.
    func pins(positions: Int) -> Bool {
        (0..<positions).allSatisfy { windows[$0].map { $0.lowerBound == $0.upperBound } ?? false }
    }
}
