import RailDomain
import RailFormats
import Testing

/// For each rule of spec section 4 (and the claims of section 6): the hand-checked basics
/// timetable passes, and a minimally broken one reports exactly that rule.
@Suite("validator, rule by rule")
struct ValidatorTests {
    let instance: Instance
    let valid: Schedule

    init() throws {
        instance = try Fixtures.basics()
        valid = try Fixtures.basicsTimetable(instance)
    }

    private func rules(_ schedule: Schedule, on instance: Instance? = nil) -> Set<Rule> {
        Set(ScheduleValidator.validate(schedule, against: instance ?? self.instance).map(\.rule))
    }

    private func messages(_ schedule: Schedule, on instance: Instance? = nil) -> [String] {
        ScheduleValidator.validate(schedule, against: instance ?? self.instance).map(\.message)
    }

    @Test func handCheckedTimetableIsValid() {
        #expect(ScheduleValidator.validate(valid, against: instance).isEmpty)
        #expect(ScheduleCost.compute(valid, for: instance).total == 100_177)
    }

    @Test func start() {
        let broken = valid.changing("F1") { $0.shift(from: 0, by: -1) }.withHonestClaims(instance)
        #expect(rules(broken) == [.start])
        #expect(messages(broken).first?.contains("before its earliest departure 07:00") == true)
    }

    @Test func horizon() throws {
        let short = try Fixtures.basics(replacing: "horizon_minutes: 1440", with: "horizon_minutes: 689")
        #expect(rules(valid, on: short) == [.start])
        #expect(messages(valid, on: short) == ["F2 arrives at B at 2026-12-01T11:30+08:00, after the plan's horizon ends at 2026-12-01T11:29+08:00"])
    }

    @Test func running() {
        let broken = valid.changing("F3") { $0.stops[2].arrival! += 1 }.withHonestClaims(instance)
        #expect(rules(broken) == [.running])
        #expect(messages(broken) == ["F3 runs B–C in 21 min; a freight train takes 20 min there"])
    }

    @Test func dwell() {
        let broken = valid.changing("F1") { $0.shift(from: 1, by: -1, keepingArrival: true) }.withHonestClaims(instance)
        #expect(rules(broken) == [.dwell])
        #expect(messages(broken).first?.contains("stands 1 min at B") == true)
    }

    @Test func trackOccupancyClearance() throws {
        let tighter = try Fixtures.basics(replacing: "clearance_minutes: 3\n    tracks:\n      - { id: B1", with: "clearance_minutes: 4\n    tracks:\n      - { id: B1")
        #expect(rules(valid, on: tighter) == [.trackOccupancy])
        #expect(messages(valid, on: tighter) == ["F3 arrives on B1 at 07:35, 3 min after F1 leaves at 07:32 (+08:00); the station's clearance is 4 min"])
    }

    @Test func trackOccupancyOverlap() {
        // F1 stands on B1 from 07:30 to 07:38, over F3's stand there from 07:35 to 07:37.
        let overlapping = valid.changing("F1") { $0.shift(from: 1, by: 6, keepingArrival: true) }.withHonestClaims(instance)
        #expect(rules(overlapping).contains(.trackOccupancy))
        #expect(messages(overlapping).contains("F1 and F3 both stand on B1 between 07:35 and 07:37 (+08:00)"))
    }

    @Test func trackLength() {
        let broken = valid.changing("F3") { $0.stops[1].track = "B2" }.withHonestClaims(instance)
        #expect(rules(broken) == [.trackLength])
        #expect(messages(broken) == ["F3 (700 m) does not fit on B2 (500 m)"])
    }

    @Test func trackKindSidingForCustoms() {
        let broken = valid.changing("F1") { $0.stops[2].track = "C1" }.withHonestClaims(instance)
        #expect(rules(broken) == [.trackKind])
    }

    @Test func trackKindCargo() throws {
        let containerOnly = try Fixtures.basics(replacing: "cargo: [container, bulk]", with: "cargo: [container]")
        #expect(rules(valid, on: containerOnly) == [.trackKind])
        #expect(messages(valid, on: containerOnly).first?.contains("does not inspect bulk") == true)
    }

    @Test func trackKindCustomsLaneForPlainStop() {
        let broken = valid.changing("F3") { $0.stops[1].track = "CC1" }.withHonestClaims(instance)
        #expect(rules(broken) == [.trackKind])
    }

    @Test func trackOpen() throws {
        let lateOpening = try Fixtures.basics(replacing: "open: [\"06:00-20:00\"]", with: "open: [\"08:00-20:00\"]")
        #expect(rules(valid, on: lateOpening) == [.trackOpen])
        #expect(messages(valid, on: lateOpening) == ["F1 stands on CC1 07:52–08:22 (+08:00), outside its opening hours 08:00-20:00"])
    }

