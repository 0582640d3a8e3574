import GLPKBackend
import MIP
import Testing

/// A checked warm start whose columns all sit at bounds also gives the root LP its starting
/// basis; the optimum is the one found without any warm start.
@Suite("warm-start basis")
struct WarmBasisTests {
    /// max 5a + 4b + 3c + 2d  s.t.  2a + 3b + c + 4d <= 5,  a + b + c + d <= 3 (binaries), as a
    /// minimisation: the best is a + b (weight 5, value 9); a + c (weight 3, value 8) is feasible.
    private func knapsack() -> (Model, [Variable]) {
        var model = Model(name: "knapsack")
        let items = ["a", "b", "c", "d"].map { model.addBinary($0) }
        model.add(LinearExpression.sum(zip(items, [2.0, 3, 1, 4])) <= 5)
        model.add(LinearExpression.sum(items) <= 3)
        model.minimize(LinearExpression.sum(zip(items, [-5.0, -4, -3, -2])))
        return (model, items)
    }

    @Test func rootLPStartsFromTheWarmStart() throws {
        let (model, _) = knapsack()
        let plain = try GLPKSolver().solve(model)
        // a and c: feasible, every column at a bound.
        let warm = try GLPKSolver().solve(model, options: SolveOptions(warmStart: [1, 0, 1, 0]))
        #expect(plain.termination == .optimal && warm.termination == .optimal)
        #expect(plain.objective == -9 && warm.objective == -9)
        #expect(warm.notes.contains("root LP started from the warm start's basis"), "\(warm.notes)")
        #expect(!plain.notes.contains("root LP started from the warm start's basis"))
    }

    @Test func noBasisFromAPointInsideItsBounds() throws {
        var (model, items) = knapsack()
        // A continuous column strictly between its bounds cannot be non-basic.
        let slack = model.addVariable("slack", lowerBound: 0, upperBound: 10)
        model.add(LinearExpression(slack) - LinearExpression(items[0]) >= 0)
        let warm = try GLPKSolver().solve(model, options: SolveOptions(warmStart: [1, 0, 1, 0, 4]))
        #expect(warm.termination == .optimal && warm.objective == -9)
        #expect(!warm.notes.contains("root LP started from the warm start's basis"), "\(warm.notes)")
    }
}
