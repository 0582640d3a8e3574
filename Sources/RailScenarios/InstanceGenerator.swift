import RailDomain

/// Random corridors in the shape of the real one: a line of stations, single and double track,
/// an optional border with slots per direction and customs lanes at both border stations, freight
/// and passenger trains both ways, some optional, some with due times, and (`fixedShare`) some fixed.
public struct InstanceGenerator: Sendable {
    public var stations: Int
    public var trains: Int
    public var horizonMinutes: Int
    public var days: Int
    public var border: Bool
    public var doubleTrackShare: Double
    public var optionalShare: Double
    /// About this share of the trains get a fixed timetable (their no-wait run, kept where the
    /// fixed trains obey every rule together). 0 leaves every train movable, as the benchmarks have.
    public var fixedShare: Double

    public init(stations: Int = 5, trains: Int = 6, horizonMinutes: Int = 360, days: Int = 1, border: Bool = true,
                doubleTrackShare: Double = 0.3, optionalShare: Double = 0.3, fixedShare: Double = 0) {
        self.fixedShare = fixedShare
        self.stations = max(2, stations)
        self.trains = max(1, trains)
        self.horizonMinutes = horizonMinutes
        self.days = max(1, days)
        self.border = border && stations >= 2
        self.doubleTrackShare = doubleTrackShare
        self.optionalShare = optionalShare
    }

    public func instance(seed: UInt64) -> Instance {
        var random = SeededRandom(seed: seed)
        let start = Instant.parse("2026-12-01T00:00+08:00").success!.0
        let horizon = horizonMinutes * days
        let borderAfter = border ? max(0, stations / 2 - 1) : -1  // border section between this station and the next
        let china = UTCOffset(minutes: 480), vietnam = UTCOffset(minutes: 420)
        var stationList: [Station] = []
        for s in 0..<stations {
            let offset = s <= borderAfter || borderAfter < 0 ? china : vietnam
            let id = StationID(rawValue: "S\(s)")
            var tracks: [Track] = []
            for t in 0..<Int.random(in: 1...2, using: &random) {
                tracks.append(Track(id: TrackID(rawValue: "S\(s)-\(t + 1)"), lengthMeters: Double(Int.random(in: 6...9, using: &random) * 100)))
            }
            if border, s == borderAfter || s == borderAfter + 1 {
                let windows = Bool.random(using: &random) ? [DailyWindow(start: 300, end: 1380)] : []
                let hours = windows.isEmpty ? OpeningHours.alwaysOpen : OpeningHours(windows: windows, offset: offset, planStart: start, horizon: horizon)
                tracks.append(Track(id: TrackID(rawValue: "S\(s)-C"), lengthMeters: 900, kind: .customs, cargo: ["container", "bulk"],
                                    openWindows: windows, hours: hours))
            }
            stationList.append(Station(id: id, utcOffset: offset, clearanceMinutes: Int.random(in: 0...3, using: &random), tracks: tracks))
        }
        var sections: [Section] = []
        for s in 0..<(stations - 1) {
            let freight = Int.random(in: 10...30, using: &random)
            sections.append(Section(from: stationList[s].id, to: stationList[s + 1].id,
                                    trackage: Double.random(in: 0..<1, using: &random) < doubleTrackShare && s != borderAfter ? .double : .single,
                                    runningMinutes: ["freight": freight, "passenger": max(5, freight - Int.random(in: 0...8, using: &random))],
                                    headwayMinutes: Int.random(in: 0...6, using: &random), clearanceMinutes: Int.random(in: 0...3, using: &random)))
        }
        var borders: [Border] = []
        if border {
            var slots: [BorderSlot] = []
            var t = Int.random(in: 0...30, using: &random), n = 0
            while t < horizon {
                let from: StationID? = n % 5 == 4 ? nil : stationList[borderAfter + n % 2].id
                slots.append(BorderSlot(id: SlotID(rawValue: "W\(n)"), fromStation: from, opens: t, closes: t + Int.random(in: 15...40, using: &random),
                                        capacity: Int.random(in: 1...2, using: &random)))
                t += Int.random(in: 30...60, using: &random)
                n += 1
            }
            borders.append(Border(id: "B", section: (stationList[borderAfter].id, stationList[borderAfter + 1].id), slots: slots))
        }
        var trainList: [Train] = []
        for i in 0..<trains {
            let a = Int.random(in: 0..<stations, using: &random)
            var b = Int.random(in: 0..<stations, using: &random)
            while b == a { b = Int.random(in: 0..<stations, using: &random) }
            let route = (a < b ? Array(a...b) : Array((b...a).reversed())).map { stationList[$0].id }
            let trainClass: TrainClass = Int.random(in: 0..<4, using: &random) == 0 ? "passenger" : "freight"
            let cargo: CargoKind? = trainClass == "freight" ? (Bool.random(using: &random) ? "container" : "bulk") : nil
            var customs: [StationID: Int] = [:]
            var minDwell: [StationID: Int] = [:]
            for (k, station) in route.enumerated() where k > 0 && k < route.count - 1 {
                if cargo != nil, let border = borders.first, border.section.0 == station || border.section.1 == station {
                    customs[station] = Int.random(in: 10...25, using: &random)
                } else if Int.random(in: 0..<3, using: &random) == 0 {
                    minDwell[station] = Int.random(in: 1...5, using: &random)
                }
            }
            let travel = zip(route, route.dropFirst()).reduce(0) { sum, pair in
                sum + sections.first { $0.joins(pair.0, pair.1) }!.runningMinutes[trainClass]!
            }
            let earliest = Int.random(in: 0...max(0, horizon - travel - 120), using: &random)
            let due: Minute? = Bool.random(using: &random) ? earliest + travel + Int.random(in: 20...60, using: &random) : nil
            trainList.append(Train(id: TrainID(rawValue: "T\(i)"), trainClass: trainClass, cargo: cargo,
                                   lengthMeters: Double(Int.random(in: 3...6, using: &random) * 100), route: route,
                                   earliestDeparture: earliest, dueArrival: due, weight: Int.random(in: 1...3, using: &random),
                                   minDwell: minDwell, customs: customs,
                                   isOptional: Double.random(in: 0..<1, using: &random) < optionalShare))
        }
        let instance = Instance(name: "random-\(seed)", start: start, startOffset: china, horizonMinutes: horizon, stations: stationList,
                                sections: sections, borders: borders, trains: trainList)
        return fixingSome(of: instance, share: fixedShare, seed: seed)
    }
}

extension Result {
    var success: Success? { try? get() }
}
