import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RailDomain
import RailReports
import Testing

@Suite("railML export")
struct RailMLTests {
    @Test(arguments: ReportFixtures.examples)
    func roundTripKeepsEveryTrainAndTime(_ name: String) throws {
        let (instance, schedule) = try ReportFixtures.example(name)
        let back = try RailMLReader.schedule(from: RailMLWriter.text(schedule, instance: instance), instance: instance)
        // railML has no field for why a train is left out: everything else comes back.
        let withoutReasons = schedule.trains.map { run in
            var copy = run
            copy.reason = nil
            return copy
        }
        #expect(back.trains == withoutReasons)
        #expect(back.status == schedule.status)
        #expect(back.objective == schedule.objective)
    }

    /// Times past midnight (and before the plan's first day) come back through the day offsets.
    @Test(arguments: [-600, 1000, 3000])
    func dayOffsetsRoundTrip(_ minutes: Int) throws {
        let (instance, schedule) = try ReportFixtures.example("basics/line")
        let moved = ReportFixtures.shifted(schedule, by: minutes)
        let text = RailMLWriter.text(moved, instance: instance)
        #expect(text.contains(minutes > 0 ? "departureDay=\"\(minutes >= 3000 ? 2 : 1)\"" : "departureDay=\"-1\""))
        let back = try RailMLReader.schedule(from: text, instance: instance)
        #expect(back.trains == moved.trains)
    }

    /// The railML 2 structure the issue names, checked with XPath on an independent parse.
    @Test func hasTheRailML2Structure() throws {
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        let document = try XMLDocument(xmlString: RailMLWriter.text(schedule, instance: instance), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "railml")
        #expect(root.uri == "http://www.railml.org/schemas/2013")
        #expect(try document.nodes(forXPath: "/*/@version").first?.stringValue == "2.2")
        func count(_ path: String) throws -> Int { try document.nodes(forXPath: path).count }
        func local(_ names: String) -> String { names.split(separator: "/").map { "*[local-name()='\($0)']" }.joined(separator: "/") }
        #expect(try count("/" + local("railml/infrastructure/operationControlPoints/ocp")) == instance.stations.count)
        let stationTracks = instance.stations.reduce(0) { $0 + $1.tracks.count }
        #expect(try count("/" + local("railml/infrastructure/tracks/track")) == stationTracks + instance.sections.count)
        #expect(try count("/" + local("railml/timetable/timetablePeriods/timetablePeriod")) == 1)
        #expect(try count("/" + local("railml/timetable/operatingPeriods/operatingPeriod")) == 1)
        let scheduled = schedule.trains.filter(\.scheduled)
        #expect(try count("/" + local("railml/timetable/trainParts/trainPart")) == scheduled.count)
        #expect(try count("/" + local("railml/timetable/trains/train")) == scheduled.count)
        let stops = scheduled.reduce(0) { $0 + $1.stops.count }
        #expect(try count("/" + local("railml/timetable/trainParts/trainPart/ocpsTT/ocpTT")) == stops)
        #expect(try count("//" + local("ocpTT") + "[@ocpType='pass']") == scheduled.reduce(0) { total, run in
            total + run.stops.enumerated().filter { k, stop in k > 0 && k < run.stops.count - 1 && !stop.stands }.count
        })
        let tracked = scheduled.reduce(0) { $0 + $1.stops.filter { $0.track != nil }.count }
        #expect(try count("//" + local("ocpTT") + "[@trackRef]") == tracked)
        #expect(try count("//" + local("ocpTT") + "/" + local("times") + "[@scope='scheduled']") == stops)
        // Every trackRef and ocpRef points at an element of the infrastructure.
        let ids = Set(try document.nodes(forXPath: "//@id").compactMap(\.stringValue))
        let references = try document.nodes(forXPath: "//@trackRef | //@ocpRef | //@ref").compactMap(\.stringValue)
        #expect(!references.isEmpty)
        #expect(references.allSatisfy(ids.contains))
    }

    @Test func sameTimetableSameBytes() throws {
        let (instance, schedule) = try ReportFixtures.example("pingxiang/pingxiang-2026-12-01")
        #expect(RailMLWriter.text(schedule, instance: instance) == RailMLWriter.text(schedule, instance: instance))
    }

    @Test func foreignOrBrokenXMLIsRejected() throws {
        let (instance, _) = try ReportFixtures.example("basics/line")
        #expect(throws: (any Error).self) { try RailMLReader.schedule(from: "<railml", instance: instance) }
        #expect(throws: (any Error).self) { try RailMLReader.schedule(from: "<railml version=\"2.2\"/>", instance: instance) }
    }
}
