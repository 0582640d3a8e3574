/// Whole minutes since the plan's start. Every time inside railslot is one of these.
public typealias Minute = Int

/// A UTC offset in whole minutes (`+08:00` is 480).
public struct UTCOffset: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// Parses `+08:00`, `-03:30` or `Z`; nil if malformed or beyond ±18:00.
    public init?(parsing text: String) {
        if text == "Z" {
            minutes = 0
            return
        }
        let chars = Array(text.utf8)
        guard chars.count == 6, chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-"), chars[3] == UInt8(ascii: ":"),
              let hours = Digits.value(chars[1...2]), let mins = Digits.value(chars[4...5]), mins < 60, hours * 60 + mins <= 18 * 60
        else { return nil }
        minutes = (chars[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + mins)
    }

    /// `+08:00` (never `Z`, so timetables read the same everywhere).
    public var description: String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        return "\(sign)\(Digits.two(magnitude / 60)):\(Digits.two(magnitude % 60))"
    }

    public static func < (lhs: UTCOffset, rhs: UTCOffset) -> Bool { lhs.minutes < rhs.minutes }
}

/// An instant as whole minutes since 1970-01-01T00:00Z, with conversions to and from ISO 8601
/// text. Calendar arithmetic is done here (proleptic Gregorian, days from civil), so results do
/// not depend on the machine's time zone or Foundation's calendar.
public struct Instant: Hashable, Sendable, Comparable {
    public let minutesSinceEpoch: Int

    public init(minutesSinceEpoch: Int) { self.minutesSinceEpoch = minutesSinceEpoch }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }

    public static func + (lhs: Instant, rhs: Int) -> Instant { Instant(minutesSinceEpoch: lhs.minutesSinceEpoch + rhs) }
    public static func - (lhs: Instant, rhs: Instant) -> Int { lhs.minutesSinceEpoch - rhs.minutesSinceEpoch }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed
        case missingOffset
        case nonZeroSeconds
        case outOfRange(String)

        public var description: String {
            switch self {
            case .malformed: "is not an ISO 8601 date-time like 2026-12-01T07:30+08:00"
            case .missingOffset: "has no UTC offset (write it like 2026-12-01T07:30+08:00)"
            case .nonZeroSeconds: "has seconds other than 00 (times are whole minutes)"
            case .outOfRange(let what): "has an impossible \(what)"
            }
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM[:00](±HH:MM|Z)` and returns the instant and the offset it was written in.
    public static func parse(_ text: String) -> Result<(Instant, UTCOffset), ParseError> {
        let chars = Array(text.utf8)
        guard chars.count >= 16, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              chars[10] == UInt8(ascii: "T"), chars[13] == UInt8(ascii: ":"),
              let year = Digits.value(chars[0...3]), let month = Digits.value(chars[5...6]), let day = Digits.value(chars[8...9]),
              let hour = Digits.value(chars[11...12]), let minute = Digits.value(chars[14...15])
        else { return .failure(.malformed) }
        var rest = chars[16...]
        if rest.first == UInt8(ascii: ":") {
            guard rest.count >= 3, let seconds = Digits.value(rest.dropFirst().prefix(2)) else { return .failure(.malformed) }
            if seconds != 0 { return .failure(seconds < 60 ? .nonZeroSeconds : .outOfRange("second")) }
            rest = rest.dropFirst(3)
        }
        if rest.isEmpty { return .failure(.missingOffset) }
        guard let offset = UTCOffset(parsing: String(decoding: rest, as: UTF8.self)) else { return .failure(.malformed) }
        guard (1...12).contains(month) else { return .failure(.outOfRange("month")) }
        guard day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return .failure(.outOfRange("day")) }
        guard hour < 24 else { return .failure(.outOfRange("hour")) }
        guard minute < 60 else { return .failure(.outOfRange("minute")) }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let local = days * 1440 + hour * 60 + minute
        return .success((Instant(minutesSinceEpoch: local - offset.minutes), offset))
    }

    /// `2026-12-01T07:30+08:00`: the instant as a clock in `offset` shows it.
    public func iso8601(in offset: UTCOffset) -> String {
        let local = minutesSinceEpoch + offset.minutes
        let days = Int((Double(local) / 1440).rounded(.down))
        let minuteOfDay = local - days * 1440
        let date = CivilDate(daysSinceEpoch: days)
        return "\(date)T\(Digits.two(minuteOfDay / 60)):\(Digits.two(minuteOfDay % 60))\(offset)"
    }

    /// The calendar day (days since 1970-01-01) a clock in `offset` shows at this instant.
    public func localDay(in offset: UTCOffset) -> Int {
        Int((Double(minutesSinceEpoch + offset.minutes) / 1440).rounded(.down))
    }

    /// Minutes since local midnight in `offset`.
    public func localMinuteOfDay(in offset: UTCOffset) -> Int {
        minutesSinceEpoch + offset.minutes - localDay(in: offset) * 1440
    }

    /// `07:30` in `offset`, for messages.
    public func clockTime(in offset: UTCOffset) -> String {
        let local = minutesSinceEpoch + offset.minutes
        let minuteOfDay = ((local % 1440) + 1440) % 1440
        return "\(Digits.two(minuteOfDay / 60)):\(Digits.two(minuteOfDay % 60))"
    }
}

/// A calendar date (proleptic Gregorian), converted with Howard Hinnant's days-from-civil algorithm.
public struct CivilDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        let digits = String(abs(year))
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(year < 0 ? "-" : "")\(padded)-\(Digits.two(month))-\(Digits.two(day))"
    }
}

enum Digits {
    /// The decimal value of ASCII digits, nil if any byte is not a digit.
    static func value<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty else { return nil }
        var total = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            total = total * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return total
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
