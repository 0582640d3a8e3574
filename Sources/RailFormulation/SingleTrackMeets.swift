import MIP
import RailDomain

extension TimetableBuilder {
    /// Spec 4.6, single track: a train holds the section for opposing trains over
    /// `[enter, exit + clearance)`, i.e. `inSection(t) = entered(t) − entered(t − run − clearance)`.
    /// One direction binary per contested minute t, `way(t)` (1: from→to may hold the section):
    /// `inSection_a(t) <= way(t)` for trains from `from`, `inSection_b(t) <= 1 − way(t)` for the others.
    /// Two opposing trains can then never hold the section in the same minute, while trains of one
    /// direction follow each other freely (their spacing is the headway's business).
    mutating func addSingleTrackMeets() {
        let entries = sectionEntries()
        for (index, section) in instance.sections.enumerated() where section.trackage == .single {
            let forward = entries[index][0], backward = entries[index][1]
            guard !forward.isEmpty, !backward.isEmpty else { continue }
            let c = section.clearanceMinutes
            func span(_ entry: SectionEntry) -> ClosedRange<Minute> {
                entry.range.lowerBound...(entry.range.upperBound + entry.running + c - 1)
            }
            let forwardSpans = forward.map(span), backwardSpans = backward.map(span)
            for t in contestedMinutes(forwardSpans, backwardSpans) {
                let way = model.addBinary("way_s\(index)_t\(t)")
                directionVariables.append((index, t, way))
                for (entry, range) in zip(forward, forwardSpans) where range.contains(t) {
                    row("meet", entry.entered(by: t) - entry.entered(by: t - entry.running - c) - LinearExpression(way) <= 0)
                }
                for (entry, range) in zip(backward, backwardSpans) where range.contains(t) {
                    row("meet", entry.entered(by: t) - entry.entered(by: t - entry.running - c) + LinearExpression(way) <= 1)
                }
            }
        }
    }

    /// Minutes some train of each direction may hold the section.
    private func contestedMinutes(_ a: [ClosedRange<Minute>], _ b: [ClosedRange<Minute>]) -> [Minute] {
        func covered(_ ranges: [ClosedRange<Minute>]) -> Set<Minute> {
            var minutes = Set<Minute>()
            for range in ranges { for t in range { minutes.insert(t) } }
            return minutes
        }
        return covered(a).intersection(covered(b)).sorted()
    }
}
