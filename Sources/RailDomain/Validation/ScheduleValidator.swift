/// Judges any timetable — railslot's own or anyone else's — against every rule of spec sections
/// 4 and 6, with no help from the optimizer (it imports no MIP code, so it cannot share a
/// mistake with the formulation). Each rule family is one function in its own file.
public enum ScheduleValidator {
    /// Every violation found, grouped by rule family in spec order. Empty means valid.
    public static func validate(_ schedule: Schedule, against instance: Instance) -> [Violation] {
        var found: [Violation] = []
        let runs = FormatRules.check(schedule, instance, into: &found)
        StartRules.check(runs, instance, into: &found)
        RunningRules.check(runs, instance, into: &found)
        DwellRules.check(runs, instance, into: &found)
        TrackRules.check(runs, instance, into: &found)
        SectionRules.check(runs, instance, into: &found)
        BorderRules.check(runs, instance, into: &found)
        FixedRules.check(runs, instance, into: &found)
        ClaimRules.check(schedule, runs, instance, into: &found)
        return found
    }
}

/// A scheduled train whose stops match its route, with a departure wherever one is due and an
/// arrival wherever one is due: the time rules only look at these (a malformed run gets format
/// violations instead of a cascade of nonsense).
struct CheckedRun {
    let train: Train
    let run: TrainRun
    /// Per route position; nil only at position 0.
    let arrival: [Minute?]
    /// Per route position; nil only at the last position.
    let departure: [Minute?]

    var lastIndex: Int { train.route.count - 1 }

    func arr(_ k: Int) -> Minute { arrival[k]! }
    func dep(_ k: Int) -> Minute { departure[k]! }
}
