extension Model {
    /// Every problem that would make a solver reject, misread or abort on this model, in model order.
    /// An empty list means any backend may be handed the model as it is.
    public func validate() -> [ModelIssue] {
        var issues: [ModelIssue] = []
        if variables.isEmpty { issues.append(ModelIssue(.model, .noVariables)) }
        validateVariables(into: &issues)
        validateConstraints(into: &issues)
        validateObjective(into: &issues)
        return issues
    }

    /// Throws `MIPError.invalidModel` listing every issue, if there are any.
    public func validated() throws(MIPError) {
        let issues = validate()
        if !issues.isEmpty { throw MIPError.invalidModel(issues) }
    }

    private func validateVariables(into issues: inout [ModelIssue]) {
        var firstUse: [String: Int] = [:]
        for (index, variable) in variables.enumerated() {
            let name = variableName(at: index)
            let place = ModelPlace.variable(index: index, name: name)
            checkName(given: variable.name, effective: name, index: index, place: place, firstUse: &firstUse, into: &issues)
            checkBounds(lower: variable.lowerBound, upper: variable.upperBound, place: place, into: &issues)
        }
    }

    private func validateConstraints(into issues: inout [ModelIssue]) {
        var firstUse: [String: Int] = [:]
        for (index, row) in constraints.enumerated() {
            let name = constraintName(at: index)
            let place = ModelPlace.constraint(index: index, name: name)
            checkName(given: row.name, effective: name, index: index, place: place, firstUse: &firstUse, into: &issues)
            checkBounds(lower: row.bounds.lower, upper: row.bounds.upper, place: place, into: &issues)
            checkTerms(row.terms, place: place, into: &issues)
        }
    }

    private func validateObjective(into issues: inout [ModelIssue]) {
        checkTerms(objective.expression.terms, place: .objective, into: &issues)
        if !objective.expression.constant.isFinite {
            issues.append(ModelIssue(.objective, .nonFiniteConstant(objective.expression.constant)))
        }
    }

    private func checkName(
        given: String?, effective: String, index: Int, place: ModelPlace,
        firstUse: inout [String: Int], into issues: inout [ModelIssue]
    ) {
        if let given, let reason = NameRules.problem(with: given) {
            issues.append(ModelIssue(place, .invalidName(given, reason: reason)))
        }
        if let first = firstUse[effective] {
            issues.append(ModelIssue(place, .duplicateName(effective, firstIndex: first)))
        } else {
            firstUse[effective] = index
        }
    }

    private func checkBounds(lower: Double, upper: Double, place: ModelPlace, into issues: inout [ModelIssue]) {
        if lower.isNaN || lower == .infinity { issues.append(ModelIssue(place, .nonFiniteLowerBound(lower))) }
        if upper.isNaN || upper == -.infinity { issues.append(ModelIssue(place, .nonFiniteUpperBound(upper))) }
        if lower > upper { issues.append(ModelIssue(place, .boundsCrossed(lower: lower, upper: upper))) }
    }

    private func checkTerms(_ terms: [Term], place: ModelPlace, into issues: inout [ModelIssue]) {
        for term in terms {
            guard owns(term.variable) else {
                issues.append(ModelIssue(place, .foreignVariable(index: term.variable.index)))
                continue
            }
            if !term.coefficient.isFinite {
                issues.append(ModelIssue(place, .nonFiniteCoefficient(variable: effectiveName(of: term.variable), value: term.coefficient)))
            }
        }
    }

    /// True if `variable` was created by this model (or a copy of it that had already created it).
    public func owns(_ variable: Variable) -> Bool {
        variable.model == id && variable.index >= 0 && variable.index < variables.count
    }
}
