import Tagged

public enum TrackKind: String, Sendable, Codable, CaseIterable {
    case siding, customs
}

/// A station track a train can stand on: a siding, or a customs lane at a border port.
public struct Track: Hashable, Sendable {
    public var id: TrackID
    public var lengthMeters: Double
    public var kind: TrackKind
    /// Cargo kinds a customs lane can inspect (empty for sidings).
    public var cargo: [CargoKind]
    /// Daily windows in the station's local time; empty means always open.
    public var openWindows: [DailyWindow]
    /// `openWindows` resolved to plan minutes.
    public var hours: OpeningHours

    public init(id: TrackID, lengthMeters: Double, kind: TrackKind = .siding, cargo: [CargoKind] = [],
                openWindows: [DailyWindow] = [], hours: OpeningHours = .alwaysOpen) {
        self.id = id
        self.lengthMeters = lengthMeters
        self.kind = kind
        self.cargo = cargo
        self.openWindows = openWindows
        self.hours = hours
    }

    public func accepts(cargo kind: CargoKind?) -> Bool {
        guard let kind else { return false }
        return cargo.contains(kind)
    }
}

public struct Station: Hashable, Sendable {
    public var id: StationID
    public var name: String?
    public var utcOffset: UTCOffset
    /// Minutes between one train leaving a track and the next arriving on it.
    public var clearanceMinutes: Int
    public var tracks: [Track]

    public init(id: StationID, name: String? = nil, utcOffset: UTCOffset, clearanceMinutes: Int = 0, tracks: [Track] = []) {
        self.id = id
        self.name = name
        self.utcOffset = utcOffset
        self.clearanceMinutes = clearanceMinutes
        self.tracks = tracks
    }

    public var displayName: String { name ?? id.rawValue }
}

public enum Trackage: Int, Sendable, Codable {
    /// One track for both directions: opposing trains meet only in stations.
    case single = 1
    /// One track per direction: opposing trains do not interact.
    case double = 2
}

/// A stretch of line joining two neighbouring stations, usable both ways.
public struct Section: Hashable, Sendable {
    public var from: StationID
    public var to: StationID
    public var trackage: Trackage
    public var runningMinutes: [TrainClass: Int]
    /// Minimum minutes between two trains running the same way, at both ends.
    public var headwayMinutes: Int
    /// Single track: minutes between one train leaving the section and an opposing one entering.
    public var clearanceMinutes: Int

    public init(from: StationID, to: StationID, trackage: Trackage, runningMinutes: [TrainClass: Int],
                headwayMinutes: Int, clearanceMinutes: Int = 0) {
        self.from = from
        self.to = to
        self.trackage = trackage
        self.runningMinutes = runningMinutes
        self.headwayMinutes = headwayMinutes
        self.clearanceMinutes = clearanceMinutes
    }

    public func joins(_ a: StationID, _ b: StationID) -> Bool { (from == a && to == b) || (from == b && to == a) }

    /// `PXG–DDG`, for messages.
    public var label: String { "\(from)–\(to)" }
}

/// An agreed window in which trains may enter a border section.
public struct BorderSlot: Hashable, Sendable {
    public var id: SlotID
    /// Only trains entering from this end; nil: either end, one capacity shared by both directions.
    public var fromStation: StationID?
    /// Plan minutes, inclusive at both ends.
    public var opens: Minute
    public var closes: Minute
    public var capacity: Int

    public init(id: SlotID, fromStation: StationID?, opens: Minute, closes: Minute, capacity: Int = 1) {
        self.id = id
        self.fromStation = fromStation
        self.opens = opens
        self.closes = closes
        self.capacity = capacity
    }

    public func admits(enteringFrom station: StationID, at minute: Minute) -> Bool {
        (fromStation == nil || fromStation == station) && opens <= minute && minute <= closes
    }
}

public struct Border: Hashable, Sendable {
    public var id: BorderID
    /// The two stations of the border section, as written.
    public var section: (StationID, StationID)
    public var slots: [BorderSlot]

    public init(id: BorderID, section: (StationID, StationID), slots: [BorderSlot]) {
        self.id = id
        self.section = section
        self.slots = slots
    }

    public func isOn(_ a: StationID, _ b: StationID) -> Bool {
        (section.0 == a && section.1 == b) || (section.0 == b && section.1 == a)
    }

    public static func == (lhs: Border, rhs: Border) -> Bool {
        lhs.id == rhs.id && lhs.section == rhs.section && lhs.slots == rhs.slots
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(section.0)
        hasher.combine(section.1)
        hasher.combine(slots)
    }
}
