@testable import RailFormulation
import RailDomain
import RailFormats
import Testing

/// Fixed trains get their border slots in the order they reach the border: listed first but
/// crossing later, X1 would take the slot that closes first, and X2, crossing earlier while only
/// that slot is open, would find none (a week's day plan of 47 trains beside 271 held ones had no
/// timetable from insertion for that reason).
@Suite("fixed trains' slots")
struct FixedSlotTests {
    static let yaml = """
        name: fixed-slots
        start: "2026-12-01T00:00+08:00"
        horizon_minutes: 1440
        stations:
          - { id: C, utc_offset: "+08:00", tracks: [{ id: C1, length_m: 800 }] }
          - { id: D, utc_offset: "+08:00", tracks: [{ id: D1, length_m: 800 }] }
        sections:
          - { from: C, to: D, tracks: 2, running_minutes: { freight: 10 }, headway_minutes: 5 }
        borders:
          - id: CD
            section: [C, D]
            slots:
              - { id: SA, opens: "2026-12-01T08:00+08:00", closes: "2026-12-01T09:40+08:00" }
              - { id: SB, opens: "2026-12-01T08:50+08:00", closes: "2026-12-01T11:20+08:00" }
              - { id: SC, opens: "2026-12-01T12:00+08:00", closes: "2026-12-01T13:00+08:00" }
        trains:
          - id: X1
            class: freight
            length_m: 500
            route: [C, D]
            fixed:
              - { station: C, departure: "2026-12-01T09:00+08:00" }
              - { station: D, arrival: "2026-12-01T09:10+08:00" }
          - id: X2
            class: freight
            length_m: 500
            route: [C, D]
            fixed:
              - { station: C, departure: "2026-12-01T08:40+08:00" }
              - { station: D, arrival: "2026-12-01T08:50+08:00" }
          - id: M
            class: freight
            length_m: 500
            route: [C, D]
            earliest_departure: "2026-12-01T12:00+08:00"
        """

    @Test func fixedTrainsTakeSlotsInTheOrderTheyCross() throws {
        let instance = try InstanceLoader.load(bytes: Array(Self.yaml.utf8), format: .yaml)
        let fixed = SingleTrainPlans.fixedHolding(instance).runs
        #expect(fixed[0]?.borderSlots.map(\.slot) == [SlotID("SB")])
        #expect(fixed[1]?.borderSlots.map(\.slot) == [SlotID("SA")])
        let runs = try #require(SingleTrainPlans.insertion(instance))
        var schedule = Schedule(instance: instance.name, status: .feasible, trains: runs)
        schedule.objective = ScheduleCost.compute(schedule, for: instance).total
        #expect(ScheduleValidator.validate(schedule, against: instance).isEmpty)
        #expect(runs[2].borderSlots.map(\.slot) == [SlotID("SC")])
        #expect(schedule.objective == 0)
    }
}
