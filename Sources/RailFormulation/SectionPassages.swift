import RailDomain

/// The passages others hold on one section, as a train entering it from `from` meets them:
/// same-way passages (headway at both ends, spec 4.5) and, on single track, opposing ones
/// (clearance, spec 4.6). Sorted out once per section so that the single-train search's inner
/// loop, one check per candidate minute, compares integers only.
struct SectionPassages {
    private var sameWay: [(enter: Minute, exit: Minute)] = []
    private var opposing: [(enter: Minute, exit: Minute)] = []
    private let headway: Int
    private let clearance: Int

    init(_ holding: Occupancy, section index: Int, from: StationID, instance: Instance) {
        let section = instance.sections[index]
        headway = section.headwayMinutes
        clearance = section.clearanceMinutes
        for other in holding.sections[index] ?? [] {
            if other.from == from {
                sameWay.append((other.enter, other.exit))
            } else if section.trackage == .single {
                opposing.append((other.enter, other.exit))
            }
        }
    }

    /// Whether entering at `enter` and leaving `running` minutes later keeps both rules.
    func free(enter: Minute, running: Int) -> Bool {
        let exit = enter + running
        for other in sameWay {
            let newFirst = other.enter >= enter + headway && other.exit >= exit + headway
            let otherFirst = enter >= other.enter + headway && exit >= other.exit + headway
            if !newFirst && !otherFirst { return false }
        }
        for other in opposing where enter < other.exit + clearance && other.enter < exit + clearance { return false }
        return true
    }

    /// `free(enter:running:)` for every entry minute from `low` through `high` at once (index
    /// `t − low`): each held passage blocks an open interval of entry minutes, so marking them
    /// costs the passages plus the minutes, not their product — the search's inner loop then
    /// reads one flag per minute.
    func freeEntries(running: Int, from low: Minute, through high: Minute) -> [Bool] {
        guard low <= high else { return [] }
        var free = [Bool](repeating: true, count: high - low + 1)
        // Blocks the entries strictly between `after` and `before`.
        func block(after: Minute, before: Minute) {
            let first = max(after + 1, low), last = min(before - 1, high)
            guard first <= last else { return }
            for t in first...last { free[t - low] = false }
        }
        for other in sameWay {
            // The new train goes first up to min(...), the other first from max(...) on.
            block(after: min(other.enter - headway, other.exit - running - headway),
                  before: max(other.enter + headway, other.exit + headway - running))
        }
        for other in opposing { block(after: other.enter - running - clearance, before: other.exit + clearance) }
        return free
    }
}
