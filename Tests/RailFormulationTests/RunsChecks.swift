import RailDomain

/// What the search tests ask of a set of runs: its cost by the spec, and what the independent
/// validator finds wrong with it as a timetable claiming that cost.
enum RunsChecks {
    static func cost(_ runs: [TrainRun], _ instance: Instance) -> Int {
        ScheduleCost.compute(Schedule(instance: instance.name, status: .feasible, trains: runs), for: instance).total
    }

    static func violations(_ runs: [TrainRun], _ instance: Instance) -> [Violation] {
        var schedule = Schedule(instance: instance.name, status: .feasible, trains: runs)
        schedule.objective = cost(runs, instance)
        return ScheduleValidator.validate(schedule, against: instance)
    }
}
