import RailDomain

/// What makes an instance infeasible before any model is built: fixed trains that break a rule
/// among themselves, and trains that cannot reach their destination inside the horizon.
enum Prechecks {
    /// Rules the fixed trains must keep by themselves (slots are chosen by the optimizer).
    static let fixedRules: Set<Rule> = [.start, .running, .dwell, .trackOccupancy, .trackLength, .trackKind, .trackOpen, .headway, .meet]

    static func blockers(_ instance: Instance) -> [String]? {
        var reasons: [String] = []
        for train in instance.trains where !train.isOptional && !train.isFixed {
            if TrainWindows.make(for: train, extra: 0, instance: instance) == nil {
                reasons += Explainer.lacks(train, instance)
            }
        }
        let runs = instance.trains.map { SingleTrainPlans.fixedRun($0) ?? TrainRun(train: $0.id, scheduled: false) }
        let fixedOnly = Schedule(instance: instance.name, status: .infeasible, trains: runs)
        for violation in ScheduleValidator.validate(fixedOnly, against: instance) where fixedRules.contains(violation.rule) {
            reasons.append("fixed trains cannot keep their times: \(violation.message)")
        }
        return reasons.isEmpty ? nil : reasons
    }
}
