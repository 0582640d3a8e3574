/// The allowed range of a row's activity `Σ a_j x_j`.
public enum RowBounds: Sendable, Equatable {
    case lessOrEqual(Double)
    case greaterOrEqual(Double)
    case equal(Double)
    /// `lower <= activity <= upper`; either side may be infinite.
    case ranged(lower: Double, upper: Double)

    public var lower: Double {
        switch self {
        case .lessOrEqual: -.infinity
        case .greaterOrEqual(let value), .equal(let value): value
        case .ranged(let lower, _): lower
        }
    }

    public var upper: Double {
        switch self {
        case .greaterOrEqual: .infinity
        case .lessOrEqual(let value), .equal(let value): value
        case .ranged(_, let upper): upper
        }
    }

    /// The same bounds with `shift` subtracted (moving an expression's constant to the right-hand side).
    public func shifted(by shift: Double) -> RowBounds {
        guard shift != 0 else { return self }
        switch self {
        case .lessOrEqual(let value): return .lessOrEqual(value - shift)
        case .greaterOrEqual(let value): return .greaterOrEqual(value - shift)
        case .equal(let value): return .equal(value - shift)
        case .ranged(let lower, let upper): return .ranged(lower: lower - shift, upper: upper - shift)
        }
    }
}

/// A constraint before it joins a model: what `expression <= value` and friends produce.
public struct LinearConstraint: Sendable, Equatable {
    public var expression: LinearExpression
    public var bounds: RowBounds

    public init(_ expression: LinearExpression, _ bounds: RowBounds) {
        self.expression = expression
        self.bounds = bounds
    }
}

/// A row of a model: normalized terms (no constant) and bounds on their sum.
public struct ConstraintDefinition: Sendable, Equatable {
    public var name: String?
    public var terms: [Term]
    public var bounds: RowBounds
}

/// A handle on a row of a model.
public struct Constraint: Hashable, Sendable {
    public let model: ModelID
    public let index: Int
}

public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, .lessOrEqual(0))
}

public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, .greaterOrEqual(0))
}

public func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(lhs - rhs, .equal(0))
}

public func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint { LinearExpression(lhs) >= rhs }
