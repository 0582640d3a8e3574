import RailDomain

/// Why an optional train is left out of a timetable, for the planner reading it: whether a run of
/// its own fits beside the other trains' runs as they stand (then it costs more than its penalty),
/// and if none does, whether the border slots it could use are what is full, and who holds them.
enum LeftOutReasons {
    static func reason(for index: Int, in runs: [TrainRun], instance: Instance) -> String {
        let train = instance.trains[index]
        var others = Occupancy()
        for (i, run) in runs.enumerated() where i != index && run.scheduled { others.add(run, instance: instance) }
        let penalty = train.weight * instance.objective.unscheduledPenalty
        if let found = SingleTrainSearch.plan(train, instance: instance, holding: others) {
            return "left out: its cheapest run beside the other trains costs \(found.cost), against a penalty of \(penalty)"
        }
        if SingleTrainSearch.plan(train, instance: instance, holding: others, countSlots: false) != nil {
            // Only the slots are missing: those it could use beside the others, and their holders.
            let usable = SingleTrainSearch.usableSlots(train, instance: instance, holding: others).sorted()
            let holders = usable.map { key in
                let names = runs.filter { run in run.borderSlots.contains { "\($0.border)/\($0.slot)" == key } }.map(\.train.rawValue)
                return "\(key) (\(names.isEmpty ? "full" : names.joined(separator: ", ")))"
            }
            return "left out: beside the other trains it could cross only in slot(s) \(holders.joined(separator: "; ")), all taken"
        }
        var fixedOnly = Occupancy()
        for (i, run) in runs.enumerated() where i != index && run.scheduled && instance.trains[i].isFixed { fixedOnly.add(run, instance: instance) }
        if SingleTrainSearch.plan(train, instance: instance, holding: fixedOnly, countSlots: false) == nil {
            return "left out: it cannot run even beside the fixed trains alone"
        }
        // Which kind of resource is what blocks it: free each kind of the others' holdings in turn.
        let customsTracks = Set(instance.stations.flatMap(\.tracks).filter { $0.kind == .customs }.map(\.id))
        var freed: [String] = []
        var withoutLanes = others
        withoutLanes.tracks = others.tracks.filter { !customsTracks.contains($0.key) }
        if SingleTrainSearch.plan(train, instance: instance, holding: withoutLanes, countSlots: false) != nil {
            let stations = train.route.filter { train.hasCustoms(at: $0) }.map(\.rawValue)
            freed.append("the customs lanes at \(stations.joined(separator: " and "))")
        }
        var withoutSidings = others
        withoutSidings.tracks = others.tracks.filter { customsTracks.contains($0.key) }
        if SingleTrainSearch.plan(train, instance: instance, holding: withoutSidings, countSlots: false) != nil {
            freed.append("the station tracks on its route")
        }
        var withoutSingleTrack = others
        withoutSingleTrack.sections = others.sections.filter { instance.sections[$0.key].trackage != .single }
        if SingleTrainSearch.plan(train, instance: instance, holding: withoutSingleTrack, countSlots: false) != nil {
            let single = zip(train.route, train.route.dropFirst()).compactMap { instance.section(between: $0, $1) }.filter { $0.trackage == .single }
            freed.append("the single-track sections \(single.map(\.label).joined(separator: ", "))")
        }
        if freed.isEmpty {
            return "left out: no run of its own fits beside the other trains, and freeing any one kind of resource alone is not enough; \(Explainer.shared(train, instance))"
        }
        return "left out: no run of its own fits beside the other trains; it would if the others did not hold " + freed.joined(separator: ", or ")
    }
}
