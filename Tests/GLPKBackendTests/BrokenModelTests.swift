import GLPKBackend
import MIP
import Testing

/// Models GLPK would abort on, or misread, come back as typed errors naming the place.
@Suite("broken models give typed errors, never an abort")
struct BrokenModelTests {
    private func issues(_ model: Model) -> [ModelIssue] {
        do {
            _ = try GLPKSolver().solve(model)
            Issue.record("solved a broken model")
            return []
        } catch {
            guard case .invalidModel(let issues) = error else {
                Issue.record("unexpected error \(error)")
                return []
            }
            return issues
        }
    }

    @Test func emptyModel() {
        let found = issues(Model())
        #expect(found == [ModelIssue(.model, .noVariables)])
    }

    @Test func emptyModelWithRows() {
        var model = Model()
        model.addConstraint(LinearExpression(), .lessOrEqual(1), name: "lonely")
        #expect(issues(model).contains(ModelIssue(.model, .noVariables)))
    }

    @Test func nanCoefficient() {
        var model = Model()
        let x = model.addVariable("x")
        model.add(Double.nan * x <= 1, name: "cap")
        model.minimize(LinearExpression(x))
        let found = issues(model)
        #expect(found.count == 1)
        #expect(found.first?.place == .constraint(index: 0, name: "cap"))
        #expect(found.first.map { "\($0)" }?.contains("coefficient of x is nan") == true)
    }

    @Test func infiniteObjectiveCoefficientAndConstant() {
        var model = Model()
        let x = model.addVariable("x")
        model.minimize(Double.infinity * x + .constant(.nan))
        let found = issues(model)
        #expect(found.map(\.place) == [.objective, .objective])
    }

    @Test func lowerAboveUpper() {
        var model = Model()
        let x = model.addVariable("x", lowerBound: 5, upperBound: 1)
        model.minimize(LinearExpression(x))
        #expect(issues(model) == [ModelIssue(.variable(index: 0, name: "x"), .boundsCrossed(lower: 5, upper: 1))])
    }

    @Test func nanBoundsAndRowBounds() {
        var model = Model()
        let x = model.addVariable("x", lowerBound: .nan, upperBound: -.infinity)
        model.addConstraint(LinearExpression(x), .ranged(lower: 3, upper: 2), name: "crossed")
        model.addConstraint(LinearExpression(x), .equal(.infinity), name: "infinite")
        let found = issues(model)
        let onX = found.filter { $0.place == .variable(index: 0, name: "x") }.map(\.problem)
        #expect(onX.count == 2)
        if case .nonFiniteLowerBound(let value)? = onX.first { #expect(value.isNaN) } else { Issue.record("\(onX)") }
        #expect(onX.last == .nonFiniteUpperBound(-.infinity))
        #expect(found.contains(ModelIssue(.constraint(index: 0, name: "crossed"), .boundsCrossed(lower: 3, upper: 2))))
        #expect(found.contains(ModelIssue(.constraint(index: 1, name: "infinite"), .nonFiniteLowerBound(.infinity))))
    }

    @Test func duplicateNames() {
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("x")
        model.add(x + y <= 1, name: "c")
        model.add(x - y <= 1, name: "c")
        let found = issues(model)
        #expect(found.contains(ModelIssue(.variable(index: 1, name: "x"), .duplicateName("x", firstIndex: 0))))
        #expect(found.contains(ModelIssue(.constraint(index: 1, name: "c"), .duplicateName("c", firstIndex: 0))))
    }

    @Test func givenNameCollidesWithDefaultName() {
        var model = Model()
        model.addVariable()  // x1
        model.addVariable("x1")
        #expect(issues(model) == [ModelIssue(.variable(index: 1, name: "x1"), .duplicateName("x1", firstIndex: 0))])
    }

    @Test(arguments: [
        String(repeating: "a", count: 256), "", "has space", "tab\there", "2fast", ".dot", "e12", "end", "Free",
        "dép", "a~b", "a-b", "a+b", "a:b", "a[1]",
    ])
    func invalidNames(_ name: String) {
        var model = Model()
        model.addVariable(name)
        let found = issues(model)
        #expect(found.count == 1)
        guard case .invalidName(let reported, _)? = found.first?.problem else {
            Issue.record("expected an invalid name issue, got \(found)")
            return
        }
        #expect(reported == name)
    }

    @Test(arguments: ["x", "dep_X8701_PXG", "slot(S03)", "a.b", "_private", "eta", "E_1", String(repeating: "a", count: 255)])
    func validNames(_ name: String) throws {
        var model = Model()
        let x = model.addVariable(name, upperBound: 1)
        model.maximize(LinearExpression(x))
        let result = try GLPKSolver().solve(model)
        #expect(result.termination == .optimal)
    }

    @Test func foreignVariable() {
        var first = Model(), second = Model()
        let x = first.addVariable("x")
        let y = second.addVariable("y")
        second.add(x + y <= 1, name: "mixed")
        second.minimize(LinearExpression(x))
        let found = issues(second)
        #expect(found.contains(ModelIssue(.constraint(index: 0, name: "mixed"), .foreignVariable(index: 0))))
        #expect(found.contains(ModelIssue(.objective, .foreignVariable(index: 0))))
    }

    @Test func variableFromALaterCopyIsForeign() {
        var base = Model()
        base.addVariable("x")
        var grown = base
        let extra = grown.addVariable("extra")
        base.minimize(LinearExpression(extra))
        #expect(issues(base) == [ModelIssue(.objective, .foreignVariable(index: 1))])
    }

    @Test func everyProblemIsListedAtOnce() {
        var model = Model()
        let x = model.addVariable("bad name", lowerBound: 2, upperBound: 1)
        model.add(Double.nan * x <= .constant(.nan), name: "r")
        #expect(issues(model).count == 4)
    }

    @Test(arguments: [
        SolveOptions(timeLimitSeconds: -1), SolveOptions(timeLimitSeconds: .nan), SolveOptions(relativeGap: -0.1),
        SolveOptions(relativeGap: .infinity), SolveOptions(progressIntervalSeconds: 0),
    ])
    func invalidOptions(_ options: SolveOptions) {
        var model = Model()
        let x = model.addVariable("x", upperBound: 1)
        model.maximize(LinearExpression(x))
        #expect(throws: MIPError.self) { try GLPKSolver().solve(model, options: options) }
    }
}
