import MIP
import Testing

@Suite("linear expressions")
struct LinearExpressionTests {
    @Test func normalizationMergesOrdersAndDropsZeros() {
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y"), z = model.addVariable("z")
        let expression = (3 * z + x - 2 * y + 2 * x + 2 * y + 4).normalized()
        #expect(expression.terms == [Term(x, 3), Term(z, 3)])
        #expect(expression.constant == 4)
    }

    @Test func constraintMovesConstantToBounds() {
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y")
        let row = model.add(x + 5 <= y + 8, name: "c")
        let definition = model.definition(of: row)
        #expect(definition.terms == [Term(x, 1), Term(y, -1)])
        #expect(definition.bounds == .lessOrEqual(3))
    }

    @Test func rangedRowShiftsBothSides() {
        var model = Model()
        let x = model.addVariable("x")
        let row = model.addConstraint(x + 2, .ranged(lower: 1, upper: 5))
        #expect(model.definition(of: row).bounds == .ranged(lower: -1, upper: 3))
    }

    @Test func valueAtPoint() {
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y")
        #expect((2 * x - y + 1).value(at: [3, 4]) == 3)
        #expect(LinearExpression.sum([x, y, x]).normalized().terms == [Term(x, 2), Term(y, 1)])
    }

    @Test func binaryDefaultsToUnitBounds() {
        var model = Model()
        let b = model.addVariable("b", kind: .binary)
        #expect(model.definition(of: b).lowerBound == 0)
        #expect(model.definition(of: b).upperBound == 1)
    }

    @Test func effectiveBoundsRoundIntegersInward() {
        let integer = VariableDefinition(name: nil, kind: .integer, lowerBound: 0.5, upperBound: 2.5)
        #expect(integer.effectiveBounds == (1, 2))
        let binary = VariableDefinition(name: nil, kind: .binary, lowerBound: -3, upperBound: 7)
        #expect(binary.effectiveBounds == (0, 1))
    }
}

@Suite("point check")
struct PointCheckTests {
    private func model() -> (Model, Variable, Variable) {
        var model = Model()
        let x = model.addInteger("x", upperBound: 5), y = model.addVariable("y", lowerBound: -1, upperBound: 1)
        model.add(x + y <= 4, name: "cap")
        model.addConstraint(x - y, .ranged(lower: 0, upper: 3), name: "band")
        return (model, x, y)
    }

    @Test func feasiblePointPasses() {
        let (model, _, _) = model()
        #expect(model.violations(of: [3, 1]).isEmpty)
    }

    @Test func eachViolationIsNamed() {
        let (model, _, _) = model()
        let found = model.violations(of: [4.5, -2])
        #expect(found.contains { $0.place == .variable(index: 0, name: "x") && $0.kind == .notIntegral(value: 4.5) })
        #expect(found.contains { $0.place == .variable(index: 1, name: "y") && $0.kind == .belowLowerBound(value: -2, bound: -1) })
        #expect(found.contains { $0.place == .constraint(index: 1, name: "band") && $0.kind == .aboveUpperBound(value: 6.5, bound: 3) })
        #expect(!found.contains { $0.place == .constraint(index: 0, name: "cap") })
    }

    @Test func wrongLengthAndNonFinite() {
        let (model, _, _) = model()
        #expect(model.violations(of: [1]) == [PointViolation(place: .model, kind: .wrongLength(expected: 2, actual: 1))])
        let nonFinite = model.violations(of: [.nan, 0])
        #expect(nonFinite.count == 1)
        #expect(nonFinite.first?.place == .variable(index: 0, name: "x"))
        if case .notFinite(let value)? = nonFinite.first?.kind { #expect(value.isNaN) } else { Issue.record("\(nonFinite)") }
    }
}
