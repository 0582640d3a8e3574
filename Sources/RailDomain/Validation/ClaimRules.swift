/// Spec 4.9, 5 and 6: what the timetable claims. With status `optimal` or `feasible` every
/// non-optional train is scheduled; `lateness_minutes` is `max(0, arr(n) − due_arrival)`;
/// `objective` is the cost recomputed from the times; `optimal` needs `ceil(bound) == objective`,
/// and a bound never exceeds the objective.
enum ClaimRules {
    static func check(_ schedule: Schedule, _ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        if schedule.status.promisesEveryTrain {
            for train in instance.trains where !train.isOptional {
                if let run = schedule.run(of: train.id), !run.scheduled {
                    found.append(Violation(.unscheduled, trains: [train.id],
                                           "\(train.id) is not optional but is left out, yet the timetable says \(schedule.status.rawValue)"))
                }
            }
        }
        for run in runs {
            let actual = ScheduleCost.lateness(of: run.train, run: run.run)
            if let claimed = run.run.latenessMinutes, claimed != actual {
                found.append(Violation(.lateness, trains: [run.train.id], "\(run.train.id) claims \(claimed) min late; its times make it \(actual)"))
            }
            if run.run.latenessMinutes == nil {
                found.append(Violation(.format, trains: [run.train.id], "\(run.train.id) is scheduled but gives no lateness_minutes"))
            }
        }
        guard runs.count == instance.trains.filter({ schedule.run(of: $0.id)?.scheduled == true }).count else { return }  // malformed runs: no sum
        let cost = ScheduleCost.compute(schedule, for: instance).total
        switch (schedule.status.promisesEveryTrain, schedule.objective) {
        case (true, nil):
            found.append(Violation(.objective, "the timetable gives no objective; its times cost \(cost)"))
        case (_, let claimed?) where claimed != cost:
            found.append(Violation(.objective, "the timetable claims objective \(claimed); its times cost \(cost)"))
        default:
            break
        }
        guard let objective = schedule.objective, let bound = schedule.bound else {
            if schedule.status == .optimal {
                found.append(Violation(.status, "status optimal needs a bound equal to the objective"))
            }
            return
        }
        if bound > Double(objective) + 1e-6 {
            found.append(Violation(.status, "the bound \(bound) is above the objective \(objective): no timetable can cost less than a valid lower bound"))
        }
        if schedule.status == .optimal, Int((bound - 1e-6).rounded(.up)) != objective {
            found.append(Violation(.status, "status optimal needs the bound rounded up to equal the objective, but the bound is \(bound) and the objective \(objective)"))
        }
    }
}
