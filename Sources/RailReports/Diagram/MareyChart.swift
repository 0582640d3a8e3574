import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RailDomain

/// The time-distance (Marey) diagram: single-track sections and the border band shaded, slot
/// windows in the band, an hour grid, each train a line (flat where it stands), customs dwell
/// marked, meets on single track circled, one time axis per UTC offset.
enum MareyChart {
    static func draw(_ schedule: Schedule, layout: DiagramLayout, on canvas: SVGCanvas) {
        let instance = layout.instance
        let plot = canvas.group("marey")
        canvas.add("rect", [("id", "plot-area"), ("class", "plot-area"), ("x", n(layout.left)), ("y", n(layout.plotTop)),
                            ("width", n(layout.plotWidth)), ("height", n(layout.plotBottom - layout.plotTop)),
                            ("fill", "#ffffff"), ("stroke", "#9ca3af")], to: plot)
        sections(layout, canvas, plot)
        borders(layout, canvas, plot)
        grid(layout, canvas, plot)
        stationLines(layout, canvas, plot)
        let trains = canvas.group("trains", to: plot)
        for run in schedule.trains where run.scheduled {
            guard let train = instance.trains.first(where: { $0.id == run.train }) else { continue }
            trainPath(run, train, layout, canvas, trains)
        }
        meets(schedule, layout, canvas, plot)
        axes(layout, canvas)
    }

    private static func n(_ value: Double) -> String { SVGCanvas.number(value) }

    /// Single-track sections in light grey; double track stays white.
    private static func sections(_ layout: DiagramLayout, _ canvas: SVGCanvas, _ parent: XMLElement) {
        let group = canvas.group("single-track", to: parent)
        for (a, b) in zip(layout.stations, layout.stations.dropFirst()) {
            guard let section = layout.instance.section(between: a.id, b.id), section.trackage == .single else { continue }
            canvas.add("rect", [("x", n(layout.left)), ("y", n(a.y)), ("width", n(layout.plotWidth)), ("height", n(b.y - a.y)),
                                ("fill", "#f3f4f6")], to: group)
        }
    }

    /// The border section as a red band, its slot windows inside it by direction.
    private static func borders(_ layout: DiagramLayout, _ canvas: SVGCanvas, _ parent: XMLElement) {
        for border in layout.instance.borders {
            guard let y0 = layout.y(border.section.0), let y1 = layout.y(border.section.1) else { continue }
            let top = min(y0, y1), height = abs(y1 - y0)
            let group = canvas.group("border", [("data-border", border.id.rawValue)], to: parent)
            canvas.add("rect", [("x", n(layout.left)), ("y", n(top)), ("width", n(layout.plotWidth)), ("height", n(height)),
                                ("fill", "#fee2e2")], to: group)
            for slot in border.slots {
                let fill = slot.fromStation == nil ? "#c4b5fd" : (slot.fromStation == border.section.0 ? "#fcd34d" : "#6ee7b7")
                let from = max(0, slot.opens), to = min(layout.instance.horizonMinutes, slot.closes + 1)
                guard to > from else { continue }
                let rect = canvas.add("rect", [("class", "slot"), ("data-slot", slot.id.rawValue), ("x", n(layout.x(from))), ("y", n(top)),
                                               ("width", n(layout.x(to) - layout.x(from))), ("height", n(height)),
                                               ("fill", fill), ("fill-opacity", "0.75")], to: group)
                let direction = slot.fromStation.map { "from \($0)" } ?? "either way"
                canvas.title("\(border.id) slot \(slot.id), \(direction), \(layout.instance.clock(slot.opens, at: border.section.0))–\(layout.instance.clock(slot.closes, at: border.section.0)), capacity \(slot.capacity)", to: rect)
            }
            canvas.add("text", [("x", n(layout.left + 4)), ("y", n(top + height / 2 + 4)), ("fill", "#991b1b"), ("font-size", "10")],
                       text: "border \(border.id)", to: group)
        }
    }

    private static func grid(_ layout: DiagramLayout, _ canvas: SVGCanvas, _ parent: XMLElement) {
        let group = canvas.group("grid", [("stroke", "#e5e7eb"), ("stroke-width", "1")], to: parent)
        // Grid lines on the first offset's whole hours.
        let offset = layout.offsets[0].minutes
        let origin = layout.instance.start.minutesSinceEpoch + offset
        var minute = (layout.gridStep - (origin % layout.gridStep + layout.gridStep) % layout.gridStep) % layout.gridStep
        while minute <= layout.instance.horizonMinutes {
            canvas.add("line", [("x1", n(layout.x(minute))), ("y1", n(layout.plotTop)), ("x2", n(layout.x(minute))), ("y2", n(layout.plotBottom))], to: group)
            minute += layout.gridStep
        }
    }

