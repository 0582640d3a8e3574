import MIP
import RailDomain

extension TimetableBuilder {
    /// Spec 4.4 per track class c of a station and minute t:
    /// `Σ_{trains standing on c} (arrive(t) − depart(t − clearance)) <= |c|`: a stand occupies its
    /// class over `[arr, dep + clearance)`, which keeps `arr(b) >= dep(a) + clearance` on each
    /// track once the decoder colours the stands. Length, kind and cargo are in the options
    /// (`TrackClass.admits`). Opening hours: at a closed minute t no stand covers t
    /// (`arrive(t) − depart(t − 1) <= 0`), and a stand never spans a gap between two windows.
    mutating func addTrackOccupancy() {
        for station in instance.stations {
            let clearance = station.clearanceMinutes
            for trackClass in classes[station.id] ?? [] {
                var stands: [(OptionSteps, ClosedRange<Minute>)] = []
                for case let train? in trains {
                    for (position, options) in train.stops.enumerated() where train.train.route[position + 1] == station.id {
                        for option in options where option.option == .track(trackClass.index) {
                            stands.append((option, option.arrive.lo...(option.depart.hi + clearance - 1)))
                        }
                    }
                }
                addOpeningHours(trackClass, stands: stands.map(\.0))
                guard stands.count > trackClass.capacity else { continue }
                for range in TimetableBuilder.contested(stands.map(\.1)) {
                    for t in range {
                        var row = LinearExpression()
                        var count = 0
                        for (option, span) in stands where span.contains(t) {
                            row += option.arrive.at(t)
                            row -= option.depart.at(t - clearance)
                            count += 1
                        }
                        if count > trackClass.capacity {
                            model.addConstraint(row, .lessOrEqual(Double(trackClass.capacity)), name: "tracks_\(ModelNames.sanitize(trackClass.label))_t\(t)")
                        }
                    }
                }
            }
        }
    }

    private mutating func addOpeningHours(_ trackClass: TrackClass, stands: [OptionSteps]) {
        guard let intervals = trackClass.hours.intervals else { return }
        for stand in stands {
            let span = stand.arrive.lo...stand.depart.hi
            for t in span {
                let open = intervals.contains { $0.contains(t) }
                if !open {
                    row("open", stand.arrive.at(t) - stand.depart.at(t - 1) <= 0)
                } else if intervals.contains(where: { $0.upperBound == t }), t + 1 <= span.upperBound,
                          intervals.contains(where: { $0.lowerBound == t + 1 }) {
                    // [.., t] and [t+1, ..] are separate windows: closed in between.
                    row("open", stand.arrive.at(t) - stand.depart.at(t) <= 0)
                }
            }
        }
    }
}
