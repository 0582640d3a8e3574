import MIP
import RailDomain

/// Plans over several days: re-plan one day's trains at a time with the whole planner, every
/// other train held at its times (decomposition in time). A week is too large for any model and
/// for the small neighbourhoods to reach far; a day is the size the planner handles best, and
/// starting from the day's present runs it can only improve them.
/// Measured on the 318-train bench week: from the week's best timetable (411762), re-planning
/// day 0 in 15 s gave 32019 for its trains instead of 40964.
enum DayNeighbourhoods {
    static let dayMinutes = 1440
    /// Below this a day's plan does not get past its own preparation.
    static let shortestPlan = 4.0
    /// A day's plan this long or longer also works on its bound (column generation), whose
    /// roundings and tree find its best timetables. Bench week, 120 s (about 17 s a day): with it
    /// 178735–179959 in four runs, without (the threshold at 25 s) 202008–207122 in three; at 60 s
    /// (8.5 s a day) 185249 with it, 198921 without.
    static let boundWorthSeconds = 8.0
    /// Seconds a day's plan takes to find more than local search on the whole plan in that time
    /// (`PlanRun.preparationSearchSeconds`, measured on the bench week at 20, 60 and 120 s).
    static let worthwhilePlan = 12.0

    /// The movable trains grouped by the day (from the plan's start) of their earliest
    /// departure; empty when fewer than two days have trains.
    static func days(_ instance: Instance) -> [[Int]] {
        var byDay: [Int: [Int]] = [:]
        for (index, train) in instance.trains.enumerated() where !train.isFixed {
            byDay[max(0, train.earliestDeparture ?? 0) / dayMinutes, default: []].append(index)
        }
        guard byDay.count >= 2 else { return [] }
        return byDay.keys.sorted().map { byDay[$0]! }
    }

    /// The movable trains grouped by a window from noon to noon around each midnight between two
    /// days with trains: the trains either side of midnight, which a day's plan holds at the times
    /// the other day gave them, move together. Bench week, 120 s: with the days alone
    /// 172392–182049 in five runs, with these windows after the first pass 169305–171262 in three
    /// (and 168907–172120 in six with windows from noon to noon cut differently at the ends).
    /// Its trains span two days, so the window's own plan re-plans each half against the other in
    /// turn: planned as one day instead (multi-start search, ruin and recreate), 174217–178265 in
    /// three runs. Empty when fewer than two days have trains.
    static func overnights(_ instance: Instance) -> [[Int]] {
        let days = days(instance)
        guard days.count >= 2 else { return [] }
        let dayOf = { (train: Train) in max(0, train.earliestDeparture ?? 0) / dayMinutes }
        let firstDay = dayOf(instance.trains[days[0][0]]), lastDay = dayOf(instance.trains[days[days.count - 1][0]])
        var byNight: [Int: [Int]] = [:]
        for (index, train) in instance.trains.enumerated() where !train.isFixed {
            // Night n runs from noon of day n − 1 to noon of day n.
            let night = (max(0, train.earliestDeparture ?? 0) + dayMinutes / 2) / dayMinutes
            guard night > firstDay, night <= lastDay else { continue }
            byNight[night, default: []].append(index)
        }
        return byNight.keys.sorted().map { byNight[$0]! }
    }

    /// Re-plans `day`'s trains (a day's or a night's) against the others as they run in
    /// `current`; the whole timetable with their new runs, or nil when the plan found nothing (it
    /// starts from the present runs, so it never returns worse ones).
    static func replan(_ day: [Int], current: [TrainRun], instance: Instance, solver: any MIPSolver, seconds: Double,
                       stop: CancellationToken?) -> [TrainRun]? {
        let freed = Set(day)
        var sub = instance
        sub.trains = []
        var start: [TrainRun] = []
        for (index, train) in instance.trains.enumerated() {
            if freed.contains(index) || train.isFixed {
                sub.trains.append(train)
            } else if current[index].scheduled {
                sub.trains.append(SingleTrainPlans.fixing(train, at: current[index]))
            } else {
                // A train left out takes no capacity: it stays out of this day's plan.
                continue
            }
            start.append(current[index])
        }
        var options = PlanOptions(timeLimitSeconds: seconds, cancellation: stop)
        options.startingTimetable = start
        // Column generation's roundings find much in a day's plan, given time to converge
        // (`boundWorthSeconds`).
        options.seeksBound = seconds >= boundWorthSeconds
        guard let planned = try? TimetablePlanner(solver: solver).plan(sub, options: options),
              planned.schedule.status == .optimal || planned.schedule.status == .feasible else { return nil }
        // Held trains keep their times, but their border slots may have been chosen again to make
        // room: every train of the day's plan takes its run from it.
        let newRuns = Dictionary(uniqueKeysWithValues: planned.schedule.trains.map { ($0.train, $0) })
        return instance.trains.enumerated().map { index, train in newRuns[train.id] ?? current[index] }
    }
}
