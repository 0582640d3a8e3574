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
}
