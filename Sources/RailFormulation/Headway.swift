import MIP
import RailDomain

/// A train entering a section in one direction: its departure step at the entry station.
struct SectionEntry {
    let train: TrainVariables
    /// Route position of the entry station.
    let position: Int
    let running: Int

    var range: ClosedRange<Minute> { train.departureRange(position) }
    func entered(by t: Minute) -> LinearExpression { train.departed(position, by: t) }
}

extension TimetableBuilder {
    /// Entries of every section, per direction: `[section index][0 = from→to, 1 = to→from]`.
    func sectionEntries() -> [[[SectionEntry]]] {
        var entries = [[[SectionEntry]]](repeating: [[], []], count: instance.sections.count)
        for case let train? in trains {
            let route = train.train.route
            for k in 0..<(route.count - 1) {
                guard let index = instance.sections.firstIndex(where: { $0.joins(route[k], route[k + 1]) }) else { continue }
                let direction = instance.sections[index].from == route[k] ? 0 : 1
                entries[index][direction].append(SectionEntry(train: train, position: k, running: train.runs[k]))
            }
        }
        return entries
    }

    /// Spec 4.5, same direction, headway h at both ends:
    /// - every minute t: `Σ_trains (entered(t) − entered(t − h)) <= 1` (at most one entry in any h
    ///   minutes; with equal running times the exits are as far apart);
    /// - trains with different running times (a slower than b by Δ = run_a − run_b) must not
    ///   overtake: b may not enter within (−h, Δ + h) minutes of a, one row per minute:
    ///   `(entered_a(t) − entered_a(t − α)) + (entered_b(t + δ) − entered_b(t + δ − 1)) <= 1`
    ///   with δ = 1 − h and α = Δ + 2h − 1 (α = Δ − 1, δ = 1 when h = 0).
    mutating func addHeadways() {
        let entries = sectionEntries()
        for (index, section) in instance.sections.enumerated() {
            for direction in entries[index] where direction.count > 1 {
                let h = section.headwayMinutes
                if h > 0 {
                    for range in TimetableBuilder.contested(direction.map { $0.range.lowerBound...($0.range.upperBound + h - 1) }) {
                        for t in range {
                            var row = LinearExpression()
                            var count = 0
                            for entry in direction where entry.range.lowerBound <= t && t - h < entry.range.upperBound {
                                row += entry.entered(by: t)
                                row -= entry.entered(by: t - h)
                                count += 1
                            }
                            if count > 1 { model.addConstraint(row, .lessOrEqual(1), name: "headway_s\(index)_\(ModelNames.sanitize(direction[0].train.train.route[direction[0].position].rawValue))_t\(t)") }
                        }
                    }
                }
                addOvertakingRows(direction, headway: h)
            }
        }
    }

    private mutating func addOvertakingRows(_ entries: [SectionEntry], headway h: Int) {
        for a in entries {
            for b in entries where a.running > b.running && a.train.index != b.train.index {
                let lower = h > 0 ? -h : 0, upper = a.running - b.running + h
                let delta = lower + 1, alpha = upper - lower - 1
                guard alpha > 0 else { continue }
                // Rows exist where both could be in the conflict window.
                let from = max(a.range.lowerBound, b.range.lowerBound - delta)
                let to = min(a.range.upperBound + alpha - 1, b.range.upperBound - delta)
                guard from <= to else { continue }
                for t in from...to {
                    let row = a.entered(by: t) - a.entered(by: t - alpha) + b.entered(by: t + delta) - b.entered(by: t + delta - 1)
                    self.row("headway", row <= 1)
                }
            }
        }
    }
}
