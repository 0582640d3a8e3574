/// Where in a model a problem was found.
public enum ModelPlace: Sendable, Equatable, CustomStringConvertible {
    case model
    case variable(index: Int, name: String)
    case constraint(index: Int, name: String)
    case objective

    public var description: String {
        switch self {
        case .model: "model"
        case .variable(let index, let name): "variable \(name) (#\(index))"
        case .constraint(let index, let name): "constraint \(name) (#\(index))"
        case .objective: "objective"
        }
    }
}

/// One reason a model cannot be handed to a solver.
public struct ModelIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case noVariables
        case nonFiniteLowerBound(Double)
        case nonFiniteUpperBound(Double)
        case boundsCrossed(lower: Double, upper: Double)
        case nonFiniteCoefficient(variable: String, value: Double)
        case nonFiniteConstant(Double)
        case invalidName(String, reason: String)
        case duplicateName(String, firstIndex: Int)
        case foreignVariable(index: Int)
        /// A row or column added to an incremental LP is malformed (index out of range, repeated, ...).
        case badAddition(String)
    }

    public var place: ModelPlace
    public var problem: Problem

    public init(_ place: ModelPlace, _ problem: Problem) {
        self.place = place
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch problem {
        case .noVariables:
            what = "has no variables (nothing to solve; GLPK aborts on empty models)"
        case .nonFiniteLowerBound(let value):
            what = "lower bound \(value) is not a number or +infinity"
        case .nonFiniteUpperBound(let value):
            what = "upper bound \(value) is not a number or -infinity"
        case .boundsCrossed(let lower, let upper):
            what = "lower bound \(lower) is above upper bound \(upper)"
        case .nonFiniteCoefficient(let variable, let value):
            what = "coefficient of \(variable) is \(value); coefficients must be finite"
        case .nonFiniteConstant(let value):
            what = "constant \(value) must be finite"
        case .invalidName(let name, let reason):
            what = "name \(String(reflecting: name)) \(reason)"
        case .duplicateName(let name, let firstIndex):
            what = "name \(String(reflecting: name)) is already used by #\(firstIndex)"
        case .foreignVariable(let index):
            what = "uses variable #\(index), which belongs to another model"
        case .badAddition(let reason):
            what = reason
        }
        return "\(place): \(what)"
    }
}
