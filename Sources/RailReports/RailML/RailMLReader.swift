import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RailDomain
import RailFormats

/// Reads back what `RailMLWriter` writes: every `trainPart` as a scheduled run in plan minutes of
/// `instance` (tracks, customs and border slots included); trains of the instance without a
/// train part are unscheduled. Problems name the element they are in.
public enum RailMLReader {
    public static func schedule(from text: String, instance: Instance) throws(InputError) -> Schedule {
        let document: XMLDocument
        do {
            document = try XMLDocument(xmlString: text, options: [])
        } catch {
            throw InputError(file: nil, problems: [InputProblem(place: "railml", "not well-formed XML: \(error)")])
        }
        // The nodes live in the document's libxml2 tree: keep the document alive while reading them.
        return try withExtendedLifetime(document) { () throws(InputError) -> Schedule in try read(document, instance: instance) }
    }

    private static func read(_ document: XMLDocument, instance: Instance) throws(InputError) -> Schedule {
        guard let root = document.rootElement(), root.localName == "railml", root.uri == RailML.namespace else {
            throw InputError(file: nil, problems: [InputProblem(place: "railml", "the root element is not railML 2 (namespace \(RailML.namespace))")])
        }
        var problems: [InputProblem] = []
        var runs: [TrainID: TrainRun] = [:]
        let timetable = children(root, "timetable").first
        let status = timetable.flatMap { extensionAttribute($0, "status") }.flatMap(ScheduleStatus.init(rawValue:)) ?? .feasible
        let objective = timetable.flatMap { extensionAttribute($0, "objective") }.flatMap { Int($0) }
        let parts = timetable.map { children($0, "trainParts").flatMap { children($0, "trainPart") } } ?? []
        for (p, part) in parts.enumerated() {
            let place = "trainParts/trainPart[\(p)]"
            guard let id = plain(part, "trainNumber") else {
                problems.append(InputProblem(place: place, "no trainNumber"))
                continue
            }
            var run = TrainRun(train: TrainID(rawValue: id), scheduled: true,
                               latenessMinutes: extensionAttribute(part, "latenessMinutes").flatMap { Int($0) })
            run.borderSlots = (extensionAttribute(part, "borderSlots") ?? "").split(separator: " ").compactMap { pair in
                let halves = pair.split(separator: "/", maxSplits: 1)
                return halves.count == 2 ? SlotUse(border: BorderID(rawValue: String(halves[0])), slot: SlotID(rawValue: String(halves[1]))) : nil
            }
            let stops = children(part, "ocpsTT").flatMap { children($0, "ocpTT") }
            for (k, stopElement) in stops.enumerated() {
                let stopPlace = "\(place)/ocpsTT/ocpTT[\(k)]"
                guard let ocp = plain(stopElement, "ocpRef"), let station = RailML.strip("ocp_", from: ocp) else {
                    problems.append(InputProblem(place: stopPlace, "no ocpRef to a station"))
                    continue
                }
                let stationID = StationID(rawValue: station)
                var stop = StopTime(station: stationID)
                stop.track = plain(stopElement, "trackRef").flatMap { RailML.strip("trk_", from: $0) }.map(TrackID.init(rawValue:))
                stop.customs = extensionAttribute(stopElement, "customs") == "true"
                let times = children(stopElement, "times").first { plain($0, "scope") == "scheduled" }
                for (name, keyPath) in [("arrival", \StopTime.arrival), ("departure", \StopTime.departure)] {
                    guard let time = plain(times, name) else { continue }
                    let day = plain(times, name + "Day").flatMap { Int($0) } ?? 0
                    guard let minute = RailML.minute(time: time, day: day, at: stationID, instance: instance) else {
                        problems.append(InputProblem(place: "\(stopPlace)/times/@\(name)", "\"\(time)\" is not a time of day"))
                        continue
                    }
                    stop[keyPath: keyPath] = minute
                }
                run.stops.append(stop)
            }
            runs[run.train] = run
        }
        guard problems.isEmpty else { throw InputError(file: nil, problems: problems) }
        let ordered = instance.trains.map { runs[$0.id] ?? TrainRun(train: $0.id, scheduled: false) }
        return Schedule(instance: instance.name, status: status, objective: objective, trains: ordered)
    }

    private static func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name && $0.uri == RailML.namespace }
    }

    /// An attribute without a namespace, matched by its name. (On Linux, Foundation's
    /// `attribute(forName:)` does not find one on an element in a namespace, and `localName` on an
    /// attribute node reads freed memory: neither is used.)
    private static func plain(_ element: XMLElement?, _ name: String) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    private static func extensionAttribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forLocalName: name, uri: RailML.extensionNamespace)?.stringValue
    }
}
