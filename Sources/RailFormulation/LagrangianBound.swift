import RailDomain

/// Prices on the capacity rows a Lagrangian relaxation moves into the objective: per track and
/// minute, per section entry and exit window, per border slot. `SingleTrainSearch.pricedPlan`
/// adds them to a train's cost.
struct ResourcePrices {
    /// Per track: prefix sums, `[m]` = price of occupying minutes `0..<m`.
    fileprivate var tracks: [TrackID: [Double]] = [:]
    /// Per section index and entry direction (0: from `section.from`): prefix sums over rows.
    fileprivate var entries: [[[Double]]] = []
    fileprivate var exits: [[[Double]]] = []
    fileprivate var slots: [String: Double] = [:]
    fileprivate var layout: CapacityRows
    /// For the train being planned, per single-track section index: its holding prices as prefix
    /// sums from minute `base` (holding minute m costs `prefix[m - base + 1] - prefix[m - base]`).
    var holds: [Int: (base: Minute, prefix: [Double])] = [:]

    func trackPrefix(_ track: TrackID) -> [Double]? { tracks[track] }

    func slot(_ border: BorderID, _ slot: SlotID) -> Double { slots["\(border)/\(slot)"] ?? 0 }

    /// Entering at `enter` lies in the entry rows `enter - w + 1 ... enter`; exiting likewise.
    func passage(section: Int, from: StationID, enter: Minute, exit: Minute) -> Double {
        passagePrices(section: section, from: from).price(enter: enter, exit: exit)
    }

    /// The prices of passing one section one way, looked up once: the search asks for every minute.
    func passagePrices(section: Int, from: StationID) -> PassagePrices {
        let rows = layout.sections[section]
        let direction = rows.direction(from: from)
        let group = rows.sharedEntries ? 0 : direction
        return PassagePrices(entries: rows.entryWindow > 0 ? entries[section][group] : [], entryWindow: rows.entryWindow,
                             exits: rows.exitWindow > 0 ? exits[section][direction] : [], exitWindow: rows.exitWindow,
                             hold: holds[section], clearance: rows.clearance)
    }
}

/// One section's prices for one way (`ResourcePrices.passagePrices`): entry and exit windows of
/// prefix sums, and the holding prices of the train being planned on single track.
struct PassagePrices {
    let entries: [Double]
    let entryWindow: Int
    let exits: [Double]
    let exitWindow: Int
    let hold: (base: Minute, prefix: [Double])?
    let clearance: Int

    func price(enter: Minute, exit: Minute) -> Double {
        var price = Self.window(entries, end: enter, width: entryWindow) + Self.window(exits, end: exit, width: exitWindow)
        if let hold {
            // The train holds a single-track section over [enter, exit + clearance).
            func at(_ m: Minute) -> Double { hold.prefix[max(0, min(m - hold.base, hold.prefix.count - 1))] }
            price += at(exit + clearance) - at(enter)
        }
        return price
    }

    private static func window(_ prefix: [Double], end: Minute, width: Int) -> Double {
        guard !prefix.isEmpty, width > 0 else { return 0 }
        let hi = min(end + 1, prefix.count - 1), lo = max(0, min(end - width + 1, prefix.count - 1))
        return hi > lo ? prefix[hi] - prefix[lo] : 0
    }
}

/// The capacity rows relaxed, all valid for every timetable of spec section 4:
/// - a track holds at most one standing train per minute (clearance included);
/// - a section's entries in any window of `h` minutes (headway) are at most one per direction; on
///   single track the window is `min(h, fastest running + clearance)` and counts both directions
///   (two such entries always conflict: same way by headway, opposite ways by occupying the track);
/// - exits likewise per direction with the headway;
/// - a slot takes at most its capacity;
/// - on single track, per minute a direction `y_t`: a train holding the section then must go the
///   allowed way (`hold_i(t) ≤ y_t` one way, `≤ 1 − y_t` the other; `SingleTrackDirections`).
struct CapacityRows {
    struct SectionRows {
        var from: StationID
        var entryWindow: Int
        var sharedEntries: Bool
        var exitWindow: Int
        /// Single track: opposing trains hold the section over `[enter, exit + clearance)`; nil on double track.
        var single: Bool
        var clearance: Int
        func direction(from station: StationID) -> Int { station == from ? 0 : 1 }
    }

