import RailDomain

/// `railslot diagram`: a time-distance diagram with the track and lane Gantt chart below it, as
/// a self-contained SVG, or an HTML page holding that SVG. The same timetable gives the same bytes.
public enum TimetableDiagram {
    public enum Kind: String, Sendable, CaseIterable {
        case svg, html

        /// From a file name: `.html`/`.htm` is HTML, anything else SVG.
        public static func of(path: String) -> Kind {
            let lower = path.lowercased()
            return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .svg
        }
    }

    public static func render(_ kind: Kind, schedule: Schedule, instance: Instance) -> String {
        switch kind {
        case .svg: svg(schedule, instance: instance)
        case .html: html(schedule, instance: instance)
        }
    }

    public static func svg(_ schedule: Schedule, instance: Instance) -> String {
        canvas(schedule, instance: instance).text
    }

    public static func html(_ schedule: Schedule, instance: Instance) -> String {
        let svg = canvas(schedule, instance: instance).text
        let title = escape("\(schedule.instance): \(schedule.status.rawValue)")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(title)</title>
        <style>body { margin: 12px; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; } svg { display: block; }</style>
        </head>
        <body>
        \(svg)</body>
        </html>

        """
    }

    static func canvas(_ schedule: Schedule, instance: Instance) -> SVGCanvas {
        let layout = DiagramLayout(instance: instance)
        let ganttTop = layout.bottomAxesEnd + 10
        let legendHeight = 40.0
        let canvas = SVGCanvas(width: layout.width, height: ganttTop + GanttChart.height(layout) + legendHeight)
        canvas.add("rect", [("x", "0"), ("y", "0"), ("width", SVGCanvas.number(layout.width)),
                            ("height", SVGCanvas.number(ganttTop + GanttChart.height(layout) + legendHeight)), ("fill", "#ffffff")])
        heading(schedule, instance: instance, layout: layout, canvas: canvas)
        MareyChart.draw(schedule, layout: layout, on: canvas)
        GanttChart.draw(schedule, layout: layout, top: ganttTop, on: canvas)
        Legend.draw(layout: layout, top: ganttTop + GanttChart.height(layout) + 6, on: canvas)
        return canvas
    }

    private static func heading(_ schedule: Schedule, instance: Instance, layout: DiagramLayout, canvas: SVGCanvas) {
        let scheduled = schedule.trains.filter(\.scheduled).count
        var text = "\(schedule.instance): \(schedule.status.rawValue), \(scheduled) of \(schedule.trains.count) trains"
        if let objective = schedule.objective { text += ", objective \(objective)" }
        if let bound = schedule.bound { text += ", bound \(TimetableText.formatBound(bound))" }
        canvas.add("text", [("x", "12"), ("y", "24"), ("font-size", "15"), ("font-weight", "bold")], text: text)
        var subtitle = "Time-distance diagram: stations spaced by running time; each train a line, flat where it stands."
        // Trains not drawn are named, with why when the timetable says (the line is cut to the width).
        let missing = schedule.trains.filter { !$0.scheduled }.map { run in run.reason.map { "\(run.train) (\($0))" } ?? run.train.rawValue }
        if !missing.isEmpty {
            subtitle += " Not scheduled: " + missing.joined(separator: "; ")
            let room = Int((layout.width - 24) / 5.6)
            if subtitle.count > room { subtitle = String(subtitle.prefix(room - 1)) + "…" }
        }
        canvas.add("text", [("x", "12"), ("y", "44"), ("font-size", "11"), ("fill", "#4b5563")], text: subtitle)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