    @Test func headway() {
        let broken = valid.changing("F3") { $0.shift(from: 1, by: -1, keepingArrival: true) }.withHonestClaims(instance)
        #expect(rules(broken) == [.headway])
        #expect(messages(broken).first?.contains("F3 follows F1 through B–C 4 min behind") == true)
    }

    @Test func meet() {
        let broken = valid.changing("F1") { $0.shift(from: 3, by: 48, keepingArrival: true) }.withHonestClaims(instance)
        #expect(rules(broken) == [.meet])
        #expect(messages(broken).first?.contains("meet on single-track section D–E") == true)
    }

    @Test func borderSlotWindowAndDirection() {
        let broken = valid.changing("F1") { $0.borderSlots = [SlotUse(border: "CD", slot: "S3")] }.withHonestClaims(instance)
        #expect(rules(broken) == [.borderSlot])
        let wrongWay = valid.changing("F1") { $0.borderSlots = [SlotUse(border: "CD", slot: "S2")] }
        #expect(rules(wrongWay).contains(.borderSlot))
        let missing = valid.changing("F2") { $0.borderSlots = [] }
        #expect(rules(missing) == [.borderSlot])
    }

    @Test func slotCapacity() throws {
        let oneWide = try Fixtures.basics(
            replacing: "{ id: S3, opens: \"2026-12-01T12:00+08:00\", closes: \"2026-12-01T12:30+08:00\", capacity: 2 }",
            with: "{ id: S3, opens: \"2026-12-01T08:00+08:00\", closes: \"2026-12-01T11:30+08:00\" }")
        let shared = valid.changing("F1") { $0.borderSlots = [SlotUse(border: "CD", slot: "S3")] }
            .changing("F2") { $0.borderSlots = [SlotUse(border: "CD", slot: "S3")] }
        #expect(rules(shared, on: oneWide) == [.slotCapacity])
    }

    @Test func fixed() {
        let broken = valid.changing("P1") { $0.shift(from: 1, by: 1, keepingArrival: true) }.withHonestClaims(instance)
        #expect(rules(broken) == [.fixed])
        #expect(messages(broken).count == 2)
    }

    @Test func nonOptionalTrainLeftOut() {
        let broken = valid.changing("F3") { $0 = TrainRun(train: "F3", scheduled: false) }.withHonestClaims(instance)
        #expect(rules(broken) == [.unscheduled])
    }

    @Test func optionalTrainScheduledOrNot() {
        // O1 left out costs its penalty; that is what the valid timetable claims.
        #expect(ScheduleCost.compute(valid, for: instance).perTrain.first { $0.train == "O1" }?.cost == 100_000)
    }

    @Test func format() {
        let trackWhilePassing = valid.changing("F2") { $0.stops[2].track = "C1" }
        #expect(rules(trackWhilePassing) == [.format])
        let missingTrain = Schedule(instance: valid.instance, status: valid.status, objective: valid.objective, bound: valid.bound,
                                    trains: valid.trains.filter { $0.train != "O1" })
        #expect(rules(missingTrain) == [.format])
        let customsUnmarked = valid.changing("F1") { $0.stops[3].customs = false }
        #expect(rules(customsUnmarked) == [.format])
        let reordered = Schedule(instance: valid.instance, status: valid.status, objective: valid.objective, bound: valid.bound,
                                 trains: valid.trains.reversed())
        #expect(rules(reordered) == [.format])
    }

    @Test func lateness() {
        let broken = valid.changing("F3") { $0.latenessMinutes = 0 }
        #expect(rules(broken) == [.lateness])
    }

    @Test func objective() {
        var broken = valid
        broken.objective = 100_176
        #expect(rules(broken) == [.objective])
        #expect(messages(broken) == ["the timetable claims objective 100176; its times cost 100177"])
    }

    @Test func status() {
        var unproven = valid
        unproven.status = .optimal
        #expect(rules(unproven) == [.status])
        var proven = valid
        proven.status = .optimal
        proven.bound = 100_176.2
        #expect(rules(proven).isEmpty)
        var impossible = valid
        impossible.bound = 100_178
        #expect(rules(impossible) == [.status])
    }

    @Test func timesInAnotherOffsetAreAFormatViolation() throws {
        let text = try Fixtures.text("examples/basics/line.timetable.json")
            .replacingOccurrences(of: "\"2026-12-01T08:32+07:00\"", with: "\"2026-12-01T09:32+08:00\"")
        let document = try TimetableReader.load(bytes: Array(text.utf8), instance: instance)
        #expect(document.formatViolations.map(\.rule) == [.format])
        #expect(ScheduleValidator.validate(document.schedule, against: instance).isEmpty)
    }
}
