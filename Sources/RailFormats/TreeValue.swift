/// A parsed JSON or YAML document, before it means anything: what the instance and timetable
/// readers walk. Object keys keep their order.
public indirect enum TreeValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number that is not a whole number in `Int`'s range (or was written with a fraction or exponent).
    case number(Double)
    case string(String)
    case array([TreeValue])
    case object([(key: String, value: TreeValue)])

    public static func == (lhs: TreeValue, rhs: TreeValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    /// What a planner would call this kind of value, for "expected a string, found an array".
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "a whole number"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}

/// A document that cannot be read at all, with where (1-based line and column) when known.
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(line: Int? = nil, column: Int? = nil, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let line, let column { return "line \(line), column \(column): \(message)" }
        if let line { return "line \(line): \(message)" }
        return message
    }
}

/// Limits that keep hostile or broken input from exhausting the stack or memory.
public enum ParseLimits {
    public static let maximumDepth = 200
    public static let maximumNodes = 2_000_000
    public static let maximumBytes = 64 << 20
}
