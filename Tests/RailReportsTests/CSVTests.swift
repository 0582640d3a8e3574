import CSV
import RailDomain
import RailFormats
import RailReports
import Testing

@Suite("CSV timetable")
struct CSVTests {
    @Test(arguments: ReportFixtures.examples)
    func roundTripKeepsEveryTrainAndTime(_ name: String) throws {
        let (instance, schedule) = try ReportFixtures.example(name)
        let text = TimetableCSV.text(schedule, instance: instance)
        let back = try TimetableCSV.schedule(from: text, instance: instance)
        #expect(back.trains == schedule.trains)
    }

    @Test func quotesFieldsWithCommasQuotesAndLineBreaks() throws {
        let (instance, original) = try ReportFixtures.example("basics/line")
        var schedule = original
        let index = try #require(schedule.trains.firstIndex { $0.train.rawValue == "O1" })
        let reason = "no slot, \"S3\" full\nand no siding"
        schedule.trains[index] = TrainRun(train: schedule.trains[index].train, scheduled: false, reason: reason)
        let text = TimetableCSV.text(schedule, instance: instance)
        #expect(text.contains("\"no slot, \"\"S3\"\" full\nand no siding\""))
        // An independent reader (CSV.swift's) sees the field whole.
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var reasons: [String] = []
        while let row = reader.next() { if row[0] == "O1" { reasons.append(row[11]) } }
        #expect(reasons == [reason])
        let back = try TimetableCSV.schedule(from: text, instance: instance)
        #expect(back.trains == schedule.trains)
        #expect(back.run(of: schedule.trains[index].train)?.reason == reason)
    }

    @Test func columnsAndTimesAreDocumentedOnes() throws {
        let (instance, schedule) = try ReportFixtures.example("basics/line")
        let lines = TimetableCSV.text(schedule, instance: instance).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "train,scheduled,stop,station,arrival,departure,dwell_minutes,track,customs,border_slots,lateness_minutes,reason")
        let stops = schedule.trains.reduce(0) { $0 + ($1.scheduled ? $1.stops.count : 1) }
        #expect(lines.count == stops + 2, "header, one row per stop, final line break")
        // Times carry the station's own offset: E is in Vietnam.
        #expect(lines.contains { $0.hasPrefix("F1,true,4,E,2026-12-01T") && $0.contains("+07:00") })
    }

    @Test func badRowsAreNamed() throws {
        let (instance, schedule) = try ReportFixtures.example("basics/line")
        let text = TimetableCSV.text(schedule, instance: instance).replacingOccurrences(of: "2026-12-01T07:00+08:00", with: "7 o'clock")
        #expect(throws: InputError.self) { try TimetableCSV.schedule(from: text, instance: instance) }
        do {
            _ = try TimetableCSV.schedule(from: text, instance: instance)
        } catch {
            #expect(error.problems.contains { $0.place.hasPrefix("row 2.departure") })
        }
    }
}
