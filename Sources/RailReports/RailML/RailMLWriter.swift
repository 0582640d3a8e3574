import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RailDomain

/// A timetable as railML 2.2: `infrastructure` (operation control points and tracks: every
/// station track and every section of line) and `timetable` (period, operating period, one
/// `trainPart` per scheduled train with its `ocpsTT`, and `trains`). Built as an XML tree with
/// Foundation's `XMLDocument` (libxml2), so escaping and namespaces are the library's. Trains
/// left out of the plan are not written (railML has no train without a run).
public enum RailMLWriter {
    public static func text(_ schedule: Schedule, instance: Instance) -> String {
        document(schedule, instance: instance).xmlString(options: [.nodePrettyPrint, .nodeCompactEmptyElement]) + "\n"
    }

    static func document(_ schedule: Schedule, instance: Instance) -> XMLDocument {
        let root = element("railml", ["version": RailML.version])
        root.addNamespace(namespace(nil, RailML.namespace))
        root.addNamespace(namespace(RailML.extensionPrefix, RailML.extensionNamespace))
        root.addChild(infrastructure(instance))
        root.addChild(timetable(schedule, instance: instance))
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        return document
    }

    private static func infrastructure(_ instance: Instance) -> XMLElement {
        let infrastructure = element("infrastructure", ["id": "inf_" + instance.name, "name": instance.name])
        let tracks = element("tracks")
        for station in instance.stations {
            for track in station.tracks {
                tracks.addChild(trackElement(id: RailML.trackID(track.id), name: track.id.rawValue,
                                             type: track.kind == .customs ? "secondaryTrack" : "sidingTrack",
                                             length: track.lengthMeters, at: [station.id],
                                             extra: track.kind == .customs ? ["\(RailML.extensionPrefix):customs": "true"] : [:]))
            }
        }
        for section in instance.sections {
            tracks.addChild(trackElement(id: RailML.sectionTrackID(section), name: section.label, type: "mainTrack", length: nil,
                                         at: [section.from, section.to],
                                         extra: ["\(RailML.extensionPrefix):tracks": String(section.trackage.rawValue)]))
        }
        infrastructure.addChild(tracks)
        let points = element("operationControlPoints")
        for station in instance.stations {
            let ocp = element("ocp", ["id": RailML.ocpID(station.id), "code": station.id.rawValue, "name": station.displayName,
                                      "\(RailML.extensionPrefix):utcOffset": station.utcOffset.description])
            ocp.addChild(element("propOperational", ["operationalType": "station"]))
            points.addChild(ocp)
        }
        infrastructure.addChild(points)
        return infrastructure
    }

    /// A track from its begin to its end, tied to its station(s) by cross sections.
    private static func trackElement(id: String, name: String, type: String, length: Double?, at stations: [StationID],
                                     extra: [String: String]) -> XMLElement {
        var attributes = ["id": id, "name": name, "type": type, "mainDir": "none"]
        attributes.merge(extra) { a, _ in a }
        let track = element("track", attributes)
        let topology = element("trackTopology")
        let end = length.map { RailMLWriter.number($0) } ?? "0"
        let begin = element("trackBegin", ["id": id + "_b", "pos": "0"])
        begin.addChild(element("openEnd", ["id": id + "_b_oe"]))
        let finish = element("trackEnd", ["id": id + "_e", "pos": end])
        finish.addChild(element("openEnd", ["id": id + "_e_oe"]))
        topology.addChild(begin)
        topology.addChild(finish)
        let crossSections = element("crossSections")
        for (k, station) in stations.enumerated() {
            crossSections.addChild(element("crossSection", ["id": "\(id)_cs\(k)", "ocpRef": RailML.ocpID(station),
                                                            "pos": k == 0 ? "0" : end]))
        }
        topology.addChild(crossSections)
        track.addChild(topology)
        return track
    }

