import RailDomain

/// What a single-train search covers, from the train and its waiting limit alone: the sections
/// and running minutes along its route, and the minutes `[start, last]` it may use. Its arrays
/// are indexed by minute − `start`: a week-long plan does not make every search a week long.
struct SearchFrame {
    /// Route positions 0...n; sections and runs are indexed by the position departed.
    let n: Int
    let sections: [Int]
    let runs: [Int]
    /// The train's earliest departure (departure delay counts from it, even before the plan).
    let earliest: Minute
    let start: Minute
    let last: Minute

    var size: Int { last - start + 1 }

    /// Nil when the train cannot reach its destination inside the horizon even without waiting.
    init?(_ train: Train, instance: Instance, maximumWait: Int) {
        let route = train.route
        n = route.count - 1
        sections = (0..<n).map { k in instance.sections.firstIndex { $0.joins(route[k], route[k + 1]) }! }
        runs = sections.map { instance.sections[$0].runningMinutes[train.trainClass]! }
        earliest = train.earliestDeparture ?? 0
        start = max(earliest, 0)
        let travel = runs.reduce(0, +) + (1..<max(1, n)).reduce(0) { $0 + train.requiredDwell(atStop: $1) }
        guard start + travel <= instance.horizonMinutes else { return nil }
        last = min(instance.horizonMinutes, start + travel + maximumWait)
    }
}
