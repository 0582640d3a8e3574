import MIP
import RailDomain

/// Where a train may stand (or not) at an intermediate stop.
enum StopOption: Equatable {
    /// Through on the main line: arrival = departure, no track.
    case pass
    /// On a track of this class (index into the station's classes).
    case track(Int)
}

/// One option at one stop: when the train arrives into it and when it leaves it.
struct OptionSteps {
    let option: StopOption
    let arrive: Step
    /// The same step as `arrive` for `.pass`.
    let depart: Step
    /// Least minutes between arrival and departure.
    let dwell: Int
}

/// The variables of one train: its departure from the origin, and at each intermediate stop the
/// options it may take. Everything else (arrivals, section entries) is derived from these.
struct TrainVariables {
    let index: Int
    let train: Train
    let windows: TrainWindows
    /// 1 for a train that must run; a binary for an optional one.
    let scheduled: Variable?
    let origin: Step
    /// Index k-1 for intermediate route position k.
    let stops: [[OptionSteps]]
    let runs: [Int]

    var name: String { ModelNames.train(index, train.id.rawValue) }
    var lastIndex: Int { train.route.count - 1 }

    var scheduledExpression: LinearExpression { scheduled.map { LinearExpression($0) } ?? 1 }

    /// "Has left route position k by minute t" (k < n).
    func departed(_ k: Int, by t: Minute) -> LinearExpression {
        if k == 0 { return origin.at(t) }
        var sum = LinearExpression()
        for option in stops[k - 1] { sum += option.depart.at(t) }
        return sum
    }

    /// "Has reached route position k by minute t" (k > 0).
    func arrived(_ k: Int, by t: Minute) -> LinearExpression { departed(k - 1, by: t - runs[k - 1]) }

    /// The first and last minute the train may depart from position k.
    func departureRange(_ k: Int) -> ClosedRange<Minute> { windows.earliestDeparture[k]...windows.latestDeparture[k] }
}
