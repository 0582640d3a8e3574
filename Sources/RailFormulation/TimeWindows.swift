import RailDomain

/// When each event of a train may happen, in plan minutes: the model has variables only inside
/// these windows.
///
/// The lower end of each window is propagated forward from the earliest departure with what the
/// train needs even when alone on the corridor: running times, required dwells, a track open for
/// its whole stand, a border slot open in its direction. The upper end is the no-wait time plus the
/// train's slack (the minutes it may wait in total, at its origin or on the way), cut by what the
/// end of the horizon and the last slots allow.
struct TrainWindows {
    let train: Train
    let earliestDeparture: [Minute]
    let latestDeparture: [Minute]
    /// Minutes the train must wait in total even when alone (included in `slack`).
    let forcedWait: Int
    let slack: Int
    /// Departure minutes inside the windows that the model may use; nil: all of them.
    var allowed: DepartureLimit? = nil

    /// The minutes train may depart position k: its window, less what `allowed` excludes.
    func departureMinutes(_ k: Int) -> [Minute] {
        let window = earliestDeparture[k]...latestDeparture[k]
        return allowed?.minutes(at: k, within: window) ?? Array(window)
    }

    func running(_ k: Int, _ instance: Instance) -> Int {
        instance.section(between: train.route[k], train.route[k + 1])!.runningMinutes[train.trainClass]!
    }

    func earliestArrival(_ k: Int, _ instance: Instance) -> Minute { earliestDeparture[k - 1] + running(k - 1, instance) }

    /// Windows for a train that may wait `extra` minutes beyond what it must; nil if it cannot run
    /// inside the horizon at all. Fixed trains get windows of one minute at their given times.
    static func make(for train: Train, extra: Int, instance: Instance) -> TrainWindows? {
        let n = train.route.count - 1
        if let fixed = train.fixed {
            let departures = (0..<n).map { fixed[$0].departure ?? 0 }
            return TrainWindows(train: train, earliestDeparture: departures, latestDeparture: departures, forcedWait: 0, slack: 0)
        }
        guard let bounds = Propagation.bounds(of: train, instance: instance) else { return nil }
        let forced = bounds.earliest[n - 1] - bounds.noWait[n - 1]
        let slack = forced + max(0, extra)
        let latest = (0..<n).map { min(bounds.noWait[$0] + slack, bounds.latest[$0]) }
        guard zip(bounds.earliest, latest).allSatisfy({ $0 <= $1 }) else { return nil }
        return TrainWindows(train: train, earliestDeparture: bounds.earliest, latestDeparture: latest, forcedWait: forced, slack: slack)
    }
}

extension TrainWindows {
    /// These windows cut to `margin` minutes either side of a known run's departures (for
    /// neighbourhood search: the run stays inside, the model stays small).
    func narrowed(around departures: [Minute], margin: Int) -> TrainWindows {
        let earliest = zip(earliestDeparture, departures).map { max($0, $1 - margin) }
        let latest = zip(latestDeparture, departures).map { min($0, $1 + margin) }
        return TrainWindows(train: train, earliestDeparture: earliest, latestDeparture: latest, forcedWait: forcedWait, slack: slack,
                            allowed: allowed)
    }

    /// `make(for:extra:instance:)`, cut to `limit` when one is given (see `limited(to:)`).
    static func make(for train: Train, extra: Int, limit: DepartureLimit?, instance: Instance) -> TrainWindows? {
        guard let base = make(for: train, extra: extra, instance: instance) else { return nil }
        return limit.map { base.limited(to: $0, instance) } ?? base
    }

