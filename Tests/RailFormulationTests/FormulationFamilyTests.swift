import MIP
@testable import RailFormulation
import RailDomain
import RailFormats
import Testing

/// The model's constraint families, one at a time: the hand-checked basics timetable, encoded as
/// a point of the model, satisfies every row; a minimally broken one breaks rows of exactly the
/// family that stands for the broken rule.
@Suite("constraint families")
struct FormulationFamilyTests {
    let instance: Instance
    let valid: [TrainRun]
    let model: TimetableModel

    init() throws {
        instance = try Examples.load("examples/basics/line.yaml")
        valid = try TimetableReader.load(path: Examples.root.appendingPathComponent("examples/basics/line.timetable.json").path, instance: instance).schedule.trains
        model = TimetableModel.build(instance, extra: instance.trains.map { _ in 600 })
    }

    /// Families of the rows a timetable breaks (row names are `family_…`); nil when its times lie
    /// outside the model's windows, which the windows' propagation excludes already.
    private func brokenFamilies(_ runs: [TrainRun], in model: TimetableModel? = nil) -> Set<String>? {
        let model = model ?? self.model
        guard let point = model.point(for: runs) else { return nil }
        return Set(model.model.violations(of: point).map { violation -> String in
            guard case .constraint(_, let name) = violation.place else { return "bounds" }
            return String(name.prefix { $0 != "_" })
        })
    }

    private func changing(_ train: TrainID, _ change: (inout TrainRun) -> Void) -> [TrainRun] {
        var runs = valid
        let index = runs.firstIndex { $0.train == train }!
        change(&runs[index])
        return runs
    }

    private func shift(_ run: inout TrainRun, from position: Int, by minutes: Int, keepingArrival: Bool = false) {
        for k in position..<run.stops.count {
            if !(k == position && keepingArrival) { run.stops[k].arrival = run.stops[k].arrival.map { $0 + minutes } }
            run.stops[k].departure = run.stops[k].departure.map { $0 + minutes }
        }
    }

    @Test func handCheckedTimetableSatisfiesEveryRow() throws {
        #expect(brokenFamilies(valid) == [])
    }

    @Test func objectiveOfTheEncodedTimetableIsItsCost() throws {
        guard let point = model.point(for: valid) else {
            Issue.record("the hand-checked timetable lies outside the model's windows")
            return
        }
        #expect(model.model.objectiveValue(at: point) == 100_177)
    }

    @Test func running() throws {
        // F3 reaches B a minute later than its departure from A and the running time allow.
        #expect(brokenFamilies(changing("F3") { $0.stops[1].arrival! += 1 }) == ["running"])
    }

    @Test func dwell() throws {
        // F1 stands 1 minute at B where it must stand 2: outside its windows, or a broken dwell row.
        let families = brokenFamilies(changing("F1") { shift(&$0, from: 1, by: -1, keepingArrival: true) })
        #expect(families == nil || families == ["dwell"])
        // F2 leaves E ten minutes later and so stands 10 minutes of its 15 of customs at D.
        #expect(brokenFamilies(changing("F2") { $0.stops[0].departure = 610; $0.stops[1].arrival = 650 }) == ["dwell"])
    }

    @Test func trackOccupancy() throws {
        let overlapping = changing("F1") { shift(&$0, from: 1, by: 6, keepingArrival: true) }
        #expect(brokenFamilies(overlapping)?.contains("tracks") == true)
    }

    @Test func headway() throws {
        #expect(brokenFamilies(changing("F3") { shift(&$0, from: 1, by: -1, keepingArrival: true) }) == ["headway"])
    }

    @Test func meet() throws {
        #expect(brokenFamilies(changing("F1") { shift(&$0, from: 3, by: 48, keepingArrival: true) }) == ["meet"])
    }

    @Test func borderSlot() throws {
        #expect(brokenFamilies(changing("F1") { $0.borderSlots = [SlotUse(border: "CD", slot: "S3")] }) == ["slot"])
    }

    @Test func openingHours() throws {
        let yaml = try String(contentsOf: Examples.root.appendingPathComponent("examples/basics/line.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "open: [\"06:00-20:00\"]", with: "open: [\"08:00-20:00\"]")
        let lateOpening = try InstanceLoader.load(bytes: Array(yaml.utf8), format: .yaml)
        let model = TimetableModel.build(lateOpening, extra: lateOpening.trains.map { _ in 600 })
        // F1 stands on CC1 from 07:52, before the lane opens: outside its windows (propagation
        // starts the stand at the opening), or a broken opening-hours row.
        let families = brokenFamilies(valid, in: model)
        #expect(families == nil || families == ["open"])
    }
}