    var minutes: Int
    var sections: [SectionRows]

    init(_ instance: Instance) {
        let maxClearance = instance.stations.map(\.clearanceMinutes).max() ?? 0
        minutes = instance.horizonMinutes + maxClearance + 2
        sections = instance.sections.map { section in
            let h = section.headwayMinutes
            let fastest = section.runningMinutes.values.min() ?? 1
            if section.trackage == .single {
                return SectionRows(from: section.from, entryWindow: h > 0 ? min(h, fastest + section.clearanceMinutes) : 0,
                                   sharedEntries: true, exitWindow: h, single: true, clearance: section.clearanceMinutes)
            }
            return SectionRows(from: section.from, entryWindow: h, sharedEntries: false, exitWindow: h, single: false, clearance: 0)
        }
    }
}

/// A lower bound on the cost of every timetable (spec section 5) from Lagrangian relaxation of
/// the capacity rows: each train's cheapest run at the current prices (exact single-train search,
/// the fixed trains held), prices moved by subgradient steps. Weak duality makes every
/// iterate's value a valid bound; the best is kept with each train's own value, which also bounds
/// how much any one train can cost in a timetable cheaper than a given one.
struct LagrangianBound {
    /// The best bound found, and per train its subproblem value at those prices (0 for fixed).
    var value: Double
    var perTrain: [Double]
    /// The prices that gave `value` (from the subgradient; nil from elsewhere), and every run the
    /// subproblems chose on the way: a start for column generation.
    var point: DualPoint?
    var runs: [Int: Set<TrainRun>] = [:]

    /// A train's cost in any timetable costing at most `budget` is at most this.
    func ownBudget(of index: Int, budget: Int) -> Int {
        let own = Double(budget) - value + perTrain[index]
        return own.isFinite ? Int((own + 1e-6).rounded(.down)) : Int.max / 4
    }

    /// `lowerBounds`: a valid lower bound on each train's cost (from `CostBounds` and the solo
    /// search); a train's value is never taken below it, since its priced cost is never below its cost.
    static func compute(_ instance: Instance, lowerBounds: [Int], upperBound: Int, until deadline: ContinuousClock.Instant,
                        maximumIterations: Int = 300) -> LagrangianBound {
        let setting = RelaxationSetting(instance, lowerBounds: lowerBounds, upperBound: upperBound)
        var multipliers = Multipliers(instance, layout: setting.layout)
        var directions = SingleTrackDirections(setting)
        var best = LagrangianBound(value: -Double.infinity, perTrain: [Double](repeating: 0, count: instance.trains.count))
        var runs: [Int: Set<TrainRun>] = [:]
        var theta = 1.0, sinceImprovement = 0
        for _ in 1...max(1, maximumIterations) {
            guard ContinuousClock.now < deadline, theta > 0.002 else { break }
            let evaluation = setting.evaluate(multipliers, directions)
            for (index, run) in evaluation.runs { runs[index, default: []].insert(run) }
            let bound = evaluation.bound
            if bound > best.value + 1e-9 {
                best = LagrangianBound(value: bound, perTrain: evaluation.values, point: DualPoint(multipliers: multipliers, directions: directions))
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 8 {
                    theta /= 2
                    sinceImprovement = 0
                }
            }
            let gap = Double(upperBound) - bound
            guard gap > 1e-6 else { break }
            let norm = multipliers.squaredNorm(of: evaluation.usage) + directions.squaredNorm(evaluation.round)
            guard norm > 0 else { break }
            multipliers.step(by: theta * gap / norm, usage: evaluation.usage)
            directions.step(by: theta * gap / norm, evaluation.round)
        }
        if best.value == -Double.infinity { best.value = 0 }
        best.runs = runs
        return best
    }
}

