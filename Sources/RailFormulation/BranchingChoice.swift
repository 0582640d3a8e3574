import RailDomain

/// How a node of branch and price splits, read from its converged master LP. Every split
/// partitions the node's timetables, so a bound proven on each child holds for the node.
enum BranchingChoice {
    /// An optional train neither surely run nor surely left out: run it / leave it out.
    case runs(train: Int)
    /// A train's departure from route position `position`: at most `minute` / after it.
    case departure(train: Int, position: Int, minute: Minute)
    /// A train's border slot (`border`, `slot`): must use it / may not.
    case slot(train: Int, border: BorderID, slot: SlotID)

    /// The most balanced split among the trains the LP leaves fractional: the one whose smaller
    /// side carries the most LP weight. Nil when the LP is fractional only in what no split here
    /// decides (a track, say), or integral.
    static func mostBalanced(values: [(train: Int, run: TrainRun, value: Double)], leaveOut: [Int: Double],
                             restrictions: [Int: BranchingRestriction], fixed: Set<Int>) -> BranchingChoice? {
        // Whether a train runs first, then border slots (few, and coupling trains the most), then minutes.
        // Among equally balanced splits, the one whose sides lie furthest apart (`reach`, minutes):
        // runs a few minutes apart mostly wait at different stations at equal cost, so the LP
        // moves its waiting and keeps its value; runs far apart differ where trains meet.
        var best: (rank: Int, score: Double, reach: Int, choice: BranchingChoice)?
        func consider(_ score: Double, _ choice: BranchingChoice, reach: Int = 0) {
            let rank = switch choice { case .runs: 0; case .slot: 1; case .departure: 2 }
            guard score > 1e-6 else { return }
            guard let current = best else { return best = (rank, score, reach, choice) }
            if rank != current.rank {
                if rank < current.rank { best = (rank, score, reach, choice) }
            } else if score > current.score + 1e-9 || (score > current.score - 1e-9 && reach > current.reach) {
                best = (rank, score, reach, choice)
            }
        }
        for (train, value) in leaveOut.sorted(by: { $0.key < $1.key }) where restrictions[train]?.scheduled == nil {
            consider(min(value, 1 - value), .runs(train: train))
        }
        let byTrain = Dictionary(grouping: values.filter { $0.value > 1e-9 }, by: \.train)
        for (train, columns) in byTrain.sorted(by: { $0.key < $1.key }) {
            let total = columns.reduce(0) { $0 + $1.value }
            if !fixed.contains(train), let positions = columns.first?.run.stops.count {
                for k in 0..<max(0, positions - 1) {
                    var mass: [Minute: Double] = [:]
                    for column in columns { if let t = column.run.stops[k].departure { mass[t, default: 0] += column.value } }
                    // Split halfway between two minutes the LP uses: at the lower one, the LP of the
                    // upper child moved its run a minute later at the same cost (waiting elsewhere),
                    // and on the Pingxiang day the tree chased one train minute by minute at 129985.
                    var below = 0.0
                    let used = mass.sorted(by: { $0.key < $1.key })
                    for (index, (t, value)) in used.enumerated().dropLast() {
                        below += value
                        let halfway = t + (used[index + 1].key - t - 1) / 2
                        consider(min(below, total - below), .departure(train: train, position: k, minute: halfway),
                                 reach: used[index + 1].key - t)
                    }
                }
            }
            var slotMass: [SlotUse: Double] = [:]
            for column in columns { for use in column.run.borderSlots { slotMass[use, default: 0] += column.value } }
            for (use, value) in slotMass.sorted(by: { "\($0.key.border)/\($0.key.slot)" < "\($1.key.border)/\($1.key.slot)" }) {
                consider(min(value, total - value), .slot(train: train, border: use.border, slot: use.slot))
            }
        }
        return best?.choice
    }

    /// The two children's restrictions of `train`, from its restriction at the node.
    func children(of restriction: BranchingRestriction) -> [BranchingRestriction] {
        switch self {
        case .runs:
            var run = restriction, leave = restriction
            run.scheduled = true
            leave.scheduled = false
            return [run, leave]
        case .departure(_, let position, let minute):
            return Self.split(restriction, position: position, around: minute, keepingMinute: false)
        case .slot(_, let border, let slot):
            var use = restriction, avoid = restriction
            use.requiredSlots[border] = slot
            avoid.forbiddenSlots.insert("\(border)/\(slot)")
            return [use, avoid]
        }
    }

    var train: Int {
        switch self {
        case .runs(let train), .departure(let train, _, _), .slot(let train, _, _): train
        }
    }

    /// Departure at `position` up to `minute` / after it; with `keepingMinute`, three ways:
    /// before it / exactly at it / after it. Empty windows are dropped.
    static func split(_ restriction: BranchingRestriction, position: Int, around minute: Minute,
                      keepingMinute: Bool) -> [BranchingRestriction] {
        let current = restriction.windows[position] ?? Minute.min / 4...Minute.max / 4
        var ranges: [ClosedRange<Minute>] = []
        if keepingMinute {
            if current.lowerBound <= minute - 1 { ranges.append(current.lowerBound...min(minute - 1, current.upperBound)) }
            if current.contains(minute) { ranges.append(minute...minute) }
        } else if current.lowerBound <= minute {
            ranges.append(current.lowerBound...min(minute, current.upperBound))
        }
        if minute + 1 <= current.upperBound { ranges.append(max(minute + 1, current.lowerBound)...current.upperBound) }
        return ranges.map { range in
            var child = restriction
            child.windows[position] = range
            return child
        }
    }
}