    /// These windows cut to the minutes `limit` allows at each route position (minutes every
    /// better timetable keeps to, such as `PricedWindows`'); nil if nothing is left at some
    /// position (`DepartureLimit.leftOut`: the train may not run at all).
    func limited(to limit: DepartureLimit, _ instance: Instance) -> TrainWindows? {
        guard !limit.minutes.isEmpty else { return nil }
        guard limit.minutes.count == earliestDeparture.count else { return self }
        let departures = limit.hulls
        var earliest = zip(earliestDeparture, departures).map { max($0, $1.lowerBound) }
        var latest = zip(latestDeparture, departures).map { min($0, $1.upperBound) }
        // Keep the windows consistent along the route, as the model's steps assume (a pass at k
        // departs when it arrives): departing k takes at least the run and the required dwell
        // after departing k − 1.
        for k in 1..<max(1, earliest.count) {
            earliest[k] = max(earliest[k], earliest[k - 1] + minimumStep(k, instance))
        }
        for k in stride(from: latest.count - 1, through: 1, by: -1) {
            latest[k - 1] = min(latest[k - 1], latest[k] - minimumStep(k, instance))
        }
        guard zip(earliest, latest).allSatisfy({ $0 <= $1 }) else { return nil }
        let windows = TrainWindows(train: train, earliestDeparture: earliest, latestDeparture: latest, forcedWait: forcedWait, slack: slack,
                                   allowed: limit)
        return (0..<earliest.count).allSatisfy { !windows.departureMinutes($0).isEmpty } ? windows : nil
    }

    /// Fewest minutes from departing route position k − 1 to departing k.
    private func minimumStep(_ k: Int, _ instance: Instance) -> Int {
        running(k - 1, instance) + train.requiredDwell(atStop: k)
    }

    /// The extra waiting beyond which a train's windows stop growing (the horizon and the last
    /// slots cut them); nil if it cannot run at all.
    static func maximumExtra(for train: Train, instance: Instance) -> Int? {
        if train.isFixed { return 0 }
        guard let bounds = Propagation.bounds(of: train, instance: instance) else { return nil }
        let forced = bounds.earliest[bounds.earliest.count - 1] - bounds.noWait[bounds.noWait.count - 1]
        let widest = zip(bounds.latest, bounds.noWait).map { $0 - $1 }.max() ?? 0
        return max(0, widest - forced)
    }
}

/// Earliest and latest departure times of one train alone on the corridor.
enum Propagation {
    struct Bounds {
        /// Departure from position k with no waiting at all.
        var noWait: [Minute]
        var earliest: [Minute]
        var latest: [Minute]
    }

    static func bounds(of train: Train, instance: Instance) -> Bounds? {
        let route = train.route, n = route.count - 1
        let runs = (0..<n).map { instance.section(between: route[$0], route[$0 + 1])!.runningMinutes[train.trainClass]! }
        let start = max(train.earliestDeparture ?? 0, 0)
        var noWait = [start], earliest = [start]
        for k in 1..<max(n, 1) where n > 1 {
            noWait.append(noWait[k - 1] + runs[k - 1] + train.requiredDwell(atStop: k))
        }
        // Forward: departures as early as tracks' hours and slots allow.
        for k in 0..<n {
            var departure: Minute
            if k == 0 {
                departure = start
            } else {
                guard let arrival = earliestStand(train, k: k, from: earliest[k - 1] + runs[k - 1], instance: instance) else { return nil }
                departure = arrival + train.requiredDwell(atStop: k)
            }
            if let border = instance.border(between: route[k], route[k + 1]) {
                let open = border.slots.filter { ($0.fromStation == nil || $0.fromStation == route[k]) && $0.closes >= departure }
                guard let first = open.map({ max($0.opens, departure) }).min() else { return nil }
                departure = first
            }
            if k == 0 { earliest[0] = departure } else { earliest.append(departure) }
        }
        // Backward: the last departures that still reach the end of the horizon through an open slot.
        var latest = [Minute](repeating: 0, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            var departure = k == n - 1 ? instance.horizonMinutes - runs[n - 1] : latest[k + 1] - train.requiredDwell(atStop: k + 1) - runs[k]
            if let border = instance.border(between: route[k], route[k + 1]) {
                let open = border.slots.filter { ($0.fromStation == nil || $0.fromStation == route[k]) && $0.opens <= departure }
                guard let last = open.map({ min($0.closes, departure) }).max() else { return nil }
                departure = last
            }
            latest[k] = departure
        }
        guard zip(earliest, latest).allSatisfy({ $0 <= $1 }) else { return nil }
        return Bounds(noWait: noWait, earliest: earliest, latest: latest)
    }

