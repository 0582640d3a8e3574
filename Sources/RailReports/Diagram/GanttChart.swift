import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RailDomain

/// Below the time-distance plot, on the same time scale: one row per station track and customs
/// lane, grouped by station in line order; each stand a bar with the train's id, closed hours
/// shaded.
enum GanttChart {
    static let rowHeight = 18.0
    static let stationGap = 20.0

    /// The chart's height for `layout`, so the canvas can be sized before drawing.
    static func height(_ layout: DiagramLayout) -> Double {
        let stations = layout.stations.compactMap { layout.instance.station($0.id) }.filter { !$0.tracks.isEmpty }
        return 30 + Double(stations.count) * stationGap + Double(stations.reduce(0) { $0 + $1.tracks.count }) * rowHeight
    }

    static func draw(_ schedule: Schedule, layout: DiagramLayout, top: Double, on canvas: SVGCanvas) {
        let instance = layout.instance
        let chart = canvas.group("gantt")
        canvas.add("text", [("x", n(layout.left)), ("y", n(top + 14)), ("font-weight", "bold")],
                   text: "Station tracks and customs lanes (grey: closed)", to: chart)
        let stands = standsByTrack(schedule)
        var y = top + 30
        for placed in layout.stations {
            guard let station = instance.station(placed.id), !station.tracks.isEmpty else { continue }
            canvas.add("text", [("x", n(8)), ("y", n(y + 13)), ("font-weight", "bold")], text: station.id.rawValue, to: chart)
            y += stationGap - rowHeight
            for track in station.tracks {
                y += rowHeight
                let row = canvas.group("track-row", [("data-track", track.id.rawValue)], to: chart)
                canvas.add("rect", [("x", n(layout.left)), ("y", n(y - rowHeight + 2)), ("width", n(layout.plotWidth)),
                                    ("height", n(rowHeight - 4)), ("fill", track.kind == .customs ? "#fffbeb" : "#f9fafb"),
                                    ("stroke", "#e5e7eb")], to: row)
                closed(track, layout, y: y, canvas, row)
                let label = track.kind == .customs ? "\(track.id) customs \(track.cargo.map(\.rawValue).joined(separator: "/"))" : "\(track.id) \(Int(track.lengthMeters)) m"
                canvas.add("text", [("x", n(layout.left - 8)), ("y", n(y - 5)), ("text-anchor", "end"), ("font-size", "10")], text: label, to: row)
                for stand in stands[track.id] ?? [] {
                    bar(stand, track: track, layout: layout, y: y, canvas, row)
                }
            }
            y += stationGap - rowHeight + rowHeight
        }
    }

    private static func n(_ value: Double) -> String { SVGCanvas.number(value) }

    private struct Stand {
        var train: TrainID
        var station: StationID
        var from: Minute, to: Minute
    }

    private static func standsByTrack(_ schedule: Schedule) -> [TrackID: [Stand]] {
        var stands: [TrackID: [Stand]] = [:]
        for run in schedule.trains where run.scheduled {
            for stop in run.stops {
                guard let track = stop.track, let arrival = stop.arrival, let departure = stop.departure else { continue }
                stands[track, default: []].append(Stand(train: run.train, station: stop.station, from: arrival, to: departure))
            }
        }
        return stands
    }

    /// Shades the parts of the horizon outside the track's opening hours.
    private static func closed(_ track: Track, _ layout: DiagramLayout, y: Double, _ canvas: SVGCanvas, _ row: XMLElement) {
        guard let intervals = track.hours.intervals else { return }
        var cursor = 0
        let horizon = layout.instance.horizonMinutes
        for interval in intervals + [(horizon + 1)...(horizon + 1)] {
            let end = min(horizon, interval.lowerBound)
            if end > cursor {
                canvas.add("rect", [("class", "closed"), ("x", n(layout.x(cursor))), ("y", n(y - rowHeight + 2)),
                                    ("width", n(layout.x(end) - layout.x(cursor))), ("height", n(rowHeight - 4)), ("fill", "#d1d5db")], to: row)
            }
            cursor = max(cursor, interval.upperBound)
            if cursor >= horizon { break }
        }
    }

    private static func bar(_ stand: Stand, track: Track, layout: DiagramLayout, y: Double, _ canvas: SVGCanvas, _ row: XMLElement) {
        let colour = layout.instance.trains.first { $0.id == stand.train }.map { layout.colour(of: $0) } ?? "#374151"
        let x0 = layout.x(stand.from), x1 = layout.x(stand.to)
        let group = canvas.group("occupation", [("data-train", stand.train.rawValue)], to: row)
        let rect = canvas.add("rect", [("x", n(x0)), ("y", n(y - rowHeight + 3)), ("width", n(max(1, x1 - x0))), ("height", n(rowHeight - 6)),
                                       ("fill", colour), ("fill-opacity", "0.85")], to: group)
        let instance = layout.instance
        canvas.title("\(stand.train) on \(track.id): \(instance.clock(stand.from, at: stand.station))–\(instance.clock(stand.to, at: stand.station))", to: rect)
        // The id inside the bar where it fits (about 5.5 px per character at 9 px).
        if x1 - x0 >= Double(stand.train.rawValue.count) * 5.5 + 4 {
            canvas.add("text", [("x", n(x0 + 2)), ("y", n(y - 6)), ("fill", "#ffffff"), ("font-size", "9")], text: stand.train.rawValue, to: group)
        }
    }
}
