public enum ObjectiveSense: String, Sendable, Codable {
    case minimize, maximize
}

/// The objective: a sense and a linear expression whose constant is kept (and reported in the objective value).
public struct Objective: Sendable, Equatable {
    public var sense: ObjectiveSense
    public var expression: LinearExpression

    public init(sense: ObjectiveSense = .minimize, expression: LinearExpression = LinearExpression()) {
        self.sense = sense
        self.expression = expression
    }
}
