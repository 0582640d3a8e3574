import MIP
import RailDomain

extension TimetableBuilder {
    /// Spec 5, from the steps: with a departure window `[lo, hi]`, the departure minute is
    /// `lo·σ + Σ_{t=lo}^{hi−1} (σ − departed(t))` (σ = scheduled). So, per train and weight w:
    /// - delay: `dep_0 − earliest`;
    /// - extra dwell: `dep_{n−1} − dep_0 − Σ_{k<n−1} run_k − Σ_k required_k` (all dwell on the way);
    /// - lateness: `Σ_{t >= due} (σ − arrived_n(t))`, one per minute not yet arrived after the due time;
    /// - left out: `w · penalty · (1 − σ)` for an optional train. Fixed trains cost nothing.
    mutating func setObjective() {
        let weights = instance.objective
        var objective = LinearExpression()
        for (index, train) in instance.trains.enumerated() {
            guard let variables = trains[index] else {
                if train.isOptional { objective += .constant(Double(train.weight * weights.unscheduledPenalty)) }
                continue
            }
            if let scheduled = variables.scheduled {
                let penalty = Double(train.weight * weights.unscheduledPenalty)
                objective += .constant(penalty)
                objective -= penalty * scheduled
            }
            guard !train.isFixed else { continue }
            let w = Double(train.weight)
            let n = train.route.count - 1
            let departure0 = departureMinute(variables, 0)
            let departureLast = departureMinute(variables, n - 1)
            let sigma = variables.scheduledExpression
            if let earliest = train.earliestDeparture, weights.departureDelayPerMinute > 0 {
                objective += (w * Double(weights.departureDelayPerMinute)) * (departure0 - Double(earliest) * sigma)
            }
            if weights.dwellPerMinute > 0, n > 1 {
                let fixedPart = (0..<(n - 1)).reduce(0) { $0 + variables.runs[$1] } + (1..<n).reduce(0) { $0 + train.requiredDwell(atStop: $1) }
                objective += (w * Double(weights.dwellPerMinute)) * (departureLast - departure0 - Double(fixedPart) * sigma)
            }
            if let due = train.dueArrival, weights.latenessPerMinute > 0 {
                let range = variables.departureRange(n - 1)
                let arrivalLo = range.lowerBound + variables.runs[n - 1], arrivalHi = range.upperBound + variables.runs[n - 1]
                var late = LinearExpression()
                if due < arrivalLo { late += Double(arrivalLo - due) * sigma }
                if max(due, arrivalLo) <= arrivalHi - 1 {
                    for t in max(due, arrivalLo)...(arrivalHi - 1) { late += sigma - variables.arrived(n, by: t) }
                }
                objective += (w * Double(weights.latenessPerMinute)) * late
            }
        }
        model.minimize(objective)
    }

    /// The departure minute from position k as a linear expression.
    private func departureMinute(_ train: TrainVariables, _ k: Int) -> LinearExpression {
        let range = train.departureRange(k)
        var minute = Double(range.lowerBound) * train.scheduledExpression
        if range.upperBound > range.lowerBound {
            for t in range.lowerBound..<range.upperBound { minute += train.scheduledExpression - train.departed(k, by: t) }
        }
        return minute
    }
}
