import RailDomain
import RailReports
import Testing

@Suite("compare timetables")
struct CompareTests {
    @Test(arguments: ReportFixtures.examples)
    func aTimetableEqualsItself(_ name: String) throws {
        let (instance, schedule) = try ReportFixtures.example(name)
        let report = ComparisonReport(a: schedule, b: schedule, instance: instance)
        #expect(report.identical)
        #expect(report.text().hasPrefix("identical"))
    }

    /// Plant one difference of each kind; the comparison reports exactly those and nothing else.
    @Test func reportsExactlyThePlantedDifferences() throws {
        let (instance, a) = try ReportFixtures.example("basics/line")
        var b = a
        func index(_ id: String) throws -> Int { try #require(b.trains.firstIndex { $0.train.rawValue == id }) }
        // F1 leaves 5 minutes later (every time moves) and stands 3 minutes longer at B.
        let f1 = try index("F1")
        for s in b.trains[f1].stops.indices {
            b.trains[f1].stops[s].arrival = b.trains[f1].stops[s].arrival.map { $0 + 5 + (s >= 2 ? 3 : 0) }
            b.trains[f1].stops[s].departure = b.trains[f1].stops[s].departure.map { $0 + 5 + (s >= 1 ? 3 : 0) }
        }
        // P1 stands on the other track at B.
        let p1 = try index("P1")
        let bStop = try #require(b.trains[p1].stops.firstIndex { $0.station.rawValue == "B" })
        let oldTrack = try #require(b.trains[p1].stops[bStop].track)
        let newTrack = TrackID(rawValue: oldTrack.rawValue == "B1" ? "B2" : "B1")
        b.trains[p1].stops[bStop].track = newTrack
        // F3 is left out; F2 uses another slot and is 7 minutes late.
        let f3 = try index("F3")
        try #require(b.trains[f3].scheduled)
        b.trains[f3] = TrainRun(train: b.trains[f3].train, scheduled: false)
        let f2 = try index("F2")
        let newSlots = [SlotUse(border: BorderID(rawValue: "CD"), slot: SlotID(rawValue: "S3"))]
        b.trains[f2].borderSlots = newSlots
        let oldLateness = b.trains[f2].latenessMinutes
        b.trains[f2].latenessMinutes = 7

        let dwellAtB = a.trains[f1].stops[1].departure! - a.trains[f1].stops[1].arrival!
        let comparison = ScheduleComparison.compare(a, b)
        let expected: [ScheduleComparison.TrainDifference] = [
            .init(train: b.trains[f1].train, changes: [.departure(shift: 5), .dwell(station: StationID(rawValue: "B"), was: dwellAtB, now: dwellAtB + 3)]),
            .init(train: b.trains[f2].train, changes: [.slots(was: a.trains[f2].borderSlots, now: newSlots), .lateness(was: oldLateness, now: 7)]),
            .init(train: b.trains[p1].train, changes: [.track(station: StationID(rawValue: "B"), was: oldTrack, now: newTrack)]),
            .init(train: b.trains[f3].train, changes: [.scheduled(was: true, now: false)]),
        ].sorted { x, y in a.trains.firstIndex { $0.train == x.train }! < a.trains.firstIndex { $0.train == y.train }! }
        #expect(comparison.trains == expected)
        #expect(!comparison.identical)
        let report = ComparisonReport(a: a, b: b, instance: instance)
        #expect(report.text().contains("F1: departs +5 min; dwell at B \(dwellAtB) → \(dwellAtB + 3) min"))
        #expect(report.text().contains("scheduled: 4 → 3 (-1)"))
    }

    @Test func unexplainedArrivalMovesAreReported() throws {
        let (_, a) = try ReportFixtures.example("basics/line")
        var b = a
        // F1 arrives at its last station 2 minutes later with nothing else changed.
        let last = b.trains[0].stops.count - 1
        b.trains[0].stops[last].arrival! += 2
        let changes = ScheduleComparison.compare(a, b).trains
        #expect(changes.count == 1)
        #expect(changes.first?.changes == [.running(station: b.trains[0].stops[last].station, shift: 2)])
    }

    @Test func trainsInOneTimetableOnly() throws {
        let (_, a) = try ReportFixtures.example("basics/line")
        var b = a
        let removed = b.trains.removeLast()
        let comparison = ScheduleComparison.compare(a, b)
        #expect(comparison.trains == [.init(train: removed.train, changes: [.onlyIn(.a)])])
        #expect(ScheduleComparison.compare(b, a).trains == [.init(train: removed.train, changes: [.onlyIn(.b)])])
    }
}
