import RailDomain

/// Departure windows that every timetable cheaper than the best one keeps to, from a Lagrangian
/// price point (reduced-cost fixing on the time-indexed model).
///
/// At prices λ ≥ 0 the bound is L = Σ_i v_i − C(λ), where v_i is train i's least priced value
/// (cost plus the prices of what its run uses; an optional train's penalty when that is less) and
/// C(λ) what capacity gives back. Any timetable x costs at least Σ_i p_i(x_i) − C(λ), with p_i its
/// trains' priced values (the relaxed rows hold for x), and each p_i(x_i) ≥ v_i. So a timetable
/// costing at most U − 1 has Σ_i (p_i(x_i) − v_i) ≤ U − 1 − L, and every train's run has
/// p_i(x_i) ≤ v_i + (U − 1 − L). `SingleTrainSearch.departureLimit` turns that limit into the
/// departure minutes of such runs per route position; a model built inside them holds every
/// better timetable, so its optimum (or its infeasibility) is a statement about the spec's problem.
enum PricedWindows {
    enum Outcome {
        /// Some train that must run has no run within its limit: no timetable costs less than U.
        case noBetterTimetable
        /// Per movable train, its departure minutes per route position (`.leftOut`: it must be left out).
        case windows([Int: DepartureLimit])
    }

    /// `upperBound` is U, the best timetable's cost; `point` must come from `setting`'s rows.
    static func compute(setting: RelaxationSetting, point: DualPoint, upperBound: Int, room: [Int]) -> Outcome {
        let instance = setting.instance
        let evaluation = setting.evaluate(point.multipliers, point.directions)
        let gap = Double(upperBound - 1) - evaluation.bound
        guard gap >= 0 else { return .noBetterTimetable }
        var prices = point.multipliers.prices()
        var limits: [Int: DepartureLimit] = [:]
        for index in setting.movable {
            let train = instance.trains[index]
            prices.holds = point.directions.prices(of: index)
            let cheapEnough = SingleTrainSearch.departureLimit(train, instance: instance, holding: setting.fixedHolding, prices: prices,
                                                               maximumWait: setting.maximumWaits[index], limit: evaluation.values[index] + gap)
            // The minutes must also meet the train's room to wait (its safe extra).
            if let cheapEnough, TrainWindows.make(for: train, extra: room[index], limit: cheapEnough, instance: instance) != nil {
                limits[index] = cheapEnough
            } else if train.isOptional {
                limits[index] = .leftOut
            } else {
                return .noBetterTimetable
            }
        }
        return .windows(limits)
    }
}
