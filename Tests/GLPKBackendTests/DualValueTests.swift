import GLPKBackend
import MIP
import Testing

/// Row duals of an optimal LP: what column generation prices its columns with.
@Suite("LP row duals")
struct DualValueTests {
    @Test func dualsOfASmallLP() throws {
        // min x + 2y  s.t.  x + y >= 3,  x <= 2:  x = 2, y = 1, objective 4.
        var model = Model()
        let x = model.addVariable("x"), y = model.addVariable("y")
        model.add(x + y >= 3)
        model.add(LinearExpression(x) <= 2)
        model.minimize(x + 2 * y)
        let result = try GLPKSolver().solve(model)
        #expect(result.termination == .optimal)
        #expect(result.duals.count == 2)
        // One more unit of demand costs 2 (y); one more unit of x's room saves 1.
        #expect(abs(result.duals[0] - 2) < 1e-9)
        #expect(abs(result.duals[1] + 1) < 1e-9)
        // Strong duality: b·π equals the objective.
        #expect(abs(3 * result.duals[0] + 2 * result.duals[1] - 4) < 1e-9)
    }

    @Test func noDualsForAMIP() throws {
        var model = Model()
        let x = model.addInteger("x", lowerBound: 0, upperBound: 5)
        model.add(LinearExpression(x) >= 1.5)
        model.minimize(LinearExpression(x))
        let result = try GLPKSolver().solve(model)
        #expect(result.objective == 2)
        #expect(result.duals.isEmpty)
    }
}