/// What evaluating the relaxation at given prices needs of an instance, computed once.
struct RelaxationSetting {
    let instance: Instance
    let layout: CapacityRows
    /// The fixed trains' runs, which every priced search keeps clear of.
    let fixedHolding: Occupancy
    let movable: [Int]
    /// Per train: what its value is at most — an optional train's penalty (it may be left out),
    /// else unbounded.
    let ceiling: [Double]
    let lowerBounds: [Int]
    /// Per train: the longest wait its priced searches consider. Waiting longer costs at least
    /// `upperBound` (or fills the horizon), so such runs never matter to a bound below it.
    let maximumWaits: [Int]
    /// Per fixed train index: per border it crosses, the slots (`border/slot`) its departure may use.
    let fixedSlotChoices: [Int: [[String]]]

    init(_ instance: Instance, lowerBounds: [Int], upperBound: Int) {
        self.instance = instance
        self.lowerBounds = lowerBounds
        let (holding, fixedRuns) = SingleTrainPlans.fixedHolding(instance)
        fixedHolding = holding
        fixedSlotChoices = fixedRuns.mapValues { Self.slotChoices(of: $0, instance: instance) }
        layout = CapacityRows(instance)
        movable = instance.trains.indices.filter { !instance.trains[$0].isFixed }
        let cheapest = min(instance.objective.departureDelayPerMinute, instance.objective.dwellPerMinute)
        let horizon = instance.horizonMinutes
        maximumWaits = instance.trains.map { train in
            let perMinute = train.weight * cheapest
            guard perMinute > 0 else { return horizon }
            return min(horizon, max(SingleTrainSearch.maximumWait, upperBound / perMinute + 1))
        }
        // A run waiting longer than its train's maximum costs more than `upperBound`: no timetable
        // at most that costly has one, so the relaxation leaves them out (and stays a bound on every
        // timetable, since a costlier optimum is impossible). An optional train may be left out.
        ceiling = instance.trains.map { train in
            train.isOptional ? Double(train.weight * instance.objective.unscheduledPenalty) : .infinity
        }
    }

    /// Per border a fixed run crosses: the slots whose window holds its departure there.
    static func slotChoices(of run: TrainRun, instance: Instance) -> [[String]] {
        var result: [[String]] = []
        for (stop, next) in zip(run.stops, run.stops.dropFirst()) {
            guard let border = instance.border(between: stop.station, next.station), let enter = stop.departure else { continue }
            result.append(border.slots.filter { ($0.fromStation == nil || $0.fromStation == stop.station) && $0.opens <= enter && enter <= $0.closes }
                .map { "\(border.id)/\($0.id)" })
        }
        return result
    }

    struct Evaluation {
        /// A lower bound on every timetable's cost (weak duality holds at any prices ≥ 0).
        var bound: Double
        /// Per train: its value (priced cost of its cheapest run, or its ceiling).
        var values: [Double]
        /// Per movable train: its cheapest run at these prices and that run's priced cost, when below its ceiling.
        var runs: [Int: TrainRun]
        var priced: [Int: Double]
        var usage: Usage
        var round: SingleTrackDirections.Round
        /// Under branching restrictions: a train that must run has no run left (the branch is empty).
        var unplaceable = false
    }

