import RailDomain

/// What trains already planned hold: tracks over time, sections per direction, border slots.
struct Occupancy {
    /// Per track, stands `[arrival, departure + clearance)`.
    var tracks: [TrackID: [(from: Minute, to: Minute)]] = [:]
    /// Per section index, passages: entry station, entry, exit, running minutes.
    var sections: [Int: [(from: StationID, enter: Minute, exit: Minute)]] = [:]
    /// Trains per border slot (`border/slot`).
    var slots: [String: Int] = [:]

    init() {}

    /// Whether `run` fits beside what is held: its stands on free tracks (clearance included),
    /// its passages keeping headway and single-track rules, its slots with room.
    func admits(_ run: TrainRun, instance: Instance) -> Bool {
        let stops = run.stops
        for (k, stop) in stops.enumerated() {
            if let track = stop.track, let arrival = stop.arrival, let departure = stop.departure {
                let end = departure + (instance.station(stop.station)?.clearanceMinutes ?? 0)
                if (tracks[track] ?? []).contains(where: { $0.from < end && arrival < $0.to }) { return false }
            }
            guard k + 1 < stops.count, let enter = stop.departure, let exit = stops[k + 1].arrival,
                  let index = instance.sections.firstIndex(where: { $0.joins(stop.station, stops[k + 1].station) }) else { continue }
            if !SingleTrainSearch.sectionFree(section: index, from: stop.station, enter: enter, running: exit - enter, instance: instance, holding: self) {
                return false
            }
        }
        for use in run.borderSlots {
            let key = "\(use.border)/\(use.slot)"
            let capacity = instance.borders.first { $0.id == use.border }?.slots.first { $0.id == use.slot }?.capacity ?? 0
            if (slots[key] ?? 0) >= capacity { return false }
        }
        return true
    }

    /// Holds what `run` uses; a run without slots (a fixed train) is given the first slot with
    /// room, and the run is returned with it.
    @discardableResult
    mutating func add(_ run: TrainRun, instance: Instance) -> TrainRun {
        var run = run
        let stops = run.stops
        for (k, stop) in stops.enumerated() {
            if let track = stop.track, let arrival = stop.arrival, let departure = stop.departure {
                tracks[track, default: []].append((arrival, departure + (instance.station(stop.station)?.clearanceMinutes ?? 0)))
            }
            guard k + 1 < stops.count, let enter = stop.departure, let exit = stops[k + 1].arrival,
                  let index = instance.sections.firstIndex(where: { $0.joins(stop.station, stops[k + 1].station) }) else { continue }
            sections[index, default: []].append((stop.station, enter, exit))
            if let border = instance.border(between: stop.station, stops[k + 1].station) {
                if let use = run.borderSlots.first(where: { $0.border == border.id }) {
                    slots["\(use.border)/\(use.slot)", default: 0] += 1
                } else if let slot = border.slots
                    .filter({ ($0.fromStation == nil || $0.fromStation == stop.station) && $0.opens <= enter && enter <= $0.closes && (slots["\(border.id)/\($0.id)"] ?? 0) < $0.capacity })
                    .min(by: { $0.closes < $1.closes }) {
                    // A fixed train's slot is not given: take the first that still has room.
                    slots["\(border.id)/\(slot.id)", default: 0] += 1
                    run.borderSlots.append(SlotUse(border: border.id, slot: slot.id))
                }
            }
        }
        return run
    }
}

/// The cheapest run of one train through a corridor others already hold: a dynamic programme
/// over (route position, minute) — a shortest path in the time-expanded network — checking every
/// rule of spec section 4 against the held tracks, sections and slots. Exact for one train; used
/// for per-train lower bounds (alone with the fixed trains) and for greedy insertion.
enum SingleTrainSearch {
    /// The most a train may wait in total (at its origin and on the way) in the search: it keeps
    /// the search to a window of the horizon, which matters on week-long plans.
    static let maximumWait = 720

    /// `slotFilter`: only runs whose border slots it accepts.
    static func plan(_ train: Train, instance: Instance, holding: Occupancy, countSlots: Bool = true,
                     demand: [TrackID: Double] = [:], slotFilter: ((BorderID, SlotID) -> Bool)? = nil) -> (run: TrainRun, cost: Int)? {
        // Without prices every value is a whole number well inside Double's exact range.
        search(train, instance: instance, holding: holding, countSlots: countSlots, demand: demand, prices: nil, slotFilter: slotFilter)
            .map { ($0.run, Int($0.value)) }
    }

