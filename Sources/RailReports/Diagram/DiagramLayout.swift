import RailDomain

/// Where things go in the diagram: stations down the side spaced by running time, time across,
/// one time axis per UTC offset, the Gantt rows below. Pure geometry, no drawing.
struct DiagramLayout {
    let instance: Instance
    /// Stations top to bottom, with their y in the time-distance plot.
    let stations: [(id: StationID, y: Double)]
    let left = 180.0, right = 40.0
    let pixelsPerMinute: Double
    let plotTop: Double
    let plotBottom: Double
    /// Offsets in the order their axes are drawn: the first above the plot, the others below.
    let offsets: [UTCOffset]
    let axisGap = 34.0
    /// Train classes in the order of the palette (and the legend).
    let classes: [String]

    init(instance: Instance) {
        self.instance = instance
        let order = Self.stationOrder(instance)
        pixelsPerMinute = min(1.0, max(0.4, 2880.0 / Double(max(1, instance.horizonMinutes))))
        plotTop = 96
        // Running minutes between neighbours in the order (the fastest class), scaled to fit.
        var distances: [Double] = [0]
        for (a, b) in zip(order, order.dropFirst()) {
            let minutes = instance.section(between: a, b).flatMap { $0.runningMinutes.values.min() } ?? 30
            distances.append(distances.last! + Double(minutes))
        }
        let span = max(1, distances.last!)
        let scale = max(0.9, min(2.0, 560 / span))
        var ys: [Double] = []
        for (k, distance) in distances.enumerated() {
            let y = plotTop + 14 + distance * scale
            ys.append(k == 0 ? y : max(y, ys[k - 1] + 18))
        }
        stations = Array(zip(order, ys)).map { (id: $0.0, y: $0.1) }
        plotBottom = (ys.last ?? plotTop) + 14
        var seen: [UTCOffset] = []
        for id in order {
            if let offset = instance.station(id)?.utcOffset, !seen.contains(offset) { seen.append(offset) }
        }
        offsets = seen.isEmpty ? [instance.startOffset] : seen
        classes = Array(Set(instance.trains.map(\.trainClass.rawValue))).sorted()
    }

    var plotWidth: Double { Double(instance.horizonMinutes) * pixelsPerMinute }
    var width: Double { left + plotWidth + right }
    var plotRight: Double { left + plotWidth }

    func x(_ minute: Minute) -> Double { left + Double(minute) * pixelsPerMinute }

    func y(_ station: StationID) -> Double? { stations.first { $0.id == station }?.y }

    /// Below the plot: one axis for each offset after the first.
    var bottomAxesEnd: Double { plotBottom + Double(max(0, offsets.count - 1)) * axisGap + 24 }

    /// Minutes between grid lines: an hour at a day's scale, more on longer horizons.
    var gridStep: Int {
        for step in [60, 120, 180, 360, 720] where Double(step) * pixelsPerMinute >= 40 { return step }
        return 1440
    }

    /// Stations along the line: from an end of the section graph (the first such station in the
    /// instance), depth first, neighbours in instance order; stations on no section come last.
    static func stationOrder(_ instance: Instance) -> [StationID] {
        var neighbours: [StationID: [StationID]] = [:]
        for section in instance.sections {
            neighbours[section.from, default: []].append(section.to)
            neighbours[section.to, default: []].append(section.from)
        }
        let rank = Dictionary(instance.stations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var order: [StationID] = []
        var visited: Set<StationID> = []
        func visit(_ station: StationID) {
            var stack = [station]
            while let current = stack.popLast() {
                guard visited.insert(current).inserted else { continue }
                order.append(current)
                let next = (neighbours[current] ?? []).filter { !visited.contains($0) }.sorted { (rank[$0] ?? 0) > (rank[$1] ?? 0) }
                stack += next
            }
        }
        let ends = instance.stations.filter { (neighbours[$0.id]?.count ?? 0) == 1 }
        for start in ends + instance.stations where !visited.contains(start.id) { visit(start.id) }
        return order
    }

    /// A train's colour: its class and its direction (down the diagram or up).
    func colour(of train: Train) -> String {
        let index = (classes.firstIndex(of: train.trainClass.rawValue) ?? 0) % Self.palette.count
        let down = (y(train.route.last ?? train.route[0]) ?? 0) >= (y(train.route[0]) ?? 0)
        return down ? Self.palette[index].down : Self.palette[index].up
    }

    static let palette: [(down: String, up: String)] = [
        ("#1d4ed8", "#0e9f9a"), ("#b91c1c", "#db2777"), ("#15803d", "#65a30d"),
        ("#7e22ce", "#c026d3"), ("#c2410c", "#b45309"), ("#374151", "#6b7280"),
    ]
}
