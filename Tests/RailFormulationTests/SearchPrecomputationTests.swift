@testable import RailFormulation
import RailDomain
import RailFormats
import Testing

/// What the single-train search sorts out once per section and border instead of once per
/// candidate minute must decide exactly as the rules do: passages against the validator's
/// headway and meet rules, slots against the plain "open slot with room that closes first" rule.
@Suite("search precomputation")
struct SearchPrecomputationTests {
    let instance: Instance
    let runs: [TrainRun]

    init() throws {
        instance = try Examples.load("examples/pingxiang/pingxiang-2026-12-01.yaml")
        runs = try TimetableReader.load(path: Examples.root.appendingPathComponent("examples/pingxiang/pingxiang-2026-12-01.timetable.json").path,
                                        instance: instance).schedule.trains
    }

    private func shifted(_ run: TrainRun, by minutes: Int) -> TrainRun {
        var run = run
        for k in run.stops.indices {
            run.stops[k].arrival = run.stops[k].arrival.map { $0 + minutes }
            run.stops[k].departure = run.stops[k].departure.map { $0 + minutes }
        }
        return run
    }

    /// For pairs of trains on a common section, with the second moved to enter it −50…50 minutes
    /// from the first (every 10): the passage check says "free" exactly when the validator finds
    /// no headway or meet violation between the two on that section.
    @Test func passagesDecideAsTheValidator() {
        var compared = 0, blocked = 0
        for a in runs.indices where runs[a].scheduled {
            // A third of the ordered pairs keeps the test quick (each comparison runs the validator).
            var holding = Occupancy()
            holding.add(runs[a], instance: instance)
            let stopsA = runs[a].stops
            for b in runs.indices where b != a && runs[b].scheduled && (a + b) % 3 == 0 {
                let stopsB = runs[b].stops
                for k in 0..<(stopsB.count - 1) {
                    guard let index = instance.sections.firstIndex(where: { $0.joins(stopsB[k].station, stopsB[k + 1].station) }),
                          let j = stopsA.indices.first(where: { $0 + 1 < stopsA.count && instance.sections[index].joins(stopsA[$0].station, stopsA[$0 + 1].station) }),
                          let enterA = stopsA[j].departure,
                          let enter = stopsB[k].departure, let exit = stopsB[k + 1].arrival else { continue }
                    let passages = SectionPassages(holding, section: index, from: stopsB[k].station, instance: instance)
                    let label = instance.sections[index].label
                    // Around the first train's passage, where the rules decide.
                    for offset in stride(from: -50, through: 50, by: 10) {
                        let delta = enterA - enter + offset
                        var pair = instance.trains.map { TrainRun(train: $0.id, scheduled: false) }
                        pair[a] = runs[a]
                        pair[b] = shifted(runs[b], by: delta)
                        let broken = ScheduleValidator.validate(Schedule(instance: instance.name, status: .feasible, trains: pair), against: instance)
                            .contains { ($0.rule == .headway || $0.rule == .meet) && $0.place == label && Set($0.trains) == [runs[a].train, runs[b].train] }
                        #expect(passages.free(enter: enter + delta, running: exit - enter) == !broken,
                                "\(runs[b].train) entering \(label) at \(enter + delta) beside \(runs[a].train)")
                        compared += 1
                        if broken { blocked += 1 }
                    }
                }
            }
        }
        // The comparison covers both answers many times over.
        #expect(compared > 1000)
        #expect(blocked > 300)
        #expect(compared - blocked > 300)
    }

    /// The search reads its entry minutes from `freeEntries`: with every Pingxiang train held but
    /// one, for each section, both directions and each running time the day's trains have there,
    /// it says "free" at every minute of the day exactly when `free(enter:running:)` does.
    @Test func freeEntriesAgreeWithTheCheckAtEveryMinute() {
        var holding = Occupancy()
        for run in runs.dropFirst() where run.scheduled { holding.add(run, instance: instance) }
        var checked = 0, blocked = 0
        for (index, section) in instance.sections.enumerated() {
            let runnings = Set(section.runningMinutes.values)
            for from in [section.from, section.to] {
                let passages = SectionPassages(holding, section: index, from: from, instance: instance)
                for running in runnings {
                    let low = -30, high = instance.horizonMinutes
                    let free = passages.freeEntries(running: running, from: low, through: high)
                    #expect(free.count == high - low + 1)
                    for t in low...high {
                        #expect(free[t - low] == passages.free(enter: t, running: running), "\(section.label) from \(from) at \(t), \(running) min")
                        checked += 1
                        if !free[t - low] { blocked += 1 }
                    }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(blocked > 1_000)
        #expect(checked - blocked > 1_000)
    }

    /// At every minute of the day, in both directions, with some slots full and one filtered out,
    /// unpriced (greedy insertion, local search) and at prices on the slots (the Lagrangian
    /// subproblem): the precomputed choice is the cheapest open slot with room, of those the one
    /// that closes first, of those the first listed.
    @Test func slotChoiceIsTheCheapestOpenSlotWithRoom() throws {
        // Pingxiang's slots, widened by two hours each way so that several are open at once.
        var border = try #require(instance.borders.first)
        border.slots = border.slots.map { slot in
            var wide = slot
            wide.opens -= 120
            wide.closes += 120
            return wide
        }
        var holding = Occupancy()
        for (k, slot) in border.slots.enumerated() where k % 3 == 0 { holding.slots["\(border.id)/\(slot.id)"] = slot.capacity }
        let filter = { (_: BorderID, slot: SlotID) in slot != border.slots[1].id }
        let setting = RelaxationSetting(instance, lowerBounds: instance.trains.map { _ in 0 }, upperBound: 1_000_000)
        var multipliers = Multipliers(instance, layout: setting.layout)
        // Few distinct prices, so that ties fall to the closing time and the listed order.
        for (k, slot) in border.slots.enumerated() { multipliers.slots["\(border.id)/\(slot.id)"] = Double((k * 7) % 3) }
        let priced = multipliers.prices()
        var chosen = 0, cheaperThanFirstClosing = 0
        for prices in [nil, priced] as [ResourcePrices?] {
            let price = { (i: Int) in prices?.slot(border.id, border.slots[i].id) ?? 0 }
            for from in [border.section.0, border.section.1] {
                for countSlots in [true, false] {
                    let candidates = SlotCandidates(border, from: from, countSlots: countSlots, holding: holding, prices: prices, slotFilter: filter)
                    for t in 0...instance.horizonMinutes {
                        let open = border.slots.indices.filter { i in
                            let slot = border.slots[i]
                            return (slot.fromStation == nil || slot.fromStation == from) && slot.opens <= t && t <= slot.closes
                                && (!countSlots || (holding.slots["\(border.id)/\(slot.id)"] ?? 0) < slot.capacity) && filter(border.id, slot.id)
                        }
                        let expected = open.min { (price($0), border.slots[$0].closes, $0) < (price($1), border.slots[$1].closes, $1) }
                        #expect(candidates.best(at: t)?.index == expected, "from \(from) at \(t)")
                        if let expected { #expect(candidates.best(at: t)?.price == price(expected)) }
                        if expected != nil { chosen += 1 }
                        let firstClosing = open.min { (border.slots[$0].closes, $0) < (border.slots[$1].closes, $1) }
                        if prices != nil, expected != firstClosing { cheaperThanFirstClosing += 1 }
                    }
                }
            }
        }
        #expect(chosen > 100)
        // The prices decide somewhere: the case is not the unpriced one again.
        #expect(cheaperThanFirstClosing > 0)
    }
}