    /// The run of least cost plus resource prices (a Lagrangian subproblem): `value` is that sum.
    /// Slot capacities are not counted (the prices stand for them).
    /// With a `restriction` (a branch of branch and price): only the runs it admits.
    static func pricedPlan(_ train: Train, instance: Instance, holding: Occupancy, prices: ResourcePrices,
                           maximumWait: Int = maximumWait, restriction: BranchingRestriction? = nil) -> (run: TrainRun, value: Double)? {
        if restriction?.scheduled == false { return nil }
        return search(train, instance: instance, holding: holding, countSlots: false, demand: [:], prices: prices, maximumWait: maximumWait,
                      slotFilter: restriction?.slotFilter, windows: restriction?.windows ?? [:])
    }

    /// Per route position k (0..<route.count − 1), the departure minutes of every run whose priced
    /// value is at most `limit`: those where the least priced cost to depart k then (forward)
    /// plus the least priced cost to go from there (backward) is within it. Nil when no run is
    /// within `limit` (then no position has a minute).
    static func departureLimit(_ train: Train, instance: Instance, holding: Occupancy, prices: ResourcePrices,
                                 maximumWait: Int, limit: Double) -> DepartureLimit? {
        guard let frame = SearchFrame(train, instance: instance, maximumWait: maximumWait) else { return nil }
        let toGo = costsToGo(train, instance: instance, holding: holding, prices: prices, frame: frame)
        var allowed = [[Minute]](repeating: [], count: frame.n)
        _ = search(train, instance: instance, holding: holding, countSlots: false, demand: [:], prices: prices, maximumWait: maximumWait,
                   observe: { k, departCost, o in
            for (i, cost) in departCost.enumerated() where cost < .infinity && cost + toGo[k][i] <= limit + 1e-6 {
                allowed[k].append(o + i)
            }
        })
        return DepartureLimit(allowed: allowed)
    }

    /// Each slot of each border on the train's route open to its direction, with a filter that
    /// keeps runs to that slot at that border.
    static func slotChoices(of train: Train, instance: Instance) -> [(border: BorderID, slot: SlotID, only: (BorderID, SlotID) -> Bool)] {
        var choices: [(border: BorderID, slot: SlotID, only: (BorderID, SlotID) -> Bool)] = []
        for (a, b) in zip(train.route, train.route.dropFirst()) {
            guard let border = instance.border(between: a, b) else { continue }
            for slot in border.slots where slot.fromStation == nil || slot.fromStation == a {
                choices.append((border.id, slot.id, { candidate, id in candidate != border.id || id == slot.id }))
            }
        }
        return choices
    }

    /// The border slots (`border/slot`) a train can use in some run of its own, the fixed trains
    /// held and waits unlimited: every timetable gives it one of these.
    static func usableSlots(_ train: Train, instance: Instance, holding: Occupancy) -> Set<String> {
        var usable: Set<String> = []
        for choice in slotChoices(of: train, instance: instance)
        where search(train, instance: instance, holding: holding, countSlots: false, demand: [:], prices: nil,
                     maximumWait: instance.horizonMinutes, slotFilter: choice.only) != nil {
            usable.insert("\(choice.border)/\(choice.slot)")
        }
        return usable
    }