    /// Each train's cheapest run at the prices, and the bound they give: Σ values − Σ λ × capacity
    /// − what the best single-track directions take back.
    /// With `restrictions` (a branch of branch and price) each train's runs are those its
    /// restriction admits, and the bound holds for that branch.
    func evaluate(_ multipliers: Multipliers, _ directions: SingleTrackDirections,
                  restrictions: [Int: BranchingRestriction] = [:]) -> Evaluation {
        var prices = multipliers.prices()
        var values = [Double](repeating: 0, count: instance.trains.count)
        var usage = Usage(instance, layout: layout)
        var chosen: [Int: TrainRun] = [:]
        var priced: [Int: Double] = [:]
        var unplaceable = false
        for index in movable {
            let train = instance.trains[index]
            let restriction = restrictions[index]
            // Branches decide whether an optional train runs: left out it is worth its penalty,
            // made to run it has no ceiling.
            let ceiling = restriction?.scheduled == true ? .infinity : self.ceiling[index]
            prices.holds = directions.prices(of: index)
            if let found = SingleTrainSearch.pricedPlan(train, instance: instance, holding: fixedHolding, prices: prices,
                                                        maximumWait: maximumWaits[index], restriction: restriction),
               found.value < ceiling {
                values[index] = max(found.value, Double(lowerBounds[index]))
                usage.add(found.run, instance: instance)
                chosen[index] = found.run
                priced[index] = found.value
            } else {
                // No run within the window (impossible while `upperBound` is a timetable's cost):
                // the lower bound keeps the value safe.
                values[index] = ceiling.isFinite ? ceiling : Double(lowerBounds[index])
                if !ceiling.isFinite && restriction != nil { unplaceable = true }
            }
        }
        // A fixed train still takes a slot at each border: the cheapest its departure allows.
        for (index, borders) in fixedSlotChoices {
            let restriction = restrictions[index]
            values[index] = borders.reduce(0) { total, keys in
                let allowed = keys.filter { key in
                    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                    return restriction?.slotFilter?(BorderID(parts[0]), SlotID(parts[1])) ?? true
                }
                if allowed.isEmpty { unplaceable = true }
                return total + (allowed.map { prices.slots[$0] ?? 0 }.min() ?? 0)
            }
        }
        let round = directions.evaluate(directions.holding(chosen, instance: instance))
        let bound = values.reduce(0, +) - multipliers.capacityCharge() - round.charge
        return Evaluation(bound: bound, values: values, runs: chosen, priced: priced, usage: usage, round: round, unplaceable: unplaceable)
    }
}

/// What the trains' runs at the current prices use of each row.
struct Usage {
    var tracks: [TrackID: [Int]] = [:]
    var entries: [[[Int]]]
    var exits: [[[Int]]]
    var slots: [String: Int] = [:]
    let layout: CapacityRows

    init(_ instance: Instance, layout: CapacityRows) {
        self.layout = layout
        entries = layout.sections.map { _ in [[Int]](repeating: [], count: 2) }
        exits = entries
    }

    mutating func add(_ run: TrainRun, instance: Instance) {
        for (k, stop) in run.stops.enumerated() {
            if let track = stop.track, let arrival = stop.arrival, let departure = stop.departure, departure > arrival {
                let clearance = instance.station(stop.station)?.clearanceMinutes ?? 0
                var row = tracks[track] ?? [Int](repeating: 0, count: layout.minutes)
                for m in max(0, arrival)..<min(layout.minutes, departure + clearance) { row[m] += 1 }
                tracks[track] = row
            }
            guard k + 1 < run.stops.count, let enter = stop.departure, let exit = run.stops[k + 1].arrival,
                  let index = instance.sections.firstIndex(where: { $0.joins(stop.station, run.stops[k + 1].station) }) else { continue }
            let rows = layout.sections[index]
            let direction = rows.direction(from: stop.station)
            let minutes = layout.minutes
            if rows.entryWindow > 0 { Self.mark(&entries[index][rows.sharedEntries ? 0 : direction], end: enter, width: rows.entryWindow, minutes: minutes) }
            if rows.exitWindow > 0 { Self.mark(&exits[index][direction], end: exit, width: rows.exitWindow, minutes: minutes) }
        }
        for use in run.borderSlots { slots["\(use.border)/\(use.slot)", default: 0] += 1 }
    }

