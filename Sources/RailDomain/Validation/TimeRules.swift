/// Spec 4.1: `dep(0) >= earliest_departure`, `dep(0) >= start`, `arr(n) <= start + horizon`.
enum StartRules {
    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        for run in runs {
            let first = run.train.route[0], last = run.train.route[run.lastIndex]
            let departure = run.dep(0), arrival = run.arr(run.lastIndex)
            if let earliest = run.train.earliestDeparture, departure < earliest {
                found.append(Violation(.start, trains: [run.train.id], place: first.rawValue, minutes: [departure, earliest],
                                       "\(run.train.id) departs \(first) at \(instance.clock(departure, at: first)), before its earliest departure \(instance.clock(earliest, at: first)) \(instance.offsetLabel(at: first))"))
            }
            if departure < 0 {
                found.append(Violation(.start, trains: [run.train.id], place: first.rawValue, minutes: [departure],
                                       "\(run.train.id) departs \(first) at \(instance.iso8601(departure, at: first)), before the plan starts"))
            }
            if arrival > instance.horizonMinutes {
                found.append(Violation(.start, trains: [run.train.id], place: last.rawValue, minutes: [arrival],
                                       "\(run.train.id) arrives at \(last) at \(instance.iso8601(arrival, at: last)), after the plan's horizon ends at \(instance.iso8601(instance.horizonMinutes, at: last))"))
            }
        }
    }
}

/// Spec 4.2: `arr(k+1) = dep(k) + running_minutes[section][class]`.
enum RunningRules {
    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        for run in runs {
            for k in 0..<run.lastIndex {
                let from = run.train.route[k], to = run.train.route[k + 1]
                guard let section = instance.section(between: from, to), let minutes = section.runningMinutes[run.train.trainClass] else { continue }
                let took = run.arr(k + 1) - run.dep(k)
                if took != minutes {
                    found.append(Violation(.running, trains: [run.train.id], place: section.label, minutes: [run.dep(k), run.arr(k + 1)],
                                           "\(run.train.id) runs \(from)–\(to) in \(took) min; a \(run.train.trainClass) train takes \(minutes) min there"))
                }
            }
        }
    }
}

/// Spec 4.3: at intermediate stations `dep(k) - arr(k) >= max(min_dwell, customs)` (and never negative).
enum DwellRules {
    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        for run in runs where run.lastIndex >= 2 {
            for k in 1..<run.lastIndex {
                let station = run.train.route[k]
                let stood = run.dep(k) - run.arr(k), required = run.train.requiredDwell(atStop: k)
                if stood < required || stood < 0 {
                    let need = required > 0 ? "must stand at least \(required) min" : "cannot leave before it arrives"
                    found.append(Violation(.dwell, trains: [run.train.id], place: station.rawValue, minutes: [run.arr(k), run.dep(k)],
                                           "\(run.train.id) stands \(stood) min at \(station) (\(instance.clock(run.arr(k), at: station))–\(instance.clock(run.dep(k), at: station)) \(instance.offsetLabel(at: station))) but \(need)"))
                }
            }
        }
    }
}