    private static func search(_ train: Train, instance: Instance, holding: Occupancy, countSlots: Bool,
                               demand: [TrackID: Double], prices: ResourcePrices?, maximumWait: Int = maximumWait,
                               slotFilter: ((BorderID, SlotID) -> Bool)? = nil, windows: [Int: ClosedRange<Minute>] = [:],
                               observe: ((_ position: Int, _ departCost: [Double], _ offset: Minute) -> Void)? = nil) -> (run: TrainRun, value: Double)? {
        guard let frame = SearchFrame(train, instance: instance, maximumWait: maximumWait) else { return nil }
        let weights = instance.objective, w = Double(train.weight)
        let route = train.route, n = frame.n
        let sectionsOnRoute = frame.sections, runs = frame.runs
        let infinity = Double.infinity
        let earliest = frame.earliest, start = frame.start, last = frame.last
        let o = start, size = frame.size
        // departCost[t − o]: least cost to depart position k at minute t.
        var departCost = [Double](repeating: infinity, count: size)
        for t in start...min(last, start + maximumWait) {
            departCost[t - o] = w * Double(weights.departureDelayPerMinute * (t - earliest))
        }
        // Choices as indices (−1: none), so that these per-minute arrays hold no references.
        var standChoice: [[(arrival: Minute, track: Int)]] = []
        var standTracks: [[TrackID]] = []
        var slotChoice: [[Int]] = []
        for k in 0..<n {
            if let window = windows[k] {
                for i in departCost.indices where !window.contains(o + i) { departCost[i] = infinity }
            }
            observe?(k, departCost, o)
            let border = instance.border(between: route[k], route[k + 1])
            var arriveCost = [Double](repeating: infinity, count: size)
            var slotsHere = [Int](repeating: -1, count: size)
            let passages = SectionPassages(holding, section: sectionsOnRoute[k], from: route[k], instance: instance)
            let candidates = border.map { SlotCandidates($0, from: route[k], countSlots: countSlots, holding: holding, prices: prices, slotFilter: slotFilter) }
            let passagePrices = prices?.passagePrices(section: sectionsOnRoute[k], from: route[k])
            let free = passages.freeEntries(running: runs[k], from: start, through: last)
            for t in start...last where departCost[t - o] < infinity && t + runs[k] <= last {
                guard free[t - o] else { continue }
                var price = passagePrices?.price(enter: t, exit: t + runs[k]) ?? 0
                if let candidates {
                    guard let slot = candidates.best(at: t) else { continue }
                    slotsHere[t + runs[k] - o] = slot.index
                    price += slot.price
                }
                arriveCost[t + runs[k] - o] = departCost[t - o] + price
            }
            slotChoice.append(slotsHere)
            if k + 1 == n {
                // The destination: lateness decides.
                var best: (cost: Double, arrival: Minute)?
                for a in start...last where arriveCost[a - o] < infinity {
                    let late = train.dueArrival.map { max(0, a - $0) } ?? 0
                    let cost = arriveCost[a - o] + w * Double(weights.latenessPerMinute * late)
                    if best == nil || cost < best!.cost { best = (cost, a) }
                }
                guard let best else { return nil }
                return (reconstruct(train, arrival: best.arrival, runs: runs, standChoice: standChoice, standTracks: standTracks,
                                    slotChoice: slotChoice, offset: o, instance: instance), best.cost)
            }
            // An intermediate stop: pass, or stand on a track that is free and open.
            let station = instance.station(route[k + 1])!
            let required = train.requiredDwell(atStop: k + 1)
            // Least-demanded tracks first, so that on ties a train leaves the tracks others depend on.
            let tracks = usableTracks(at: station, for: train)
                .sorted { (demand[$0.id] ?? 0, $0.lengthMeters) < (demand[$1.id] ?? 0, $1.lengthMeters) }
            var nextDepart = [Double](repeating: infinity, count: size)
            var choice = [(arrival: Minute, track: Int)](repeating: (0, -1), count: size)
            if required == 0 {
                for a in start...last where arriveCost[a - o] < nextDepart[a - o] {
                    nextDepart[a - o] = arriveCost[a - o]
                    choice[a - o] = (a, -1)
                }
            }
            let shortest = max(required, 1), price = w * Double(weights.dwellPerMinute)
            let clearance = station.clearanceMinutes
            for (trackIndex, track) in tracks.enumerated() {
                // Prices of standing: occupying minute m costs occupied[m + 1] - occupied[m].
                let occupied = prices?.trackPrefix(track.id)
                func held(_ m: Minute) -> Double { occupied.map { $0[min(m, $0.count - 1)] } ?? 0 }
                // A stand [a, e] needs the track free over [a, e + clearance) and open over [a, e]:
                // sweep each free and open stretch once, keeping the cheapest arrival so far.
                for (low, high) in stretches(of: track, busy: holding.tracks[track.id] ?? [], clearance: clearance, from: start, to: last) {
                    var best: (value: Double, arrival: Minute)?
                    guard low + shortest <= high else { continue }
                    for e in (low + shortest)...high {
                        let a = e - shortest
                        let value = arriveCost[a - o] - price * Double(a) - held(a)
                        if arriveCost[a - o] < infinity, best == nil || value < best!.value {
                            best = (value, a)
                        }
                        guard let best else { continue }
                        let cost = best.value + price * Double(e - required) + held(e + clearance)
                        if cost < nextDepart[e - o] {
                            nextDepart[e - o] = cost
                            choice[e - o] = (best.arrival, trackIndex)
                        }
                    }
                }
            }
            standChoice.append(choice)
            standTracks.append(tracks.map(\.id))
            departCost = nextDepart
        }
        return nil
    }