    /// The rows `end - width + 1 ... end` (each row covers `width` minutes from its start).
    private static func mark(_ row: inout [Int], end: Minute, width: Int, minutes: Int) {
        if row.isEmpty { row = [Int](repeating: 0, count: minutes) }
        for m in max(0, end - width + 1)...max(0, min(end, minutes - 1)) { row[m] += 1 }
    }
}

/// The prices themselves (λ ≥ 0), one per row, and the projected subgradient step.
struct Multipliers {
    var tracks: [TrackID: [Double]] = [:]
    var entries: [[[Double]]]
    var exits: [[[Double]]]
    var slots: [String: Double] = [:]
    var capacities: [String: Int] = [:]
    let layout: CapacityRows

    init(_ instance: Instance, layout: CapacityRows) {
        self.layout = layout
        entries = layout.sections.map { _ in [[Double]](repeating: [], count: 2) }
        exits = entries
        for border in instance.borders {
            for slot in border.slots { capacities["\(border.id)/\(slot.id)"] = slot.capacity }
        }
    }

    func prices() -> ResourcePrices {
        func prefix(_ row: [Double]) -> [Double] {
            guard !row.isEmpty else { return [] }
            var sums = [Double](repeating: 0, count: row.count + 1)
            for (m, price) in row.enumerated() { sums[m + 1] = sums[m] + price }
            return sums
        }
        var result = ResourcePrices(layout: layout)
        result.tracks = tracks.mapValues(prefix)
        result.entries = entries.map { $0.map(prefix) }
        result.exits = exits.map { $0.map(prefix) }
        result.slots = slots
        return result
    }

    /// Σ λ × capacity: 1 for every clique row, the slot's capacity for slot rows.
    func capacityCharge() -> Double {
        var total = tracks.values.reduce(0) { $0 + $1.reduce(0, +) }
        total += entries.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
        total += exits.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
        total += slots.reduce(0) { $0 + $1.value * Double(capacities[$1.key] ?? 1) }
        return total
    }

    /// Σ g² over rows that may move: a row priced at 0 whose use is under capacity stays at 0.
    func squaredNorm(of usage: Usage) -> Double {
        var total = 0.0
        func add(_ prices: [Double], _ used: [Int]) {
            let count = max(prices.count, used.count)
            for m in 0..<count {
                let g = Double(m < used.count ? used[m] : 0) - 1
                let price = m < prices.count ? prices[m] : 0
                if price > 0 || g > 0 { total += g * g }
            }
        }
        for key in Set(tracks.keys).union(usage.tracks.keys) { add(tracks[key] ?? [], usage.tracks[key] ?? []) }
        for s in entries.indices {
            for d in 0..<2 {
                add(entries[s][d], usage.entries[s][d])
                add(exits[s][d], usage.exits[s][d])
            }
        }
        for key in Set(slots.keys).union(usage.slots.keys) {
            let g = Double((usage.slots[key] ?? 0) - (capacities[key] ?? 1))
            if (slots[key] ?? 0) > 0 || g > 0 { total += g * g }
        }
        return total
    }

    mutating func step(by size: Double, usage: Usage) {
        func move(_ prices: inout [Double], _ used: [Int]) {
            guard !prices.isEmpty || !used.isEmpty else { return }
            if prices.isEmpty { prices = [Double](repeating: 0, count: layout.minutes) }
            for m in prices.indices {
                let g = Double(m < used.count ? used[m] : 0) - 1
                prices[m] = max(0, prices[m] + size * g)
            }
        }
        for key in Set(tracks.keys).union(usage.tracks.keys) {
            var row = tracks[key] ?? []
            move(&row, usage.tracks[key] ?? [])
            tracks[key] = row
        }
        for s in entries.indices {
            for d in 0..<2 {
                move(&entries[s][d], usage.entries[s][d])
                move(&exits[s][d], usage.exits[s][d])
            }
        }
        for key in Set(slots.keys).union(usage.slots.keys) {
            let g = Double((usage.slots[key] ?? 0) - (capacities[key] ?? 1))
            slots[key] = max(0, (slots[key] ?? 0) + size * g)
        }
    }
}

