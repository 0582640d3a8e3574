import RailDomain

/// The timetable as planners read it in a terminal: a header (status, objective, bound, gap), a
/// KPI block, then one row per train and stop. Columns that do not fit the width are left out,
/// least important first (station names, then dwell); below about 70 columns rows run on.
public enum TimetableText {
    public static func text(_ schedule: Schedule, instance: Instance, style: TextStyle = .plain) -> String {
        let kpis = ScheduleKPIs.compute(schedule, for: instance)
        var lines = header(schedule, style: style)
        lines += KPIBlock.lines(kpis, instance: instance, style: style)
        lines.append("")
        lines += table(schedule, instance: instance, style: style)
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ schedule: Schedule, style: TextStyle) -> [String] {
        let status: String
        switch schedule.status {
        case .optimal: status = style.paint("optimal", .green)
        case .feasible: status = style.paint("feasible", .yellow)
        case .infeasible, .noSolution: status = style.paint(schedule.status.rawValue, .red)
        }
        var parts = ["\(style.paint(schedule.instance, .bold)): \(status)"]
        parts.append("objective \(schedule.objective.map(String.init) ?? "none")")
        parts.append("bound \(schedule.bound.map { formatBound($0) } ?? "none")")
        if let gap = gap(schedule) { parts.append("gap \(percent(gap))") }
        if let solver = schedule.solver { parts.append("\(solver.name) \(solver.version), \(fixed(solver.seconds, 1)) s") }
        return [parts.joined(separator: ", ")]
    }

    /// (objective − bound) / objective, as GLPK states it; nil without both.
    public static func gap(_ schedule: Schedule) -> Double? {
        guard let objective = schedule.objective, let bound = schedule.bound else { return nil }
        if objective == 0 { return bound >= 0 ? 0 : nil }
        return max(0, (Double(objective) - bound) / abs(Double(objective)))
    }

    private struct Column {
        var title: String
        var width: Int
        var rightAligned = false
    }

    static func table(_ schedule: Schedule, instance: Instance, style: TextStyle) -> [String] {
        let trainWidth = max(5, schedule.trains.map(\.train.rawValue.count).max() ?? 5)
        let idWidth = max(7, instance.stations.map(\.id.rawValue.count).max() ?? 3)
        let nameWidth = min(18, instance.stations.map { $0.name?.count ?? 0 }.max() ?? 0)
        let trackWidth = max(10, instance.stations.flatMap(\.tracks).map { $0.id.rawValue.count + 2 }.max() ?? 10)
        let slotWidth = max(4, instance.borders.flatMap { b in b.slots.map { b.id.rawValue.count + $0.id.rawValue.count + 1 } }.max() ?? 4)
        let timeWidth = schedule.trains.flatMap(\.stops).flatMap { stop in
            [stop.arrival, stop.departure].compactMap { $0 }.map { clock($0, at: instance.station(stop.station), instance: instance).count }
        }.max() ?? 8
        var columns = [Column(title: "TRAIN", width: trainWidth), Column(title: "STATION", width: idWidth),
                       Column(title: "NAME", width: nameWidth), Column(title: "ARR", width: timeWidth), Column(title: "DEP", width: timeWidth),
                       Column(title: "DWELL", width: 5, rightAligned: true), Column(title: "TRACK/LANE", width: trackWidth),
                       Column(title: "SLOT", width: slotWidth), Column(title: "LATE", width: 4, rightAligned: true)]
        // Leave out what does not fit, least important first.
        func total() -> Int { columns.reduce(0) { $0 + $1.width + 2 } }
        for optional in ["NAME", "DWELL"] where total() > style.width || (optional == "NAME" && nameWidth == 0) {
            columns.removeAll { $0.title == optional }
        }
        let titles = columns.map(\.title)
        func line(_ cells: [String: String], paint: [String: TextStyle.Colour] = [:]) -> String {
            var out = ""
            for column in columns {
                let cell = String((cells[column.title] ?? "").prefix(column.width))
                let padding = String(repeating: " ", count: column.width - cell.count)
                let painted = paint[column.title].map { style.paint(cell, $0) } ?? cell
                out += (column.rightAligned ? padding + painted : painted + padding) + "  "
            }
            return String(out.reversed().drop { $0 == " " }.reversed())
        }
        var lines = [style.paint(line(Dictionary(uniqueKeysWithValues: titles.map { ($0, $0) })), .bold)]
        for run in schedule.trains {
            guard run.scheduled else {
                let why = run.reason.map { "not scheduled: \($0)" } ?? "not scheduled"
                lines.append(line(["TRAIN": run.train.rawValue]) + "  " + style.paint(why, .red))
                continue
            }
            let slots = run.borderSlots.map { "\($0.border)/\($0.slot)" }.joined(separator: " ")
            let late = run.latenessMinutes ?? 0
            for (k, stop) in run.stops.enumerated() {
                let station = instance.station(stop.station)
                var cells = ["STATION": stop.station.rawValue, "NAME": station?.name ?? ""]
                if k == 0 {
                    cells["TRAIN"] = run.train.rawValue
                    cells["SLOT"] = slots
                    cells["LATE"] = String(late)
                }
                cells["ARR"] = stop.arrival.map { clock($0, at: station, instance: instance) } ?? ""
                cells["DEP"] = stop.departure.map { clock($0, at: station, instance: instance) } ?? ""
                if let arrival = stop.arrival, let departure = stop.departure, departure > arrival { cells["DWELL"] = String(departure - arrival) }
                if let track = stop.track { cells["TRACK/LANE"] = track.rawValue + (stop.customs ? " C" : "") }
                var paint: [String: TextStyle.Colour] = [:]
                if k == 0 && late > 0 { paint["LATE"] = .red }
                if stop.customs { paint["TRACK/LANE"] = .cyan }
                lines.append(line(cells, paint: paint))
            }
        }
        lines.append("")
        lines.append("Times are local at each station (offset shown); +1d: the day after the plan starts. C: customs inspection.")
        return lines
    }

    /// `07:40+08` and, on a later local day than the plan's first, `07:40+08+1d`.
    static func clock(_ minute: Minute, at station: Station?, instance: Instance) -> String {
        let offset = station?.utcOffset ?? instance.startOffset
        let instant = instance.start + minute
        let day = instant.localDay(in: offset) - instance.start.localDay(in: instance.startOffset)
        // `+08` for whole hours, `+0530` otherwise.
        let written = offset.description.replacingOccurrences(of: ":", with: "")
        var text = instant.clockTime(in: offset) + (offset.minutes % 60 == 0 ? String(written.prefix(3)) : written)
        if day != 0 { text += day > 0 ? "+\(day)d" : "\(day)d" }
        return text
    }
    static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 1) + "%" }
    static func formatBound(_ bound: Double) -> String { bound == bound.rounded() && abs(bound) < 1e15 ? String(Int(bound)) : fixed(bound, 1) }

    /// A number with `digits` decimals, without Foundation's locale-dependent formatting.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let scale = Double([1, 10, 100, 1000][min(3, digits)])
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale), fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