    private static func timetable(_ schedule: Schedule, instance: Instance) -> XMLElement {
        let timetable = element("timetable", ["id": "tt_" + instance.name, "infrastructureRef": "inf_" + instance.name,
                                              "\(RailML.extensionPrefix):status": schedule.status.rawValue])
        if let objective = schedule.objective { timetable.addAttribute(attribute("\(RailML.extensionPrefix):objective", String(objective))) }
        let firstDay = RailML.firstLocalDay(instance)
        let lastDay = (instance.start + max(0, instance.horizonMinutes - 1)).localDay(in: instance.startOffset)
        let periods = element("timetablePeriods")
        periods.addChild(element("timetablePeriod", ["id": "ttp_1", "startDate": RailML.isoDate(localDay: firstDay),
                                                     "endDate": RailML.isoDate(localDay: lastDay)]))
        timetable.addChild(periods)
        let operating = element("operatingPeriods")
        let period = element("operatingPeriod", ["id": "opp_1", "timetablePeriodRef": "ttp_1",
                                                 "startDate": RailML.isoDate(localDay: firstDay), "endDate": RailML.isoDate(localDay: firstDay),
                                                 "bitMask": "1"])
        operating.addChild(period)
        timetable.addChild(operating)
        let parts = element("trainParts"), trains = element("trains")
        for run in schedule.trains where run.scheduled {
            parts.addChild(trainPart(run, instance: instance))
            let train = element("train", ["id": RailML.trainID(run.train), "type": "operational", "trainNumber": run.train.rawValue])
            let sequence = element("trainPartSequence", ["sequence": "1"])
            sequence.addChild(element("trainPartRef", ["ref": RailML.trainPartID(run.train)]))
            train.addChild(sequence)
            trains.addChild(train)
        }
        timetable.addChild(parts)
        timetable.addChild(trains)
        return timetable
    }

    private static func trainPart(_ run: TrainRun, instance: Instance) -> XMLElement {
        var attributes = ["id": RailML.trainPartID(run.train), "trainNumber": run.train.rawValue,
                          "\(RailML.extensionPrefix):latenessMinutes": String(run.latenessMinutes ?? 0)]
        if let train = instance.trains.first(where: { $0.id == run.train }) {
            attributes["trainLine"] = train.trainClass.rawValue
        }
        if !run.borderSlots.isEmpty {
            attributes["\(RailML.extensionPrefix):borderSlots"] = run.borderSlots.map { "\($0.border)/\($0.slot)" }.joined(separator: " ")
        }
        let part = element("trainPart", attributes)
        part.addChild(element("operatingPeriodRef", ["ref": "opp_1"]))
        let stops = element("ocpsTT")
        for (k, stop) in run.stops.enumerated() {
            let isEnd = k == 0 || k == run.stops.count - 1
            var ocpAttributes = ["ocpRef": RailML.ocpID(stop.station), "sequence": String(k + 1),
                                 "ocpType": isEnd || stop.stands ? "stop" : "pass"]
            if let track = stop.track { ocpAttributes["trackRef"] = RailML.trackID(track) }
            if stop.customs { ocpAttributes["\(RailML.extensionPrefix):customs"] = "true" }
            let ocpTT = element("ocpTT", ocpAttributes)
            var times = ["scope": "scheduled"]
            if let arrival = stop.arrival {
                let local = RailML.localTime(arrival, at: stop.station, instance: instance)
                times["arrival"] = local.time
                times["arrivalDay"] = String(local.day)
            }
            if let departure = stop.departure {
                let local = RailML.localTime(departure, at: stop.station, instance: instance)
                times["departure"] = local.time
                times["departureDay"] = String(local.day)
            }
            ocpTT.addChild(element("times", times))
            stops.addChild(ocpTT)
        }
        part.addChild(stops)
        return part
    }

    /// Attribute order is fixed (the order of `attributeOrder`, then by name) so that the bytes
    /// are the same on every run.
    static func element(_ name: String, _ attributes: [String: String] = [:]) -> XMLElement {
        let element = XMLElement(name: name)
        for key in attributes.keys.sorted(by: attributeOrder) {
            element.addAttribute(attribute(key, attributes[key]!))
        }
        return element
    }

    private static let leading = ["id", "ref", "ocpRef", "sequence", "ocpType", "scope", "version"]

    private static func attributeOrder(_ a: String, _ b: String) -> Bool {
        let ia = leading.firstIndex(of: a) ?? leading.count, ib = leading.firstIndex(of: b) ?? leading.count
        return ia != ib ? ia < ib : a < b
    }

    static func attribute(_ name: String, _ value: String) -> XMLNode {
        let node = XMLNode(kind: .attribute)
        node.name = name
        node.stringValue = value
        return node
    }

    private static func namespace(_ prefix: String?, _ uri: String) -> XMLNode {
        let node = XMLNode(kind: .namespace)
        node.name = prefix ?? ""
        node.stringValue = uri
        return node
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
