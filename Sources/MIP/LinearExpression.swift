/// One coefficient of a linear expression.
public struct Term: Sendable, Equatable {
    public var variable: Variable
    public var coefficient: Double

    public init(_ variable: Variable, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// `Σ coefficient × variable + constant`. Building is cheap (terms are appended);
/// `normalized()` merges duplicate variables and orders terms by variable index, so that
/// everything written from a model is deterministic.
public struct LinearExpression: Sendable, Equatable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public var terms: [Term]
    public var constant: Double

    public init(terms: [Term] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    public init(_ variable: Variable) { self.init(terms: [Term(variable, 1)]) }

    /// A constant expression, for values that are not literals (`x + .constant(limit)`).
    public static func constant(_ value: Double) -> LinearExpression { LinearExpression(constant: value) }
    public init(floatLiteral value: Double) { self.init(constant: value) }
    public init(integerLiteral value: Int) { self.init(constant: Double(value)) }

    /// Sum of `coefficient × variable` over pairs, plus a constant.
    public static func sum<S: Sequence>(_ pairs: S, constant: Double = 0) -> LinearExpression
    where S.Element == (Variable, Double) {
        LinearExpression(terms: pairs.map { Term($0.0, $0.1) }, constant: constant)
    }

    /// Sum of variables, each with coefficient 1.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        LinearExpression(terms: variables.map { Term($0, 1) })
    }

    public mutating func add(_ variable: Variable, _ coefficient: Double = 1) {
        terms.append(Term(variable, coefficient))
    }

    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        terms.reserveCapacity(terms.count + other.terms.count)
        for term in other.terms { terms.append(Term(term.variable, term.coefficient * factor)) }
        constant += other.constant * factor
    }

    /// Duplicate variables merged (coefficients added), exact zeros dropped, terms ordered by variable.
    public func normalized() -> LinearExpression {
        var sorted = terms
        sorted.sort { $0.variable < $1.variable }
        var merged: [Term] = []
        merged.reserveCapacity(sorted.count)
        for term in sorted {
            if let last = merged.last, last.variable == term.variable {
                merged[merged.count - 1].coefficient += term.coefficient
            } else {
                merged.append(term)
            }
        }
        merged.removeAll { $0.coefficient == 0 }
        return LinearExpression(terms: merged, constant: constant)
    }

    /// The value at a point given by variable index.
    public func value(at point: [Double]) -> Double {
        var total = constant
        for term in terms { total += term.coefficient * point[term.variable.index] }
        return total
    }
}

// MARK: - Operators
// Constants join through LinearExpression's literals or `.constant(_:)`: separate Double overloads
// would make `x + 4` ambiguous.

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, times: -1)
    return result
}

public prefix func - (expression: LinearExpression) -> LinearExpression {
    LinearExpression() - expression
}

public func * (factor: Double, expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(expression, times: factor)
    return result
}

public func * (expression: LinearExpression, factor: Double) -> LinearExpression { factor * expression }

public func + (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) + LinearExpression(rhs) }
public func - (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - LinearExpression(rhs) }
public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + LinearExpression(rhs) }
public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs - LinearExpression(rhs) }
public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) + rhs }
public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }
public func * (factor: Double, variable: Variable) -> LinearExpression { LinearExpression(terms: [Term(variable, factor)]) }
public func * (variable: Variable, factor: Double) -> LinearExpression { factor * variable }
public prefix func - (variable: Variable) -> LinearExpression { -1 * variable }

public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }
public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(rhs) }
public func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, times: -1) }
public func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(rhs, -1) }
