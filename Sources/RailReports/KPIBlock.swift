import RailDomain

/// The KPI block of the text output: trains, lateness, border slots per direction, customs lane
/// utilisation, peak siding occupancy.
enum KPIBlock {
    static func lines(_ kpis: ScheduleKPIs, instance: Instance, style: TextStyle) -> [String] {
        var lines: [String] = []
        var trains = "Trains       \(kpis.scheduled) of \(kpis.trains) scheduled"
        if !kpis.leftOut.isEmpty {
            trains += ", left out: " + style.paint(kpis.leftOut.map(\.rawValue).joined(separator: " "), .red)
        }
        lines.append(trains)
        lines.append("Lateness     \(kpis.lateTrains) late train(s), \(kpis.latenessMinutes) min in all, weighted cost \(kpis.weightedLatenessCost)")
        for use in kpis.slotUse {
            let direction = use.enteringFrom.map { from in
                let border = instance.borders.first { $0.id == use.border }
                let to = border.map { $0.section.0 == from ? $0.section.1 : $0.section.0 }
                return "\(from)→\(to.map(\.rawValue) ?? "?")"
            } ?? "either way"
            lines.append("Border slots \(use.border) \(direction): \(use.trains) train(s) in \(use.slotsUsed) of \(use.slotsOffered) slots (capacity \(use.capacity))")
        }
        for lane in kpis.customsLanes {
            lines.append("Customs lane \(lane.track) at \(lane.station): \(lane.trains) train(s), \(lane.occupiedMinutes) of \(lane.openMinutes) open min (\(TimetableText.percent(lane.utilisation)))")
        }
        let busy = kpis.sidingPeaks.filter { $0.peak > 0 }
        if !busy.isEmpty {
            let peaks = busy.map { peak in
                let when = peak.at.map { " at " + TimetableText.clock($0, at: instance.station(peak.station), instance: instance) } ?? ""
                return "\(peak.station) \(peak.peak)/\(peak.sidings)\(when)"
            }
            lines += wrap("Siding peaks ", peaks, width: style.width)
        }
        return lines
    }

    /// Items after a label, on as many lines as the width needs.
    static func wrap(_ label: String, _ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = label
        let indent = String(repeating: " ", count: label.count)
        for (i, item) in items.enumerated() {
            let piece = item + (i + 1 < items.count ? "," : "")
            if current.count + piece.count + 1 > width, current != label, current != indent {
                lines.append(current)
                current = indent
            }
            current += (current == label || current == indent ? "" : " ") + piece
        }
        lines.append(current)
        return lines
    }
}
