import RailDomain

/// A row family of the path formulation: one capacity line over time (or one slot).
enum ResourceLine: Hashable {
    /// A track: at most one standing train per minute (clearance included).
    case track(TrackID)
    /// A section's entry rows of one group (both directions share one group on single track).
    case entry(section: Int, group: Int)
    /// A section's exit rows in one direction.
    case exit(section: Int, direction: Int)
    /// A border slot (`border/slot`): at most its capacity.
    case slot(String)
    /// A single-track section held over `[enter, exit + clearance)`: one direction at a time.
    case hold(section: Int)
}

/// What a run uses of one line: the rows `[from, to)` (minutes), and its way on single track.
struct ResourceUse: Hashable {
    var line: ResourceLine
    var from: Minute
    var to: Minute
    var forward: Bool = true
}

/// One train's whole run, offered to the master problem as a column: its cost and the capacity
/// rows it uses — the rows `CapacityRows` describes and the Lagrangian relaxation prices.
struct PathColumn {
    var train: Int
    var run: TrainRun
    var cost: Int
    var uses: [ResourceUse]

    init(train: Int, run: TrainRun, instance: Instance, layout: CapacityRows) {
        self.train = train
        self.run = run
        cost = ScheduleCost.cost(of: instance.trains[train], run: run, weights: instance.objective)
        uses = Self.uses(of: run, instance: instance, layout: layout)
    }

    static func uses(of run: TrainRun, instance: Instance, layout: CapacityRows) -> [ResourceUse] {
        var uses: [ResourceUse] = []
        let minutes = layout.minutes
        func clipped(_ line: ResourceLine, _ from: Minute, _ to: Minute, forward: Bool = true) {
            let low = max(0, from), high = min(minutes, to)
            if high > low { uses.append(ResourceUse(line: line, from: low, to: high, forward: forward)) }
        }
        for (k, stop) in run.stops.enumerated() {
            if let track = stop.track, let arrival = stop.arrival, let departure = stop.departure, departure > arrival {
                clipped(.track(track), arrival, departure + (instance.station(stop.station)?.clearanceMinutes ?? 0))
            }
            guard k + 1 < run.stops.count, let enter = stop.departure, let exit = run.stops[k + 1].arrival,
                  let index = instance.sections.firstIndex(where: { $0.joins(stop.station, run.stops[k + 1].station) }) else { continue }
            let rows = layout.sections[index]
            let direction = rows.direction(from: stop.station)
            // Entering at `enter` lies in the entry rows `enter - w + 1 ... enter`; exits likewise.
            if rows.entryWindow > 0 {
                clipped(.entry(section: index, group: rows.sharedEntries ? 0 : direction), enter - rows.entryWindow + 1, enter + 1)
            }
            if rows.exitWindow > 0 { clipped(.exit(section: index, direction: direction), exit - rows.exitWindow + 1, exit + 1) }
            if rows.single { clipped(.hold(section: index), enter, exit + rows.clearance, forward: direction == 0) }
        }
        for use in run.borderSlots { uses.append(ResourceUse(line: .slot("\(use.border)/\(use.slot)"), from: 0, to: 1)) }
        return uses
    }
}
