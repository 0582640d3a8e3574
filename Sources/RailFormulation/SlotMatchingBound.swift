import MIP
import RailDomain

/// A lower bound that sees trains which have to be left out for want of border slots: every
/// train that crosses a border takes, per crossing, one unit of capacity of a slot it can use at
/// all (`SingleTrainSearch.usableSlots`, fixed trains held, waits unlimited; a fixed train one
/// that admits its given departure). Which trains run is then a b-matching into the slots:
///
///     minimise  Σ_i extra_i(y_i)   with  Σ_σ x_{i,σ} = y_i per crossing,  Σ_i x_{i,σ} ≤ cap_σ,
///
/// `y_i = 1` for trains that must run, and `extra_i` what running or leaving out costs train *i*
/// beyond its own lower bound `LB_i` (running: `solo_i − LB_i`; leaving out: `penalty_i − LB_i`).
/// `Σ LB_i + minimum` bounds every timetable's cost. Solved as a small MIP.
enum SlotMatchingBound {
    /// Instances with more slot checks than this are skipped (each is one single-train search).
    static let maximumSearches = 3000

    /// nil when there is nothing to match, the searches would take too long, or the solve fails.
    static func compute(_ instance: Instance, lowerBounds: [Int], solo: [(cost: Int, wait: Int)?], solver: any MIPSolver,
                        until deadline: ContinuousClock.Instant) -> Double? {
        let crossing = instance.trains.indices.filter { index in
            let route = instance.trains[index].route
            return zip(route, route.dropFirst()).contains { instance.border(between: $0, $1) != nil }
        }
        let slotCount = instance.borders.reduce(0) { $0 + $1.slots.count }
        guard !crossing.isEmpty, crossing.count * slotCount <= maximumSearches else { return nil }
        let holding = SingleTrainPlans.fixedHolding(instance).holding

        var model = Model(name: "slot_matching")
        var perSlot: [String: [Variable]] = [:]
        var objective = LinearExpression()
        var constant = 0.0
        var names = 0
        func name(_ prefix: String) -> String {
            names += 1
            return "\(prefix)_\(names)"
        }
        for index in crossing {
            guard ContinuousClock.now < deadline else { return nil }
            let train = instance.trains[index]
            let usable = train.isFixed ? fixedSlots(train, instance: instance) : SingleTrainSearch.usableSlots(train, instance: instance, holding: holding)
            let runs = model.addBinary("run_\(index)")
            if !train.isOptional {
                model.add(LinearExpression(runs) == 1, name: "must_\(index)")
            } else {
                // Extra over LB_i: running costs solo − LB, leaving out penalty − LB.
                let penalty = Double(train.weight * instance.objective.unscheduledPenalty)
                let running = Double(solo[index]?.cost ?? Int(penalty)), floor = Double(lowerBounds[index])
                objective += (running - floor - (penalty - floor)) * runs
                constant += penalty - floor
            }
            // One slot per crossing, of those it can use.
            for (a, b) in zip(train.route, train.route.dropFirst()) {
                guard let border = instance.border(between: a, b) else { continue }
                var choice = LinearExpression()
                for slot in border.slots where usable.contains("\(border.id)/\(slot.id)") {
                    let x = model.addBinary(name("use"))
                    choice += x
                    perSlot["\(border.id)/\(slot.id)", default: []].append(x)
                }
                model.add(choice - LinearExpression(runs) == 0, name: name("cross"))
            }
        }
        for border in instance.borders {
            for slot in border.slots {
                guard let users = perSlot["\(border.id)/\(slot.id)"], users.count > slot.capacity else { continue }
                model.add(LinearExpression.sum(users.map { ($0, 1.0) }) <= .constant(Double(slot.capacity)), name: name("capacity"))
            }
        }
        model.minimize(objective)
        let seconds = max(0.1, Double(ContinuousClock.now.duration(to: deadline).components.seconds))
        guard let result = try? solver.solve(model, options: SolveOptions(timeLimitSeconds: seconds, messageLevel: .off)),
              result.termination == .optimal, let minimum = result.objective else { return nil }
        return Double(lowerBounds.reduce(0, +)) + constant + minimum
    }

    /// A fixed train's slots: those that admit its given departure into the border section.
    private static func fixedSlots(_ train: Train, instance: Instance) -> Set<String> {
        guard let stops = train.fixed else { return [] }
        var usable: Set<String> = []
        for (a, b) in zip(stops, stops.dropFirst()) {
            guard let border = instance.border(between: a.station, b.station), let departure = a.departure else { continue }
            for slot in border.slots where slot.admits(enteringFrom: a.station, at: departure) { usable.insert("\(border.id)/\(slot.id)") }
        }
        return usable
    }
}
