import MIP
import RailDomain

extension TimetableModel {
    /// The model's point for a timetable (the inverse of `decode`), to hand a known timetable to
    /// the solver as a warm start; nil if some time lies outside this model's windows. The solver
    /// backend checks the point against every row before it uses it.
    public func point(for runs: [TrainRun]) -> [Double]? {
        var values = [Double](repeating: 0, count: model.variableCount)
        func setStep(_ step: Step, at minute: Minute) -> Bool {
            guard let first = step.index(of: minute) else { return false }
            for variable in step.variables[first...] { values[variable.index] = 1 }
            return true
        }
        var holding: [Int: [(from: Minute, to: Minute, forward: Bool)]] = [:]
        for (index, train) in instance.trains.enumerated() {
            let run = runs.first { $0.train == train.id }
            guard let variables = trains[index] else {
                if run?.scheduled == true { return nil }
                continue
            }
            guard let run, run.scheduled else {
                if variables.scheduled == nil { return nil }
                continue
            }
            if let scheduled = variables.scheduled { values[scheduled.index] = 1 }
            guard run.stops.count == train.route.count, let first = run.stops[0].departure, setStep(variables.origin, at: first) else { return nil }
            for k in 1..<(train.route.count - 1) {
                let stop = run.stops[k]
                guard let arrival = stop.arrival, let departure = stop.departure else { return nil }
                let wanted: StopOption
                if let track = stop.track, departure > arrival {
                    guard let classIndex = classes[train.route[k]]?.firstIndex(where: { $0.tracks.contains { $0.id == track } }) else { return nil }
                    wanted = .track(classIndex)
                } else {
                    wanted = .pass
                }
                guard let option = variables.stops[k - 1].first(where: { $0.option == wanted }),
                      setStep(option.arrive, at: arrival), wanted == .pass || setStep(option.depart, at: departure) else { return nil }
            }
            for choice in slotChoices[index] where run.borderSlots.contains(SlotUse(border: choice.border.id, slot: choice.slot.id)) {
                values[choice.variable.index] = 1
            }
            for k in 0..<(train.route.count - 1) {
                guard let section = instance.sections.firstIndex(where: { $0.joins(train.route[k], train.route[k + 1]) }),
                      let enter = run.stops[k].departure else { continue }
                let forward = instance.sections[section].from == train.route[k]
                holding[section, default: []].append((enter, enter + variables.runs[k] + instance.sections[section].clearanceMinutes, forward))
            }
        }
        for (section, minute, variable) in directionVariables {
            if holding[section]?.contains(where: { $0.forward && $0.from <= minute && minute < $0.to }) == true {
                values[variable.index] = 1
            }
        }
        return values
    }
}
