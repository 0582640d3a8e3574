import Foundation
import RailBatch
import RailDomain
import RailFormats
import Testing

@Suite("what-if scenarios")
struct ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func pingxiang() throws -> Instance {
        try InstanceLoader.load(path: root.appendingPathComponent("examples/pingxiang/pingxiang-2026-12-01.yaml").path)
    }

    static func variant(_ text: String) throws -> Instance {
        let written = try Scenarios.apply(try ScenarioVariant(parsing: text), to: try pingxiang())
        return try InstanceLoader.load(bytes: Array(written.utf8), format: .json)
    }

    @Test func removeAndAddSlots() throws {
        let base = try Self.pingxiang()
        let fewer = try Self.variant("remove-slot=PXG-DDG/S04")
        #expect(fewer.borders[0].slots.count == base.borders[0].slots.count - 1)
        #expect(!fewer.borders[0].slots.contains { $0.id.rawValue == "S04" })
        let more = try Self.variant("add-slot=PXG-DDG/X10@PXG,13:00-13:40x2")
        let added = try #require(more.borders[0].slots.first { $0.id.rawValue == "X10" })
        #expect(added.fromStation?.rawValue == "PXG")
        #expect(added.capacity == 2)
        // 13:00 at +08:00 on the plan's first day, which starts at 00:00 +08:00.
        #expect(added.opens == 13 * 60 && added.closes == 13 * 60 + 40)
        #expect(fewer.name == "pingxiang-2026-12-01--remove-slot-PXG-DDG-S04")
    }

    @Test func closeALaneForHours() throws {
        let closed = try Self.variant("close-lane=DDG-C1@10:00-14:00")
        let lane = try #require(closed.track(TrackID(rawValue: "DDG-C1"))?.track)
        #expect(lane.openWindows.map(\.description) == ["06:00-10:00", "14:00-22:00"])
        // An always-open lane gets the hours around the closure.
        let always = try Self.variant("close-lane=PXG-C1@08:00-09:30")
        let alwaysLane = try #require(always.track(TrackID(rawValue: "PXG-C1"))?.track)
        #expect(alwaysLane.openWindows.map(\.description) == ["00:00-08:00", "09:30-24:00"])
    }

    @Test func scaleShiftAndMoveDays() throws {
        let base = try Self.pingxiang()
        let movable = base.trains.filter { !$0.isFixed }.count
        let more = try Self.variant("scale-trains=1.3")
        let added = more.trains.filter { $0.id.rawValue.hasSuffix("-x1") }
        #expect(added.count == Int((Double(movable) * 1.3).rounded()) - movable)
        #expect(added.allSatisfy { $0.isOptional })
        let fewer = try Self.variant("scale-trains=0.5")
        #expect(fewer.trains.filter { !$0.isFixed }.count == Int((Double(movable) * 0.5).rounded()))
        #expect(fewer.trains.filter(\.isFixed).count == base.trains.filter(\.isFixed).count)
        let later = try Self.variant("shift-demand=60")
        for (a, b) in zip(base.trains, later.trains) where !a.isFixed {
            #expect(b.earliestDeparture == a.earliestDeparture.map { $0 + 60 })
        }
        let tomorrow = try Self.variant("shift-days=1")
        #expect(tomorrow.start - base.start == 1440)
        #expect(tomorrow.trains.map(\.earliestDeparture) == base.trains.map(\.earliestDeparture))
        let both = try Self.variant("shift-days=2;remove-slot=PXG-DDG/N01")
        #expect(both.start - base.start == 2880 && both.borders[0].slots.count == base.borders[0].slots.count - 1)
    }

    @Test func badVariantsAreNamed() throws {
        for text in ["remove-slot=PXG-DDG/S99", "close-lane=NOPE@01:00-02:00", "add-slot=PXG-DDG/S01@PXG,01:00-02:00"] {
            #expect(throws: Scenarios.VariantError.self) { try Scenarios.apply(try ScenarioVariant(parsing: text), to: try Self.pingxiang()) }
        }
        for text in ["", "scale-trains=-1", "close-lane=DDG-C1@14:00-10:00", "fly=1", "remove-slot"] {
            #expect(throws: ScenarioVariant.ParseError.self) { try ScenarioVariant(parsing: text) }
        }
    }
}
