import RailDomain
import Testing

@Suite("time")
struct TimeTests {
    @Test func parsesAndWritesInEachOffset() throws {
        let (instant, offset) = try Instant.parse("2026-12-01T07:30+08:00").get()
        #expect(offset == UTCOffset(minutes: 480))
        #expect(instant.iso8601(in: offset) == "2026-12-01T07:30+08:00")
        #expect(instant.iso8601(in: UTCOffset(minutes: 420)) == "2026-12-01T06:30+07:00")
        #expect(instant.iso8601(in: UTCOffset(minutes: 0)) == "2026-11-30T23:30+00:00")
        #expect(try Instant.parse("2026-12-01T07:30:00+08:00").get().0 == instant)
        #expect(try Instant.parse("2026-11-30T23:30Z").get().0 == instant)
    }

    @Test(arguments: [
        ("2026-12-01T07:30", Instant.ParseError.missingOffset),
        ("2026-12-01T07:30:15+08:00", .nonZeroSeconds),
        ("2026-12-01 07:30+08:00", .malformed),
        ("2026-13-01T07:30+08:00", .outOfRange("month")),
        ("2025-02-29T07:30+08:00", .outOfRange("day")),
        ("2026-12-01T24:00+08:00", .outOfRange("hour")),
        ("2026-12-01T07:60+08:00", .outOfRange("minute")),
        ("2026-12-01T07:30+8", .malformed),
        ("2026-12-01T07:30+19:00", .malformed),
        ("", .malformed),
    ])
    func rejects(_ text: String, _ expected: Instant.ParseError) {
        #expect(throws: expected) { try Instant.parse(text).get() }
    }

    @Test func leapYearsAndCivilDates() throws {
        #expect(try Instant.parse("2024-02-29T00:00Z").get().0.minutesSinceEpoch == 19782 * 1440)
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }
}

@Suite("opening hours")
struct OpeningHoursTests {
    let start = try! Instant.parse("2026-12-01T00:00+08:00").get().0

    private func hours(_ windows: [String], offset: Int = 480, horizon: Int = 1440) -> OpeningHours {
        OpeningHours(windows: windows.map { try! DailyWindow.parse($0).get() }, offset: UTCOffset(minutes: offset), planStart: start, horizon: horizon)
    }

    @Test func closedAtBothEnds() {
        let day = hours(["06:00-22:00"])
        #expect(day.isOpen(from: 360, to: 1320))
        #expect(!day.isOpen(from: 359, to: 400))
        #expect(!day.isOpen(from: 1300, to: 1321))
    }

    @Test func wrapsPastMidnightAndRepeatsDaily() {
        let night = hours(["22:00-06:00"], horizon: 2880)
        #expect(night.isOpen(from: 1320, to: 1800))  // 22:00 to 06:00 next day
        #expect(night.isOpen(from: 0, to: 360))  // the night before the plan started
        #expect(!night.isOpen(from: 400, to: 500))
        #expect(night.isOpen(from: 2760, to: 2880))
    }

    @Test func touchingWindowsMergeAcrossMidnight() {
        let merged = hours(["18:00-24:00", "00:00-06:00"], horizon: 2880)
        #expect(merged.isOpen(from: 1080, to: 1800))
        let split = hours(["06:00-12:00", "12:00-18:00"])
        #expect(split.isOpen(from: 400, to: 1000))
    }

    @Test func localTimeFollowsTheStationOffset() {
        // 06:00+07:00 is 07:00+08:00, plan minute 420.
        let vietnam = hours(["06:00-22:00"], offset: 420)
        #expect(vietnam.isOpen(from: 420, to: 420))
        #expect(!vietnam.isOpen(from: 419, to: 420))
    }

    @Test(arguments: ["06:00-06:00", "6:00-22:00", "06:00-24:01", "25:00-02:00", "06:00–22:00", "24:00-06:00"])
    func rejectsWindows(_ text: String) {
        #expect(throws: DailyWindow.ParseError.self) { try DailyWindow.parse(text).get() }
    }

    @Test func fullDay() throws {
        let window = try DailyWindow.parse("00:00-24:00").get()
        #expect(window.start == 0 && window.end == 1440)
    }
}
