import MIP
import RailDomain

extension TimetableBuilder {
    /// Variables of every train, and the rows that tie a train's events together.
    ///
    /// Running (spec 4.2) is built in: arriving at position k by minute t is having left k-1 by
    /// t − run. At an intermediate stop k with options o (pass, or a track class):
    /// - split: `Σ_o arrive_o(t) = departed_{k-1}(t − run)` for every t of the arrival window;
    /// - dwell (spec 4.3) on a track: `depart_o(t) <= arrive_o(t − dwell_o)` with
    ///   `dwell_o = max(required, 1)` (standing means departing later than arriving), and
    ///   `depart_o(end) = arrive_o(end)` (who arrives, leaves); a pass has `depart = arrive` and
    ///   exists only where no dwell is required;
    /// - start (spec 4.1) and optional trains (spec 4.9): the origin's step ends at 1, or at the
    ///   train's `scheduled` binary when it is optional.
    mutating func buildTrains() {
        for (index, train) in instance.trains.enumerated() {
            guard var windows = TrainWindows.make(for: train, extra: extra[index], limit: limits[index], instance: instance) else {
                trains.append(nil)
                continue
            }
            if let departures = around[index] { windows = windows.narrowed(around: departures, margin: margin) }
            trains.append(buildTrain(index: index, train: train, windows: windows))
        }
    }

    private mutating func buildTrain(index: Int, train: Train, windows: TrainWindows) -> TrainVariables {
        let name = ModelNames.train(index, train.id.rawValue)
        let n = train.route.count - 1
        let runs = (0..<n).map { windows.running($0, instance) }
        let scheduled: Variable? = train.isOptional ? model.addBinary("run_\(name)") : nil
        let origin = Step.add(to: &model, minutes: windows.departureMinutes(0), name: "dep_\(name)_0")
        if let scheduled {
            row("start", LinearExpression(origin.final) - LinearExpression(scheduled) == 0)
        } else {
            model.setBounds(of: origin.final, lower: 1, upper: 1)
        }
        var stops: [[OptionSteps]] = []
        var departures = origin.minutes
        for k in 1..<max(n, 1) where n > 1 {
            let options = stopOptions(train: train, k: k)
            // Arrivals follow the departures from k − 1 by the run; departures keep to k's minutes.
            let arrivals = departures.map { $0 + runs[k - 1] }
            let leaving = windows.departureMinutes(k)
            let leavingSet = Set(leaving)
            let required = train.requiredDwell(atStop: k)
            var steps: [OptionSteps] = []
            for option in options {
                let label = "\(name)_\(k)_\(option.label)"
                switch option {
                case .pass:
                    let minutes = arrivals.filter { leavingSet.contains($0) }
                    guard !minutes.isEmpty else { continue }
                    let arrive = Step.add(to: &model, minutes: minutes, name: "arr_\(label)")
                    steps.append(OptionSteps(option: option, arrive: arrive, depart: arrive, dwell: 0))
                case .track:
                    let dwell = max(required, 1)
                    guard let firstArrival = arrivals.first else { continue }
                    let minutes = leaving.filter { $0 >= firstArrival + dwell }
                    guard !minutes.isEmpty else { continue }  // no time to stand here inside the window
                    let arrive = Step.add(to: &model, minutes: arrivals, name: "arr_\(label)")
                    let depart = Step.add(to: &model, minutes: minutes, name: "dep_\(label)")
                    // Departing by t means having arrived by t − dwell; between its minutes the
                    // departure step does not change, so its minutes are the only rows needed.
                    for t in minutes {
                        row("dwell", depart.at(t) - arrive.at(t - dwell) <= 0)
                    }
                    row("dwell", LinearExpression(depart.final) - LinearExpression(arrive.final) == 0)
                    steps.append(OptionSteps(option: option, arrive: arrive, depart: depart, dwell: dwell))
                }
            }
            stops.append(steps)
            let previous = TrainVariables(index: index, train: train, windows: windows, scheduled: scheduled, origin: origin,
                                          stops: Array(stops.dropLast()), runs: runs)
            // Both sides change only at the arrival minutes.
            for t in arrivals {
                var split = LinearExpression()
                for option in steps { split += option.arrive.at(t) }
                row("running", split - previous.departed(k - 1, by: t - runs[k - 1]) == 0)
            }
            departures = Array(Set(steps.flatMap { $0.depart.minutes })).sorted()
        }
        return TrainVariables(index: index, train: train, windows: windows, scheduled: scheduled, origin: origin, stops: stops, runs: runs)
    }

    /// Pass (where no dwell is required) and every track class the train may stand on; a fixed
    /// train has exactly its given choice.
    private func stopOptions(train: Train, k: Int) -> [StopOption] {
        let station = train.route[k]
        let stationClasses = classes[station] ?? []
        if let fixed = train.fixed?[k] {
            guard let track = fixed.track, let arrival = fixed.arrival, let departure = fixed.departure, departure > arrival else { return [.pass] }
            let index = stationClasses.firstIndex { $0.tracks.contains { $0.id == track } }
            return index.map { [.track($0)] } ?? [.pass]
        }
        let customs = train.hasCustoms(at: station)
        var options: [StopOption] = train.requiredDwell(atStop: k) == 0 ? [.pass] : []
        for trackClass in stationClasses where trackClass.admits(train, customs: customs) {
            options.append(.track(trackClass.index))
        }
        return options
    }
}

extension StopOption {
    var label: String {
        switch self {
        case .pass: "pass"
        case .track(let index): "c\(index)"
        }
    }
}
