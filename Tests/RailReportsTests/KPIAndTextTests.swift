import RailDomain
import RailReports
import Testing

@Suite("KPIs and text table")
struct KPIAndTextTests {
    /// Figures of the hand-checked basics timetable, counted by hand from its file.
    @Test func kpisOfTheBasicsTimetable() throws {
        let (instance, schedule) = try ReportFixtures.example("basics/line")
        let kpis = ScheduleKPIs.compute(schedule, for: instance)
        // O1 (optional) is left out in that file.
        #expect(kpis.trains == 5)
        #expect(kpis.scheduled == 4)
        #expect(kpis.leftOut.map(\.rawValue) == ["O1"])
        #expect(kpis.objective == schedule.objective)
        let late = schedule.trains.filter { ($0.latenessMinutes ?? 0) > 0 }
        #expect(kpis.lateTrains == late.count)
        #expect(kpis.latenessMinutes == schedule.trains.reduce(0) { $0 + ($1.latenessMinutes ?? 0) })
        // One slot each way, a shared slot unused.
        #expect(kpis.slotUse.map(\.trains) == [1, 1, 0])
        #expect(kpis.slotUse.map(\.slotsOffered) == [1, 1, 1])
        #expect(kpis.slotUse.last?.capacity == 2)
        // CC1 is open 06:00–20:00 (840 minutes); DC1 always.
        let cc1 = try #require(kpis.customsLanes.first { $0.track.rawValue == "CC1" })
        #expect(cc1.openMinutes == 840)
        let dc1 = try #require(kpis.customsLanes.first { $0.track.rawValue == "DC1" })
        #expect(dc1.openMinutes == 1440)
        let standsOnDC1 = schedule.trains.flatMap(\.stops).filter { $0.track == dc1.track }
        #expect(dc1.trains == standsOnDC1.count)
        #expect(dc1.occupiedMinutes == standsOnDC1.reduce(0) { $0 + $1.departure! - $1.arrival! })
    }

    /// Two trains standing at once on a station's sidings, and a left-out train.
    @Test func peaksAndLeftOutTrains() throws {
        let (instance, original) = try ReportFixtures.example("basics/line")
        var schedule = original
        let kpisBefore = ScheduleKPIs.compute(schedule, for: instance)
        let bBefore = try #require(kpisBefore.sidingPeaks.first { $0.station.rawValue == "B" })
        // P1's stand at B stretched back over F1's (a format test: tracks may now clash).
        let f1 = schedule.trains.firstIndex { $0.train.rawValue == "F1" }!
        let p1 = schedule.trains.firstIndex { $0.train.rawValue == "P1" }!
        let f1AtB = schedule.trains[f1].stops[1], p1B = schedule.trains[p1].stops.firstIndex { $0.station.rawValue == "B" }!
        schedule.trains[p1].stops[p1B].arrival = f1AtB.arrival! + 1
        schedule.trains[p1].stops[p1B].track = TrackID(rawValue: f1AtB.track!.rawValue == "B1" ? "B2" : "B1")
        let o1 = schedule.trains.firstIndex { $0.train.rawValue == "O1" }!
        schedule.trains[o1] = TrainRun(train: schedule.trains[o1].train, scheduled: false)
        let kpis = ScheduleKPIs.compute(schedule, for: instance)
        let b = try #require(kpis.sidingPeaks.first { $0.station.rawValue == "B" })
        #expect(bBefore.peak == 1)
        #expect(b.peak == 2)
        #expect(b.at == f1AtB.arrival! + 1)
        #expect(kpis.leftOut.map(\.rawValue) == ["O1"])
        #expect(kpis.scheduled == 4)
    }

    @Test func headerStatesStatusObjectiveBoundAndGap() throws {
        let (instance, original) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        let text = TimetableText.text(original, instance: instance)
        let first = try #require(text.split(separator: "\n").first)
        // The committed timetable is proven optimal: bound = objective, no gap.
        #expect(original.status == .optimal)
        #expect(first.contains("optimal"))
        #expect(first.contains("objective \(original.objective!)"))
        #expect(first.contains("bound \(original.objective!)"))
        #expect(first.contains("gap 0.0%"))
        var feasible = original
        feasible.status = .feasible
        feasible.bound = 124486.7
        let header = try #require(TimetableText.text(feasible, instance: instance).split(separator: "\n").first)
        #expect(header.contains("feasible, objective 129990, bound 124486.7, gap 4.2%"), "\(header)")
        #expect(text.contains("Trains       29 of 30 scheduled, left out: "))
        #expect(text.contains("Border slots PXG-DDG PXG→DDG: "))
        #expect(text.contains("Customs lane PXG-C1 at PXG: "))
        #expect(text.contains("Siding peaks "))
    }

    @Test(arguments: [72, 80, 100, 160])
    func tableFitsTheWidth(_ width: Int) throws {
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        let text = TimetableText.text(schedule, instance: instance, style: TextStyle(width: width, colour: false))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let tableStart = try #require(lines.firstIndex { $0.hasPrefix("TRAIN") })
        // Rows of the table fit (the "not scheduled" note and the footnote may run on).
        let rows = lines[tableStart...].filter { !$0.contains("not scheduled") && !$0.hasPrefix("Times are") }
        #expect(rows.allSatisfy { $0.count <= width }, "widest \(rows.map(\.count).max() ?? 0)")
        #expect(lines[tableStart].contains("NAME") == (width >= 100))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func colourOnlyWhenAsked() throws {
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        #expect(TimetableText.text(schedule, instance: instance, style: TextStyle(width: 120, colour: true)).contains("\u{1B}[32moptimal"))
        var feasible = schedule
        feasible.status = .feasible
        #expect(TimetableText.text(feasible, instance: instance, style: TextStyle(width: 120, colour: true)).contains("\u{1B}[33mfeasible"))
        #expect(!TimetableText.text(schedule, instance: instance, style: .plain).contains("\u{1B}"))
    }
}
