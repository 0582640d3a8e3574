import RailDomain

/// What the colours and marks mean.
enum Legend {
    static func draw(layout: DiagramLayout, top: Double, on canvas: SVGCanvas) {
        let legend = canvas.group("legend")
        var x = 12.0
        let y = top + 16
        func swatch(_ colour: String, _ label: String, line: Bool = true, dashed: Bool = false) {
            if line {
                canvas.add("line", [("x1", n(x)), ("y1", n(y - 4)), ("x2", n(x + 22)), ("y2", n(y - 4)), ("stroke", colour), ("stroke-width", "2")]
                           + (dashed ? [("stroke-dasharray", "6 3")] : []), to: legend)
            } else {
                canvas.add("rect", [("x", n(x)), ("y", n(y - 10)), ("width", "22"), ("height", "12"), ("fill", colour)], to: legend)
            }
            canvas.add("text", [("x", n(x + 26)), ("y", n(y))], text: label, to: legend)
            x += 34 + Double(label.count) * 6.2
        }
        for (index, name) in layout.classes.enumerated() {
            let colours = DiagramLayout.palette[index % DiagramLayout.palette.count]
            swatch(colours.down, "\(name) down")
            swatch(colours.up, "\(name) up")
        }
        swatch("#374151", "fixed train", dashed: true)
        swatch("#f59e0b", "customs dwell")
        swatch("#f3f4f6", "single track", line: false)
        swatch("#fee2e2", "border section", line: false)
        if let border = layout.instance.borders.first {
            swatch("#fcd34d", "slot from \(border.section.0)", line: false)
            swatch("#6ee7b7", "slot from \(border.section.1)", line: false)
        }
        canvas.add("circle", [("cx", n(x + 6)), ("cy", n(y - 4)), ("r", "4"), ("fill", "none"), ("stroke", "#111827")], to: legend)
        canvas.add("text", [("x", n(x + 16)), ("y", n(y))], text: "meet on single track", to: legend)
    }

    private static func n(_ value: Double) -> String { SVGCanvas.number(value) }
}
