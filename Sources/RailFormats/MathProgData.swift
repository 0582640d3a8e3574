import RailDomain

/// Writes an instance as a GNU MathProg data section for `models/railslot.mod`: the instance's
/// own data, with times as plan minutes and opening hours as closed minutes. Nothing of the
/// Swift model (windows, track classes) goes in, so glpsol's answer is an independent check.
public enum MathProgData {
    public static func text(_ instance: Instance) -> String {
        let horizon = instance.horizonMinutes
        var out: [String] = ["/* railslot export-data: \(instance.name) */", "data;", ""]
        func symbol(_ text: String) -> String { "'\(text.replacingOccurrences(of: "'", with: "''"))'" }
        let weights = instance.objective
        out.append("param H := \(horizon);")
        out.append("param latenessW := \(weights.latenessPerMinute);")
        out.append("param delayW := \(weights.departureDelayPerMinute);")
        out.append("param dwellW := \(weights.dwellPerMinute);")
        out.append("param penalty := \(weights.unscheduledPenalty);")
        out.append("set STATIONS := \(instance.stations.map { symbol($0.id.rawValue) }.joined(separator: " "));")
        out.append("param clear := \(instance.stations.map { "\(symbol($0.id.rawValue)) \($0.clearanceMinutes)" }.joined(separator: " "));")

        let tracks = instance.stations.flatMap { station in station.tracks.map { (station, $0) } }
        var cargo = Set(instance.trains.compactMap { $0.cargo?.rawValue })
        for (_, track) in tracks { for kind in track.cargo { cargo.insert(kind.rawValue) } }
        cargo.insert("none")
        out.append("set CARGO := \(cargo.sorted().map(symbol).joined(separator: " "));")
        out.append("set TRACKS := \(tracks.map { symbol($0.1.id.rawValue) }.joined(separator: " "));")
        if !tracks.isEmpty {
            out.append("param tst := \(tracks.map { "\(symbol($0.1.id.rawValue)) \(symbol($0.0.id.rawValue))" }.joined(separator: " "));")
            out.append("param tlen := \(tracks.map { "\(symbol($0.1.id.rawValue)) \(number($0.1.lengthMeters))" }.joined(separator: " "));")
            out.append("param tcustoms := \(tracks.map { "\(symbol($0.1.id.rawValue)) \($0.1.kind == .customs ? 1 : 0)" }.joined(separator: " "));")
        }
        let accepts = tracks.flatMap { pair in pair.1.cargo.map { "(\(symbol(pair.1.id.rawValue)), \(symbol($0.rawValue)))" } }
        out.append("set ACCEPTS := \(accepts.joined(separator: " "));")
        var closed: [String] = [], gaps: [String] = []
        for (_, track) in tracks {
            guard let intervals = track.hours.intervals else { continue }
            for t in 0...horizon where !intervals.contains(where: { $0.contains(t) }) { closed.append("(\(symbol(track.id.rawValue)), \(t))") }
            for interval in intervals where interval.upperBound >= 0 && interval.upperBound < horizon
                && intervals.contains(where: { $0.lowerBound == interval.upperBound + 1 }) {
                gaps.append("(\(symbol(track.id.rawValue)), \(interval.upperBound))")
            }
        }
        out.append("set CLOSED := \(closed.joined(separator: " "));")
        out.append("set GAP := \(gaps.joined(separator: " "));")

        let sectionNames = instance.sections.indices.map { "s\($0)" }
        out.append("set SECTIONS := \(sectionNames.joined(separator: " "));")
        out.append("param : sa sb single headway sclear :=")
        for (index, section) in instance.sections.enumerated() {
            out.append("  \(sectionNames[index]) \(symbol(section.from.rawValue)) \(symbol(section.to.rawValue)) \(section.trackage == .single ? 1 : 0) \(section.headwayMinutes) \(section.clearanceMinutes)")
        }
        out.append(";")
        let borderSections = instance.borders.compactMap { border in instance.sections.firstIndex { $0.joins(border.section.0, border.section.1) } }
        out.append("set BORDERSECTIONS := \(borderSections.map { sectionNames[$0] }.joined(separator: " "));")
        var slotRows: [String] = []
        for border in instance.borders {
            guard let index = instance.sections.firstIndex(where: { $0.joins(border.section.0, border.section.1) }) else { continue }
            for slot in border.slots {
                slotRows.append("  \(symbol("\(border.id)/\(slot.id)")) \(sectionNames[index]) \(symbol(slot.fromStation?.rawValue ?? "*")) \(slot.opens) \(slot.closes) \(slot.capacity)")
            }
        }
        out.append("set SLOTS := \(slotRows.map { String($0.split(separator: " ")[0]) }.joined(separator: " "));")
        if !slotRows.isEmpty {
            out.append("param : slotSection slotFrom opens closes cap :=")
            out += slotRows
            out.append(";")
        }

        out.append("set TRAINS := \(instance.trains.map { symbol($0.id.rawValue) }.joined(separator: " "));")
        // MathProg takes each parameter's data in one statement: gather the entries per parameter.
        var order: [String] = []
        var entries: [String: [String]] = [:]
        func put(_ name: String, _ entry: String) {
            if entries[name] == nil { order.append(name) }
            entries[name, default: []].append(entry)
        }
        for train in instance.trains {
            let id = symbol(train.id.rawValue), n = train.route.count - 1
            put("n", "\(id) \(n)")
            put("len", "\(id) \(number(train.lengthMeters))")
            put("w", "\(id) \(train.weight)")
            if let cargo = train.cargo { put("cargo", "\(id) \(symbol(cargo.rawValue))") }
            if let earliest = train.earliestDeparture { put("earliest", "\(id) \(earliest)") }
            if let due = train.dueArrival {
                put("hasdue", "\(id) 1")
                put("due", "\(id) \(due)")
            }
            if train.isOptional { put("optional", "\(id) 1") }
            for k in 0...n { put("st", "\(id) \(k) \(symbol(train.route[k].rawValue))") }
            for k in 0..<n {
                let index = instance.sections.firstIndex { $0.joins(train.route[k], train.route[k + 1]) }!
                put("sec", "\(id) \(k) \(sectionNames[index])")
                put("run", "\(id) \(k) \(instance.sections[index].runningMinutes[train.trainClass]!)")
            }
            for k in 1..<max(1, n) where n > 1 {
                let required = train.requiredDwell(atStop: k)
                if required > 0 { put("req", "\(id) \(k) \(required)") }
                if train.hasCustoms(at: train.route[k]) { put("insp", "\(id) \(k) 1") }
            }
            if let fixed = train.fixed {
                put("fixed", "\(id) 1")
                for k in 0..<n { put("fdep", "\(id) \(k) \(fixed[k].departure ?? 0)") }
                for k in 1..<max(1, n) where n > 1 {
                    if let track = fixed[k].track { put("ftrack", "\(id) \(k) \(symbol(track.rawValue))") }
                }
            }
        }
        for name in order { out.append("param \(name) := \(entries[name]!.joined(separator: "  "));") }
        out.append("")
        out.append("end;")
        return out.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