/// The single-track direction rows: per movable train and single-track section on its route,
/// a price per minute on holding the section (`μ_{i,t} ≥ 0`). Relaxed, the direction variables
/// leave `−Σ_t max(M_A(t), M_B(t))` in the bound, with `M_A(t)` the sum of the prices of the
/// trains going one way at minute t.
struct SingleTrackDirections {
    struct Prices {
        var section: Int
        var forward: Bool
        var base: Minute
        var values: [Double]
    }

    /// Per train index: its priced sections.
    var trains: [Int: [Prices]] = [:]
    let layout: CapacityRows
    let minutes: Int

    init(_ setting: RelaxationSetting) {
        let instance = setting.instance
        layout = setting.layout
        minutes = layout.minutes
        for index in setting.movable {
            let train = instance.trains[index]
            let start = max(train.earliestDeparture ?? 0, 0)
            // The search never runs a train past its no-wait run plus its maximum wait.
            let route = train.route
            let travel = zip(route, route.dropFirst()).reduce(0) { total, pair in
                total + (instance.section(between: pair.0, pair.1)?.runningMinutes[train.trainClass] ?? 0)
            } + (1..<max(1, route.count - 1)).reduce(0) { $0 + train.requiredDwell(atStop: $1) }
            let last = min(instance.horizonMinutes, start + travel + setting.maximumWaits[index])
            var list: [Prices] = []
            for (a, b) in zip(train.route, train.route.dropFirst()) {
                guard let section = instance.sections.firstIndex(where: { $0.joins(a, b) }), layout.sections[section].single else { continue }
                // Prices from the earliest departure to the latest release of the section.
                let length = max(0, min(minutes, last + layout.sections[section].clearance + 1) - start)
                list.append(Prices(section: section, forward: layout.sections[section].from == a, base: start,
                                   values: [Double](repeating: 0, count: length)))
            }
            if !list.isEmpty { trains[index] = list }
        }
    }

    func prices(of index: Int) -> [Int: (base: Minute, prefix: [Double])] {
        guard let list = trains[index] else { return [:] }
        var result: [Int: (base: Minute, prefix: [Double])] = [:]
        for entry in list where entry.values.contains(where: { $0 > 0 }) {
            var prefix = [Double](repeating: 0, count: entry.values.count + 1)
            for (m, price) in entry.values.enumerated() { prefix[m + 1] = prefix[m] + price }
            result[entry.section] = (entry.base, prefix)
        }
        return result
    }

    /// Which minutes each priced train holds each of its single-track sections, in its chosen run.
    struct Holding {
        /// Per train index and position in its list: held `[from, to)`, or nil if not run.
        var spans: [Int: [Range<Minute>?]] = [:]
        /// Per section, per minute: trains holding it each way.
        var counts: [Int: (forward: [Int], backward: [Int])] = [:]
    }

    func holding(_ runs: [Int: TrainRun], instance: Instance) -> Holding {
        var result = Holding()
        for (index, list) in trains {
            var spans: [Range<Minute>?] = []
            for entry in list {
                guard let run = runs[index], let k = run.stops.indices.dropLast().first(where: { k in
                    instance.sections[entry.section].joins(run.stops[k].station, run.stops[k + 1].station)
                }), let enter = run.stops[k].departure, let exit = run.stops[k + 1].arrival else {
                    spans.append(nil)
                    continue
                }
                let span = max(0, enter)..<min(minutes, exit + layout.sections[entry.section].clearance)
                spans.append(span)
                var counts = result.counts[entry.section] ?? ([Int](repeating: 0, count: minutes), [Int](repeating: 0, count: minutes))
                for m in span { if entry.forward { counts.forward[m] += 1 } else { counts.backward[m] += 1 } }
                result.counts[entry.section] = counts
            }
            result.spans[index] = spans
        }
        return result
    }

