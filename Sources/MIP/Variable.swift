/// Identifies one model, so that a variable created by another model is caught by validation
/// instead of silently indexing the wrong column.
public struct ModelID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init() { rawValue = UInt64.random(in: 1...UInt64.max) }
    public var description: String { "model#\(String(rawValue, radix: 16))" }
}

/// A decision variable: just an index into its model (as in good_lp), tagged with the model it belongs to.
public struct Variable: Hashable, Sendable, Comparable {
    public let model: ModelID
    /// 0-based position in `Model.variables`.
    public let index: Int

    public static func < (lhs: Variable, rhs: Variable) -> Bool {
        lhs.index != rhs.index ? lhs.index < rhs.index : lhs.model.rawValue < rhs.model.rawValue
    }
}

public enum VariableKind: String, Sendable, Codable {
    case continuous, integer, binary
}

/// What the model knows about one variable. Bounds may be infinite (`-.infinity`, `.infinity`).
public struct VariableDefinition: Sendable, Equatable {
    public var name: String?
    public var kind: VariableKind
    public var lowerBound: Double
    public var upperBound: Double

    public init(name: String?, kind: VariableKind, lowerBound: Double, upperBound: Double) {
        self.name = name
        self.kind = kind
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Bounds a solver must honour: a binary is within [0, 1], an integer within its rounded-inward bounds.
    /// The result may be empty (lower > upper): the model is then infeasible, not invalid.
    public var effectiveBounds: (lower: Double, upper: Double) {
        switch kind {
        case .continuous:
            return (lowerBound, upperBound)
        case .integer:
            return (lowerBound.rounded(.up), upperBound.rounded(.down))
        case .binary:
            return (Swift.max(0, lowerBound.rounded(.up)), Swift.min(1, upperBound.rounded(.down)))
        }
    }

    public var isIntegral: Bool { kind != .continuous }
}