    /// Stretches `[low, high]` of minutes in which a stand from `low` to any departure up to `high`
    /// keeps the track free (with the clearance after it) and open.
    static func stretches(of track: Track, busy: [(from: Minute, to: Minute)], clearance: Int, from: Minute, to: Minute) -> [(Minute, Minute)] {
        // Free segments [s, f): between the held stands.
        var free: [(Minute, Minute)] = []
        var cursor = from
        for interval in busy.sorted(by: { $0.from < $1.from }) {
            if interval.from > cursor { free.append((cursor, interval.from)) }
            cursor = max(cursor, interval.to)
        }
        free.append((cursor, to + clearance + 1))
        var result: [(Minute, Minute)] = []
        for (s, f) in free {
            let latest = min(f - clearance, to)
            guard latest >= s else { continue }
            if let open = track.hours.intervals {
                for interval in open where interval.upperBound >= s && interval.lowerBound <= latest {
                    result.append((max(s, interval.lowerBound), min(latest, interval.upperBound)))
                }
            } else {
                result.append((s, latest))
            }
        }
        return result
    }

    /// How much the instance's trains depend on each track: every train that must stand at a
    /// station spreads one unit over the tracks it may use there.
    static func demand(_ instance: Instance) -> [TrackID: Double] {
        var demand: [TrackID: Double] = [:]
        for train in instance.trains where !train.isFixed {
            for k in 1..<max(1, train.route.count - 1) where train.requiredDwell(atStop: k) > 0 {
                guard let station = instance.station(train.route[k]) else { continue }
                let fitting = usableTracks(at: station, for: train)
                for track in fitting { demand[track.id, default: 0] += 1 / Double(fitting.count) }
            }
        }
        return demand
    }

    /// The tracks of `station` this train may stand on (kind, length, cargo; customs where it is
    /// inspected there).
    static func usableTracks(at station: Station, for train: Train) -> [Track] {
        let customs = train.hasCustoms(at: station.id)
        return station.tracks.filter { TrackClass(station: station.id, index: 0, tracks: [$0]).admits(train, customs: customs) }
    }

    /// Spec 4.5 and 4.6 against the held passages of the section.
    static func sectionFree(section index: Int, from: StationID, enter: Minute, running: Int, instance: Instance, holding: Occupancy) -> Bool {
        SectionPassages(holding, section: index, from: from, instance: instance).free(enter: enter, running: running)
    }

    private static func reconstruct(_ train: Train, arrival: Minute, runs: [Int], standChoice: [[(arrival: Minute, track: Int)]],
                                    standTracks: [[TrackID]], slotChoice: [[Int]], offset o: Minute, instance: Instance) -> TrainRun {
        let route = train.route, n = route.count - 1
        var stops = [StopTime](repeating: StopTime(station: route[0]), count: n + 1)
        var slots: [SlotUse] = []
        var a = arrival
        stops[n] = StopTime(station: route[n], arrival: a)
        for k in stride(from: n - 1, through: 0, by: -1) {
            let departure = a - runs[k]
            if slotChoice[k][a - o] >= 0, let border = instance.border(between: route[k], route[k + 1]) {
                slots.insert(SlotUse(border: border.id, slot: border.slots[slotChoice[k][a - o]].id), at: 0)
            }
            if k == 0 {
                stops[0] = StopTime(station: route[0], departure: departure)
            } else {
                let stand = standChoice[k - 1][departure - o]
                stops[k] = StopTime(station: route[k], arrival: stand.arrival, departure: departure,
                                    track: stand.track >= 0 ? standTracks[k - 1][stand.track] : nil,
                                    customs: train.hasCustoms(at: route[k]))
                a = stand.arrival
                continue
            }
        }
        var run = TrainRun(train: train.id, scheduled: true, borderSlots: slots, stops: stops)
        run.latenessMinutes = ScheduleCost.lateness(of: train, run: run)
        return run
    }
}
