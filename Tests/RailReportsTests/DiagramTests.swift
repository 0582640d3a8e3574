import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RailDomain
import RailReports
import Testing

@Suite("diagram")
struct DiagramTests {
    @Test(arguments: ReportFixtures.examples)
    func wellFormedWithAPathPerScheduledTrain(_ name: String) throws {
        let (instance, schedule) = try ReportFixtures.example(name)
        let document = try XMLDocument(xmlString: TimetableDiagram.svg(schedule, instance: instance), options: [])
        let drawn = try document.nodes(forXPath: "//*[local-name()='g'][@class='train']/@data-train").compactMap(\.stringValue)
        #expect(drawn == schedule.trains.filter(\.scheduled).map(\.train.rawValue))
        let paths = try document.nodes(forXPath: "//*[local-name()='polyline'][@class='train-path']")
        #expect(paths.count == drawn.count)
        // One axis per UTC offset of the corridor.
        let offsets = Set(instance.stations.map(\.utcOffset))
        #expect(try document.nodes(forXPath: "//*[@class='axis']").count == offsets.count)
        // A Gantt row per station track, with a bar per stand.
        #expect(try document.nodes(forXPath: "//*[@class='track-row']").count == instance.stations.reduce(0) { $0 + $1.tracks.count })
        let stands = schedule.trains.filter(\.scheduled).flatMap(\.stops).filter { $0.track != nil }.count
        #expect(try document.nodes(forXPath: "//*[@class='occupation']").count == stands)
    }

    /// The committed picture is what the current code draws (deterministic bytes).
    @Test func pingxiangDiagramIsReproducible() throws {
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        let svg = TimetableDiagram.svg(schedule, instance: instance)
        #expect(svg == TimetableDiagram.svg(schedule, instance: instance))
        let committed = try String(contentsOfFile: ReportFixtures.path("examples/pingxiang/pingxiang-2026-12-01.diagram.svg"), encoding: .utf8)
        #expect(svg == committed, "regenerate with: railslot diagram examples/pingxiang/pingxiang-2026-12-01.yaml examples/pingxiang/pingxiang-2026-12-01.timetable.json -o examples/pingxiang/pingxiang-2026-12-01.diagram.svg")
    }

    /// A train left out is not drawn, so the heading names it with the timetable's reason.
    @Test func leftOutTrainsAreNamedWithTheirReason() throws {
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        let svg = TimetableDiagram.svg(schedule, instance: instance)
        #expect(svg.contains("Not scheduled: X9809 (left out: "))
        var plain = schedule
        plain.trains = plain.trains.filter(\.scheduled)
        #expect(!TimetableDiagram.svg(plain, instance: instance).contains("Not scheduled"))
    }

    @Test func meetsOnSingleTrackAreMarked() throws {
        let (instance, schedule) = try ReportFixtures.example("basics/meet")
        let document = try XMLDocument(xmlString: TimetableDiagram.svg(schedule, instance: instance), options: [])
        #expect(try document.nodes(forXPath: "//*[local-name()='circle'][@class='meet']").count >= 1)
    }

    @Test func htmlHoldsTheSVG() throws {
        let (instance, schedule) = try ReportFixtures.example("basics/line")
        let html = TimetableDiagram.html(schedule, instance: instance)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(TimetableDiagram.svg(schedule, instance: instance)))
    }
}
