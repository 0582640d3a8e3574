import MIP
import RailDomain

/// Says why non-optional trains cannot all be placed: first what a single train lacks by itself
/// (a customs lane, a siding, a border slot, time), then — by planning again with every train
/// optional — which trains the best timetable has to leave out, and whether each could run alone.
enum Explainer {
    static func explain(_ instance: Instance, solver: any MIPSolver, seconds: Double) -> [String] {
        var reasons: [String] = []
        for train in instance.trains where !train.isOptional && !train.isFixed {
            reasons += lacks(train, instance)
        }
        if !reasons.isEmpty { return reasons }
        var relaxed = instance
        relaxed.trains = instance.trains.map { train in
            var copy = train
            if !train.isFixed { copy.isOptional = true }
            return copy
        }
        let planner = TimetablePlanner(solver: solver)
        guard let outcome = try? planner.plan(relaxed, options: PlanOptions(timeLimitSeconds: seconds * 0.6, maximumRounds: 3)),
              outcome.schedule.status == .optimal || outcome.schedule.status == .feasible else {
            return ["the fixed trains leave no room: even with every other train optional no timetable was found"]
        }
        let leftOut = instance.trains.filter { train in
            !train.isOptional && outcome.schedule.run(of: train.id)?.scheduled == false
        }
        for train in leftOut {
            var alone = instance
            alone.trains = instance.trains.filter { $0.isFixed || $0.id == train.id }
            let soloPlan = try? planner.plan(alone, options: PlanOptions(timeLimitSeconds: seconds * 0.4 / Double(max(1, leftOut.count)), maximumRounds: 2))
            if soloPlan?.schedule.status == .infeasible {
                reasons.append("\(train.id) cannot run even alone with the fixed trains: they hold the sections, tracks or slots it needs inside its window")
            } else {
                reasons.append("\(train.id) can run alone but not with all the others: the best timetable with every train optional leaves it out (\(shared(train, instance)))")
            }
        }
        return reasons.isEmpty ? ["no single train is to blame; the non-optional trains together exceed the capacity"] : reasons
    }

    /// What one train lacks whatever the others do.
    static func lacks(_ train: Train, _ instance: Instance) -> [String] {
        var reasons: [String] = []
        let widest = TrainWindows.maximumExtra(for: train, instance: instance)
        guard let widest, let windows = TrainWindows.make(for: train, extra: widest, instance: instance) else {
            return [staticReason(train, instance)]
        }
        for k in 1..<max(1, train.route.count - 1) {
            let station = train.route[k]
            let required = train.requiredDwell(atStop: k)
            guard required > 0 else { continue }
            let customs = train.hasCustoms(at: station)
            let fitting = TrackClass.classes(of: instance.station(station)!).filter { $0.admits(train, customs: customs) }
            if fitting.isEmpty {
                reasons.append(customs
                    ? "\(train.id) needs \(required) min of customs at \(station), but no customs lane there inspects \(train.cargo?.rawValue ?? "its cargo") and takes \(Int(train.lengthMeters)) m"
                    : "\(train.id) must stand \(required) min at \(station), but no siding there takes \(Int(train.lengthMeters)) m")
            }
        }
        for k in 0..<(train.route.count - 1) {
            guard let border = instance.border(between: train.route[k], train.route[k + 1]) else { continue }
            let range = windows.earliestDeparture[k]...windows.latestDeparture[k]
            let open = border.slots.filter { ($0.fromStation == nil || $0.fromStation == train.route[k]) && $0.opens <= range.upperBound && $0.closes >= range.lowerBound }
            if open.isEmpty {
                reasons.append("\(train.id) must cross border \(border.id) from \(train.route[k]) between \(instance.clock(range.lowerBound, at: train.route[k])) and \(instance.clock(range.upperBound, at: train.route[k])) \(instance.offsetLabel(at: train.route[k])), but no slot for that direction opens then")
            }
        }
        return reasons
    }

    /// Why a train cannot run at all inside the horizon, whatever the others do.
    private static func staticReason(_ train: Train, _ instance: Instance) -> String {
        var probe = train
        probe.customs = [:]
        probe.minDwell = [:]
        var open = instance
        open.borders = []
        guard let plain = TrainWindows.make(for: probe, extra: 0, instance: open) else {
            return "\(train.id) cannot reach \(train.route.last!) before the horizon ends"
        }
        let arrival = plain.earliestArrival(train.route.count - 1, instance)
        if arrival > instance.horizonMinutes {
            return "\(train.id) cannot reach \(train.route.last!) before the horizon ends (earliest arrival \(instance.iso8601(arrival, at: train.route.last!)))"
        }
        // Without slots the train gets through: which border stops it?
        if let withoutSlots = Propagation.bounds(of: train, instance: open) {
            for k in 0..<(train.route.count - 1) {
                guard let border = instance.border(between: train.route[k], train.route[k + 1]) else { continue }
                let from = train.route[k], earliest = withoutSlots.earliest[k]
                let open = border.slots.filter { ($0.fromStation == nil || $0.fromStation == from) && $0.closes >= earliest && $0.opens <= withoutSlots.latest[k] }
                if open.isEmpty {
                    return "\(train.id) must cross border \(border.id) from \(from) between \(instance.clock(earliest, at: from)) and \(instance.clock(withoutSlots.latest[k], at: from)) \(instance.offsetLabel(at: from)), but no slot for that direction is open then"
                }
            }
        }
        return "\(train.id) cannot reach \(train.route.last!) inside the horizon: its required stands, the tracks' opening hours and the border slots open to it leave no way through"
    }

    /// The scarce things on a train's route, for the message.
    static func shared(_ train: Train, _ instance: Instance) -> String {
        var things: [String] = []
        for k in 0..<(train.route.count - 1) {
            if let border = instance.border(between: train.route[k], train.route[k + 1]) {
                let slots = border.slots.filter { $0.fromStation == nil || $0.fromStation == train.route[k] }
                things.append("\(slots.count) slot(s) of border \(border.id) from \(train.route[k])")
            }
            if let section = instance.section(between: train.route[k], train.route[k + 1]), section.trackage == .single {
                things.append("single-track \(section.label)")
            }
        }
        for k in 1..<max(1, train.route.count - 1) where train.hasCustoms(at: train.route[k]) {
            things.append("customs lanes at \(train.route[k])")
        }
        return "it competes for " + (things.isEmpty ? "its route" : things.prefix(4).joined(separator: ", "))
    }
}
