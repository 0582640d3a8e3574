import RailDomain

/// The departure minutes one train may use at each route position in a restricted model: every
/// timetable cheaper than the best keeps to them (see `PricedWindows`). Gaps inside a position's
/// minutes are allowed: a run cheap enough may depart early or late, but not in between.
public struct DepartureLimit: Sendable, Equatable {
    /// Per route position 0..<n: ascending, disjoint, non-adjacent ranges of minutes. No positions
    /// at all: the train may not run (an optional train that must be left out).
    public let minutes: [[ClosedRange<Minute>]]

    public init(minutes: [[ClosedRange<Minute>]]) {
        self.minutes = minutes
    }

    /// The train must be left out.
    public static let leftOut = DepartureLimit(minutes: [])

    /// From the minutes allowed at each position, as a sorted list per position; nil if some
    /// position has none.
    init?(allowed: [[Minute]]) {
        var result: [[ClosedRange<Minute>]] = []
        for list in allowed {
            guard let first = list.first else { return nil }
            var ranges: [ClosedRange<Minute>] = []
            var low = first, high = first
            for t in list.dropFirst() {
                if t == high + 1 {
                    high = t
                } else {
                    ranges.append(low...high)
                    low = t
                    high = t
                }
            }
            ranges.append(low...high)
            result.append(ranges)
        }
        self.minutes = result
    }

    /// First to last allowed minute per position.
    public var hulls: [ClosedRange<Minute>] {
        minutes.map { $0.first!.lowerBound...$0.last!.upperBound }
    }

    /// The allowed minutes of position `k` inside `window`, ascending.
    func minutes(at k: Int, within window: ClosedRange<Minute>) -> [Minute] {
        var result: [Minute] = []
        for range in minutes[k] where range.overlaps(window) {
            result.append(contentsOf: max(range.lowerBound, window.lowerBound)...min(range.upperBound, window.upperBound))
        }
        return result
    }
}