    /// Per section and minute, the prices of each way: `M_A`, `M_B`.
    private func totals() -> [Int: (forward: [Double], backward: [Double])] {
        var totals: [Int: (forward: [Double], backward: [Double])] = [:]
        for list in trains.values {
            for entry in list where entry.values.contains(where: { $0 > 0 }) {
                var pair = totals[entry.section] ?? ([Double](repeating: 0, count: minutes), [Double](repeating: 0, count: minutes))
                for (offset, price) in entry.values.enumerated() where price > 0 && entry.base + offset < minutes {
                    if entry.forward { pair.forward[entry.base + offset] += price } else { pair.backward[entry.base + offset] += price }
                }
                totals[entry.section] = pair
            }
        }
        return totals
    }

    /// One iteration's view of the direction rows, computed once from the prices and the runs.
    struct Round {
        /// `Σ_t max(M_A(t), M_B(t))`: what the best directions take back.
        var charge: Double
        /// Per section and minute: is the way from `section.from` the allowed one.
        var allowed: [Int: [Bool]]
        var holding: Holding
    }

    func evaluate(_ holding: Holding) -> Round {
        let totals = totals()
        let charge = totals.values.reduce(0) { total, pair in total + zip(pair.forward, pair.backward).reduce(0) { $0 + max($1.0, $1.1) } }
        return Round(charge: charge, allowed: allowed(holding, totals: totals), holding: holding)
    }

    /// The direction allowed at each minute: the dearer way (ties: the way more trains hold).
    private func allowed(_ holding: Holding, totals: [Int: (forward: [Double], backward: [Double])]) -> [Int: [Bool]] {
        var result: [Int: [Bool]] = [:]
        for (section, counts) in holding.counts {
            let pair = totals[section]
            result[section] = (0..<minutes).map { m in
                let a = pair?.forward[m] ?? 0, b = pair?.backward[m] ?? 0
                return a != b ? a > b : counts.forward[m] >= counts.backward[m]
            }
        }
        for section in totals.keys where result[section] == nil {
            let pair = totals[section]!
            result[section] = (0..<minutes).map { pair.forward[$0] >= pair.backward[$0] }
        }
        return result
    }

    /// g = hold − allowed for every priced train and minute.
    private func gradient(_ entry: Prices, span: Range<Minute>?, allowed: [Bool]?, offset: Int) -> Double {
        let minute = entry.base + offset
        let held = span?.contains(minute) == true ? 1.0 : 0.0
        let forwardAllowed = allowed.map { minute < $0.count ? $0[minute] : entry.forward } ?? true
        return held - ((forwardAllowed == entry.forward) ? 1 : 0)
    }

    func squaredNorm(_ round: Round) -> Double {
        var total = 0.0
        for (index, list) in trains {
            for (position, entry) in list.enumerated() {
                let span = round.holding.spans[index]?[position] ?? nil
                for offset in entry.values.indices {
                    let g = gradient(entry, span: span, allowed: round.allowed[entry.section], offset: offset)
                    if entry.values[offset] > 0 || g > 0 { total += g * g }
                }
            }
        }
        return total
    }

    mutating func step(by size: Double, _ round: Round) {
        for (index, list) in trains {
            var updated = list
            for (position, entry) in list.enumerated() {
                let span = round.holding.spans[index]?[position] ?? nil
                for offset in entry.values.indices {
                    let g = gradient(entry, span: span, allowed: round.allowed[entry.section], offset: offset)
                    updated[position].values[offset] = max(0, entry.values[offset] + size * g)
                }
            }
            trains[index] = updated
        }
    }
}
