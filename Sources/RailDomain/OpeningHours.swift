/// A daily window of local clock time, `06:00-22:00`; `22:00-06:00` runs past midnight.
/// Closed at both ends: open at 06:00 and at 22:00.
public struct DailyWindow: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight, 0..<1440.
    public let start: Int
    /// Minutes after local midnight, 1...1440; below `start` when the window wraps past midnight.
    public let end: Int

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed, empty

        public var description: String {
            switch self {
            case .malformed: "is not a daily window like \"06:00-22:00\" (HH:MM-HH:MM, 24:00 allowed as an end)"
            case .empty: "is an empty window (start equals end)"
            }
        }
    }

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func parse(_ text: String) -> Result<DailyWindow, ParseError> {
        let chars = Array(text.utf8)
        guard chars.count == 11, chars[5] == UInt8(ascii: "-"),
              let start = clock(chars[0...4]), let end = clock(chars[6...10]), start < 1440
        else { return .failure(.malformed) }
        if start == end { return .failure(.empty) }
        return .success(DailyWindow(start: start, end: end))
    }

    /// `HH:MM` as minutes after midnight, 00:00...24:00.
    private static func clock(_ bytes: ArraySlice<UInt8>) -> Int? {
        let chars = Array(bytes)
        guard chars.count == 5, chars[2] == UInt8(ascii: ":"),
              let hours = Digits.value(chars[0...1]), let minutes = Digits.value(chars[3...4]), minutes < 60
        else { return nil }
        let total = hours * 60 + minutes
        return total <= 1440 ? total : nil
    }

    public var wrapsMidnight: Bool { end < start }

    public var description: String {
        func clock(_ minutes: Int) -> String { "\(Digits.two(minutes / 60)):\(Digits.two(minutes % 60))" }
        return "\(clock(start))-\(clock(end))"
    }
}

/// When a track is open, as closed intervals of plan minutes over the horizon (and a day either
/// side), merged where they touch or overlap, also across midnight.
public struct OpeningHours: Hashable, Sendable {
    /// Sorted, disjoint, closed intervals `[start, end]` in plan minutes; nil means always open.
    public let intervals: [ClosedRange<Minute>]?

    public static let alwaysOpen = OpeningHours(intervals: nil)

    public init(intervals: [ClosedRange<Minute>]?) { self.intervals = intervals }

    /// The windows repeated every local day around the horizon of a plan that starts at `planStart`.
    public init(windows: [DailyWindow], offset: UTCOffset, planStart: Instant, horizon: Int) {
        // Local epoch minute of plan minute m is planStart + offset + m.
        let origin = planStart.minutesSinceEpoch + offset.minutes
        let firstDay = Int((Double(origin) / 1440).rounded(.down)) - 1
        let lastDay = Int((Double(origin + horizon) / 1440).rounded(.down)) + 1
        var raw: [ClosedRange<Minute>] = []
        for day in firstDay...lastDay {
            for window in windows {
                let start = day * 1440 + window.start - origin
                let end = day * 1440 + window.end + (window.wrapsMidnight ? 1440 : 0) - origin
                raw.append(start...end)
            }
        }
        raw.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Minute>] = []
        for interval in raw {
            if let last = merged.last, interval.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, interval.upperBound)
            } else {
                merged.append(interval)
            }
        }
        intervals = merged
    }

    /// True if open at every moment of `[from, to]`.
    public func isOpen(from: Minute, to: Minute) -> Bool {
        guard let intervals else { return true }
        return intervals.contains { $0.lowerBound <= from && to <= $0.upperBound }
    }
}