    private static func stationLines(_ layout: DiagramLayout, _ canvas: SVGCanvas, _ parent: XMLElement) {
        let group = canvas.group("stations", to: parent)
        for station in layout.stations {
            canvas.add("line", [("x1", n(layout.left)), ("y1", n(station.y)), ("x2", n(layout.plotRight)), ("y2", n(station.y)),
                                ("stroke", "#d1d5db")], to: group)
            let name = layout.instance.station(station.id)?.name.map { " \($0)" } ?? ""
            canvas.add("text", [("x", n(layout.left - 8)), ("y", n(station.y + 4)), ("text-anchor", "end")],
                       text: "\(station.id)\(name)", to: group)
        }
    }

    /// The train's line: (departure, station) to (arrival, next station), flat while it stands.
    private static func trainPath(_ run: TrainRun, _ train: Train, _ layout: DiagramLayout, _ canvas: SVGCanvas, _ parent: XMLElement) {
        var points: [(Double, Double)] = []
        for stop in run.stops {
            guard let y = layout.y(stop.station) else { continue }
            if let arrival = stop.arrival { points.append((layout.x(arrival), y)) }
            if let departure = stop.departure { points.append((layout.x(departure), y)) }
        }
        guard points.count >= 2 else { return }
        let colour = layout.colour(of: train)
        let group = canvas.group("train", [("data-train", run.train.rawValue), ("data-class", train.trainClass.rawValue)], to: parent)
        for stop in run.stops where stop.customs {
            guard let arrival = stop.arrival, let departure = stop.departure, let y = layout.y(stop.station) else { continue }
            canvas.add("line", [("class", "customs"), ("x1", n(layout.x(arrival))), ("y1", n(y)), ("x2", n(layout.x(departure))), ("y2", n(y)),
                                ("stroke", "#f59e0b"), ("stroke-width", "7"), ("stroke-opacity", "0.6"), ("stroke-linecap", "round")], to: group)
        }
        let path = canvas.add("polyline", [("class", "train-path"), ("points", points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")),
                                           ("fill", "none"), ("stroke", colour), ("stroke-width", train.isFixed ? "2.2" : "1.6")]
                                  + (train.isFixed ? [("stroke-dasharray", "6 3")] : []), to: group)
        canvas.title(tooltip(run, train, layout.instance), to: path)
        let first = points[0]
        canvas.add("text", [("class", "train-label"), ("x", n(first.0 + 2)), ("y", n(first.1 - 3)), ("fill", colour), ("font-size", "9")],
                   text: run.train.rawValue, to: group)
    }

    private static func tooltip(_ run: TrainRun, _ train: Train, _ instance: Instance) -> String {
        let first = run.stops.first, last = run.stops.last
        let from = first.flatMap { stop in stop.departure.map { "\(stop.station) \(instance.clock($0, at: stop.station))" } } ?? ""
        let to = last.flatMap { stop in stop.arrival.map { "\(stop.station) \(instance.clock($0, at: stop.station))" } } ?? ""
        return "\(run.train) (\(train.trainClass)\(train.isFixed ? ", fixed" : "")): \(from) → \(to), late \(run.latenessMinutes ?? 0) min"
    }

    /// Opposing trains at one station at once, next to a single-track section they both use.
    private static func meets(_ schedule: Schedule, _ layout: DiagramLayout, _ canvas: SVGCanvas, _ parent: XMLElement) {
        let group = canvas.group("meets", to: parent)
        for meet in Meets.find(schedule, instance: layout.instance) {
            guard let y = layout.y(meet.station) else { continue }
            let circle = canvas.add("circle", [("class", "meet"), ("cx", n(layout.x(meet.minute))), ("cy", n(y)), ("r", "4"),
                                               ("fill", "none"), ("stroke", "#111827"), ("stroke-width", "1.2")], to: group)
            canvas.title("meet at \(meet.station): \(meet.first) and \(meet.second), \(layout.instance.clock(meet.minute, at: meet.station))", to: circle)
        }
    }

    /// Time axes: the first offset above the plot, the others below, ticks on local whole hours.
    private static func axes(_ layout: DiagramLayout, _ canvas: SVGCanvas) {
        let group = canvas.group("axes")
        for (index, offset) in layout.offsets.enumerated() {
            let above = index == 0
            let y = above ? layout.plotTop - 6 : layout.plotBottom + 16 + Double(index - 1) * layout.axisGap
            let axis = canvas.group("axis", [("data-offset", offset.description)], to: group)
            canvas.add("text", [("x", "12"), ("y", n(y)), ("font-weight", "bold")], text: "time UTC\(offset)", to: axis)
            let origin = layout.instance.start.minutesSinceEpoch + offset.minutes
            let step = layout.gridStep
            var minute = (step - (origin % step + step) % step) % step
            while minute <= layout.instance.horizonMinutes {
                let instant = layout.instance.start + minute
                let label = instant.localMinuteOfDay(in: offset) == 0
                    ? CivilDate(daysSinceEpoch: instant.localDay(in: offset)).description.dropFirst(5) + " 00:00"
                    : instant.clockTime(in: offset)
                canvas.add("text", [("x", n(layout.x(minute))), ("y", n(y)), ("text-anchor", "middle"), ("font-size", "10")],
                           text: String(label), to: axis)
                minute += step
            }
        }
    }
}
