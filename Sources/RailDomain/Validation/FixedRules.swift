/// Spec 4.8: a fixed train keeps its given times and tracks.
enum FixedRules {
    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        for run in runs {
            guard let fixed = run.train.fixed else { continue }
            for (k, given) in fixed.enumerated() where k < run.run.stops.count {
                let stop = run.run.stops[k], station = given.station
                func moved(_ what: String, _ expected: Minute?, _ actual: Minute?) {
                    guard expected != actual else { return }
                    let show = { (minute: Minute?) in minute.map { instance.clock($0, at: station) } ?? "none" }
                    found.append(Violation(.fixed, trains: [run.train.id], place: station.rawValue, minutes: [expected, actual].compactMap { $0 },
                                           "fixed train \(run.train.id) \(what) \(station) at \(show(actual)), not at its given \(show(expected)) \(instance.offsetLabel(at: station))"))
                }
                moved("arrives at", given.arrival, stop.arrival)
                moved("departs", given.departure, stop.departure)
                if given.track != stop.track {
                    found.append(Violation(.fixed, trains: [run.train.id], place: station.rawValue,
                                           "fixed train \(run.train.id) stands on \(stop.track?.rawValue ?? "no track") at \(station), not on its given \(given.track?.rawValue ?? "none")"))
                }
            }
        }
    }
}