    /// The first arrival at or after `from` at route position k for which some track the train may
    /// stand on is open for the whole required stand (a pass needs no track).
    private static func earliestStand(_ train: Train, k: Int, from: Minute, instance: Instance) -> Minute? {
        let required = train.requiredDwell(atStop: k)
        guard required > 0, let station = instance.station(train.route[k]) else { return from }
        let customs = train.hasCustoms(at: station.id)
        let classes = TrackClass.classes(of: station).filter { $0.admits(train, customs: customs) }
        var best: Minute?
        for trackClass in classes {
            guard let intervals = trackClass.hours.intervals else { return from }
            for interval in intervals where interval.upperBound - max(interval.lowerBound, from) >= required {
                let candidate = max(interval.lowerBound, from)
                best = min(best ?? candidate, candidate)
                break
            }
        }
        return best
    }
}

/// Lower bounds on each train's cost (spec section 5), whatever the others do, and the slack
/// that bounds imply.
enum CostBounds {
    /// What a train pays even alone: lateness at its earliest possible arrival, the waiting it
    /// cannot avoid (at the cheaper of delay and dwell prices), a departure before the plan starts.
    static func lowerBound(of train: Train, instance: Instance) -> Int {
        if train.isFixed { return 0 }
        let weights = instance.objective
        guard let windows = TrainWindows.make(for: train, extra: 0, instance: instance) else {
            return train.isOptional ? train.weight * weights.unscheduledPenalty : 0
        }
        var cost = 0
        if let due = train.dueArrival {
            cost += weights.latenessPerMinute * max(0, windows.earliestArrival(train.route.count - 1, instance) - due)
        }
        cost += min(weights.departureDelayPerMinute, weights.dwellPerMinute) * windows.forcedWait
        cost += weights.departureDelayPerMinute * max(0, -(train.earliestDeparture ?? 0))
        cost *= train.weight
        return train.isOptional ? min(cost, train.weight * weights.unscheduledPenalty) : cost
    }

    /// The most extra waiting (beyond the forced wait) a train can have in any timetable whose
    /// cost for this train is at most `budget` (the best timetable's cost less every other train's
    /// lower bound). Its cost is at least `w·(m·wait + L·max(0, a0 + wait − due))` plus what it
    /// pays for leaving before the plan starts, with m the cheaper of the delay and dwell prices
    /// and a0 its arrival without waiting; that grows with the wait, so the largest wait within
    /// the budget bounds every cheaper timetable. Safe for "optimal". nil when waiting is free.
    static func safeExtra(of train: Train, budget: Int, instance: Instance) -> Int? {
        let weights = instance.objective
        let m = min(weights.departureDelayPerMinute, weights.dwellPerMinute)
        guard m > 0, let bounds = Propagation.bounds(of: train, instance: instance) else { return nil }
        let n = train.route.count - 1
        let w = train.weight
        let forced = bounds.earliest[n - 1] - bounds.noWait[n - 1]
        let running = instance.section(between: train.route[n - 1], train.route[n])!.runningMinutes[train.trainClass]!
        let arrivalWithoutWait = bounds.noWait[n - 1] + running
        var left = budget - w * weights.departureDelayPerMinute * max(0, -(train.earliestDeparture ?? 0))
        guard left >= 0 else { return 0 }
        var wait: Int
        if let due = train.dueArrival, weights.latenessPerMinute > 0 {
            let onTime = max(0, due - arrivalWithoutWait)  // waiting this long costs no lateness
            let lateAlready = max(0, arrivalWithoutWait - due)
            left -= w * weights.latenessPerMinute * lateAlready
            guard left >= 0 else { return 0 }
            if left <= w * m * onTime {
                wait = left / (w * m)
            } else {
                wait = onTime + (left - w * m * onTime) / (w * (m + weights.latenessPerMinute))
            }
        } else {
            wait = left / (w * m)
        }
        return max(0, wait - forced)
    }
}
