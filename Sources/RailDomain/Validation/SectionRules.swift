/// Spec 4.5 and 4.6 on every section: trains running the same way keep their order and their
/// headway at both ends (`enter(b) >= enter(a) + h` and `exit(b) >= exit(a) + h` for the one that
/// enters second; with h = 0 either order is fine); on single track opposing trains never share the
/// section (`enter(b) >= exit(a) + clearance` or `enter(a) >= exit(b) + clearance`).
enum SectionRules {
    private struct Passage {
        let train: TrainID
        let from: StationID
        let to: StationID
        let enter: Minute
        let exit: Minute
    }

    static func check(_ runs: [CheckedRun], _ instance: Instance, into found: inout [Violation]) {
        var passages = [[Passage]](repeating: [], count: instance.sections.count)
        for run in runs {
            for k in 0..<run.lastIndex {
                let from = run.train.route[k], to = run.train.route[k + 1]
                guard let index = instance.sections.firstIndex(where: { $0.joins(from, to) }) else { continue }
                passages[index].append(Passage(train: run.train.id, from: from, to: to, enter: run.dep(k), exit: run.arr(k + 1)))
            }
        }
        for (index, section) in instance.sections.enumerated() {
            let list = passages[index].sorted { ($0.enter, $0.exit) < ($1.enter, $1.exit) }
            for i in list.indices {
                for j in (i + 1)..<list.count {
                    let a = list[i], b = list[j]
                    if a.from == b.from {
                        checkHeadway(a, b, section, instance, into: &found)
                    } else if section.trackage == .single {
                        checkMeet(a, b, section, instance, into: &found)
                    }
                }
            }
        }
    }

    private static func checkHeadway(_ a: Passage, _ b: Passage, _ section: Section, _ instance: Instance, into found: inout [Violation]) {
        let h = section.headwayMinutes
        let aFirst = b.enter >= a.enter + h && b.exit >= a.exit + h
        let bFirst = a.enter >= b.enter + h && a.exit >= b.exit + h
        guard !aFirst, !bFirst else { return }
        let (first, second) = (a.enter, a.exit) <= (b.enter, b.exit) ? (a, b) : (b, a)
        let at = first.from
        let detail: String
        if second.exit < first.exit {
            detail = "\(second.train) overtakes \(first.train) in section \(section.label)"
        } else {
            detail = "\(second.train) follows \(first.train) through \(section.label) \(second.enter - first.enter) min behind at entry and \(second.exit - first.exit) min behind at exit"
        }
        found.append(Violation(.headway, trains: [first.train, second.train], place: section.label, minutes: [first.enter, second.enter],
                               "\(detail) (entering \(instance.clock(first.enter, at: at)) and \(instance.clock(second.enter, at: at)) \(instance.offsetLabel(at: at))); the headway is \(h) min"))
    }

    private static func checkMeet(_ a: Passage, _ b: Passage, _ section: Section, _ instance: Instance, into found: inout [Violation]) {
        let c = section.clearanceMinutes
        guard b.enter < a.exit + c, a.enter < b.exit + c else { return }
        found.append(Violation(.meet, trains: [a.train, b.train], place: section.label, minutes: [a.enter, a.exit, b.enter, b.exit],
                               "\(a.train) (\(a.from)→\(a.to), \(instance.clock(a.enter, at: a.from))–\(instance.clock(a.exit, at: a.to))) and \(b.train) (\(b.from)→\(b.to), \(instance.clock(b.enter, at: b.from))–\(instance.clock(b.exit, at: b.to))) meet on single-track section \(section.label)\(c > 0 ? " or are less than \(c) min apart" : ""); opposing trains can only meet in a station"))
    }
}
