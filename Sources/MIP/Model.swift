/// A mixed-integer linear program as plain data, handed whole to a solver backend
/// (as in JuMP/MathOptInterface). Adding never fails; `validate()` lists every problem at once.
public struct Model: Sendable {
    public let id: ModelID
    public var name: String
    public private(set) var variables: [VariableDefinition] = []
    public private(set) var constraints: [ConstraintDefinition] = []
    public private(set) var objective = Objective()

    public init(name: String = "model") {
        self.id = ModelID()
        self.name = name
    }

    public var variableCount: Int { variables.count }
    public var constraintCount: Int { constraints.count }
    public var nonZeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }
    public var hasIntegerVariables: Bool { variables.contains { $0.isIntegral } }

    // MARK: Variables

    @discardableResult
    public mutating func addVariable(
        _ name: String? = nil,
        kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double = .infinity
    ) -> Variable {
        let (lower, upper) = kind == .binary && lowerBound == 0 && upperBound == .infinity ? (0.0, 1.0) : (lowerBound, upperBound)
        variables.append(VariableDefinition(name: name, kind: kind, lowerBound: lower, upperBound: upper))
        return Variable(model: id, index: variables.count - 1)
    }

    @discardableResult
    public mutating func addBinary(_ name: String? = nil) -> Variable {
        addVariable(name, kind: .binary, lowerBound: 0, upperBound: 1)
    }

    @discardableResult
    public mutating func addInteger(_ name: String? = nil, lowerBound: Double = 0, upperBound: Double = .infinity) -> Variable {
        addVariable(name, kind: .integer, lowerBound: lowerBound, upperBound: upperBound)
    }

    public func definition(of variable: Variable) -> VariableDefinition { variables[variable.index] }

    /// The variable at `index` (0-based), for code that walks the model by position.
    public func variable(at index: Int) -> Variable { Variable(model: id, index: index) }

    public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) {
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    // MARK: Constraints

    /// Adds `constraint` as a row; the expression's constant moves to the bounds, duplicate terms are merged.
    @discardableResult
    public mutating func add(_ constraint: LinearConstraint, name: String? = nil) -> Constraint {
        addConstraint(constraint.expression, constraint.bounds, name: name)
    }

    @discardableResult
    public mutating func addConstraint(_ expression: LinearExpression, _ bounds: RowBounds, name: String? = nil) -> Constraint {
        let normal = expression.normalized()
        constraints.append(ConstraintDefinition(name: name, terms: normal.terms, bounds: bounds.shifted(by: normal.constant)))
        return Constraint(model: id, index: constraints.count - 1)
    }

    public func definition(of constraint: Constraint) -> ConstraintDefinition { constraints[constraint.index] }

    // MARK: Objective

    public mutating func minimize(_ expression: LinearExpression) {
        objective = Objective(sense: .minimize, expression: expression.normalized())
    }

    public mutating func maximize(_ expression: LinearExpression) {
        objective = Objective(sense: .maximize, expression: expression.normalized())
    }

    public mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        objective = Objective(sense: sense, expression: expression.normalized())
    }

    // MARK: Names

    /// The name written to files and passed to solvers: the given one, or `x<n>` / `r<n>` (1-based).
    public func effectiveName(of variable: Variable) -> String { variableName(at: variable.index) }

    public func variableName(at index: Int) -> String {
        variables[index].name ?? Model.defaultVariableName(index)
    }

    public func constraintName(at index: Int) -> String {
        constraints[index].name ?? Model.defaultConstraintName(index)
    }

    static func defaultVariableName(_ index: Int) -> String { "x\(index + 1)" }
    static func defaultConstraintName(_ index: Int) -> String { "r\(index + 1)" }
}
