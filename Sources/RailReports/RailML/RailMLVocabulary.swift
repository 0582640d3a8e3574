import RailDomain

/// The names railslot's railML 2.2 export uses, shared by its writer and reader.
///
/// Times in `ocpTT/times` are the station's local clock (its `utc_offset`), with `arrivalDay` /
/// `departureDay` counted from the timetable period's start date (the local date of the plan's
/// start). What railML 2.2 has no element for — customs inspection and border slots — is written
/// as attributes in railslot's own namespace, which railML allows on its elements.
enum RailML {
    static let namespace = "http://www.railml.org/schemas/2013"
    static let version = "2.2"
    static let extensionPrefix = "railslot"
    static let extensionNamespace = "https://github.com/railslot/railslot/railml-extension/1"

    static func ocpID(_ station: StationID) -> String { "ocp_" + station.rawValue }
    static func trackID(_ track: TrackID) -> String { "trk_" + track.rawValue }
    static func sectionTrackID(_ section: Section) -> String { "sec_\(section.from.rawValue)_\(section.to.rawValue)" }
    static func trainPartID(_ train: TrainID) -> String { "tp_" + train.rawValue }
    static func trainID(_ train: TrainID) -> String { "tr_" + train.rawValue }

    /// The inverse of the `*ID` functions: the railslot id behind a railML id with this prefix.
    static func strip(_ prefix: String, from id: String) -> String? {
        id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : nil
    }

    /// The local date of the plan's start: day 0 of `arrivalDay`/`departureDay`.
    static func firstLocalDay(_ instance: Instance) -> Int {
        instance.start.localDay(in: instance.startOffset)
    }

    /// A plan minute at a station as railML writes it: `HH:MM:SS` local and the day offset.
    static func localTime(_ minute: Minute, at station: StationID, instance: Instance) -> (time: String, day: Int) {
        let offset = instance.station(station)?.utcOffset ?? instance.startOffset
        let instant = instance.start + minute
        return (instant.clockTime(in: offset) + ":00", instant.localDay(in: offset) - firstLocalDay(instance))
    }

    /// The inverse of `localTime`; nil if `time` is not `HH:MM[:00]`.
    static func minute(time: String, day: Int, at station: StationID, instance: Instance) -> Minute? {
        let parts = time.split(separator: ":")
        guard parts.count == 2 || (parts.count == 3 && parts[2] == "00"),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        let offset = instance.station(station)?.utcOffset ?? instance.startOffset
        let local = (firstLocalDay(instance) + day) * 1440 + hours * 60 + minutes
        return local - offset.minutes - instance.start.minutesSinceEpoch
    }

    static func isoDate(localDay: Int) -> String { CivilDate(daysSinceEpoch: localDay).description }
}
