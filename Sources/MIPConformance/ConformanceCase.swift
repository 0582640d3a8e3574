import MIP

/// What a conformance case requires of a backend's result.
public struct Expectation: Sendable {
    /// Acceptable reasons to stop (more than one where backends legitimately differ, e.g. an
    /// unbounded LP that a presolver reports as "infeasible or unbounded").
    public var termination: Set<TerminationReason>
    public var primal: PrimalStatus
    /// The objective the returned point must have, if known exactly.
    public var objective: Double?
    /// Variable values (by name) the point must have, where the optimum is unique.
    public var values: [String: Double]
    public var warmStart: WarmStartExpectation

    public init(
        _ termination: Set<TerminationReason>, _ primal: PrimalStatus, objective: Double? = nil,
        values: [String: Double] = [:], warmStart: WarmStartExpectation = .notGiven
    ) {
        self.termination = termination
        self.primal = primal
        self.objective = objective
        self.values = values
        self.warmStart = warmStart
    }
}

public enum WarmStartExpectation: Sendable {
    case notGiven, accepted, rejected, anyButRejected
}

/// One small model with a known answer, to be run against every `MIPSolver` (MathOptInterface style).
public struct ConformanceCase: Sendable, CustomStringConvertible {
    public let name: String
    /// Builds the model and options afresh for each run (options may carry a cancellation token).
    public let make: @Sendable () -> (Model, SolveOptions)
    public let expectation: Expectation

    public init(_ name: String, expect expectation: Expectation, make: @escaping @Sendable () -> (Model, SolveOptions)) {
        self.name = name
        self.make = make
        self.expectation = expectation
    }

    public var description: String { name }

    public static let tolerance = 1e-6

    /// Everything wrong with `result` for `model`: status pair, objective, values, warm start,
    /// and a re-check of the returned point against every bound, row and integrality.
    public func failures(of result: SolveResult, model: Model) -> [String] {
        var failures: [String] = []
        let expected = expectation
        if !expected.termination.contains(result.termination) {
            failures.append("termination \(result.termination), expected one of \(expected.termination.map(\.rawValue).sorted())")
        }
        if result.primal != expected.primal {
            failures.append("primal status \(result.primal), expected \(expected.primal)")
        }
        if result.hasPoint {
            failures += model.violations(of: result.values, tolerance: ConformanceCase.tolerance).map { "point breaks the model: \($0)" }
            let recomputed = model.objectiveValue(at: result.values)
            if let objective = result.objective, abs(objective - recomputed) > ConformanceCase.tolerance * max(1, abs(recomputed)) {
                failures.append("reported objective \(objective) but the point's objective is \(recomputed)")
            }
            if result.objective == nil { failures.append("a point without an objective") }
            if let bound = result.bound, let objective = result.objective {
                let slack = ConformanceCase.tolerance * max(1, abs(objective))
                let boundOK = model.objective.sense == .minimize ? bound <= objective + slack : bound >= objective - slack
                if !boundOK { failures.append("bound \(bound) is on the wrong side of objective \(objective)") }
            }
        } else if !result.values.isEmpty || result.objective != nil {
            failures.append("values or objective reported without a point")
        }
        if let objective = expected.objective {
            if let actual = result.objective {
                if abs(actual - objective) > ConformanceCase.tolerance * max(1, abs(objective)) {
                    failures.append("objective \(actual), expected \(objective)")
                }
            } else {
                failures.append("no objective, expected \(objective)")
            }
        }
        for (name, value) in expected.values.sorted(by: { $0.key < $1.key }) {
            guard let index = (0..<model.variableCount).first(where: { model.variableName(at: $0) == name }) else {
                failures.append("case names unknown variable \(name)")
                continue
            }
            guard result.hasPoint else { continue }
            if abs(result.values[index] - value) > ConformanceCase.tolerance * max(1, abs(value)) {
                failures.append("\(name) = \(result.values[index]), expected \(value)")
            }
        }
        failures += warmStartFailures(result.warmStart)
        if result.termination == .optimal, result.hasPoint, let bound = result.bound, let objective = result.objective,
           abs(bound - objective) > ConformanceCase.tolerance * max(1, abs(objective)) {
            failures.append("optimal but bound \(bound) differs from objective \(objective)")
        }
        return failures
    }

    private func warmStartFailures(_ outcome: WarmStartOutcome) -> [String] {
        switch (expectation.warmStart, outcome) {
        case (.notGiven, .notGiven), (.accepted, .accepted), (.rejected, .rejected): return []
        case (.anyButRejected, .accepted), (.anyButRejected, .unused): return []
        default: return ["warm start outcome \(outcome), expected \(expectation.warmStart)"]
        }
    }
}
