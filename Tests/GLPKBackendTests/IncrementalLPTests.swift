import GLPKBackend
import MIP
import Testing

/// The LP kept between solves (column generation's master): each solve from the last basis gives
/// what a solve of the whole model from scratch gives; malformed additions are errors, not aborts.
@Suite("incremental LP")
struct IncrementalLPTests {
    /// A covering LP grown a column at a time: min Σ c_j x_j, Σ_{j covers i} x_j ≥ 1, x ≤ 1.
    @Test func growingMatchesSolvingFromScratch() throws {
        let covers: [[Int]] = [[0, 1], [1, 2], [2, 3], [0, 3], [0, 2], [1, 3], [0, 1, 2, 3]]
        let costs: [Double] = [3, 2, 4, 3, 3.5, 2.5, 7]
        let outcomes = GLPKSolver().withIncrementalLP { lp -> [(incremental: Double, scratch: Double, duals: [Double])] in
            var results: [(Double, Double, [Double])] = []
            _ = try? lp.addRows((0..<4).map { _ in SparseRow(terms: [], bounds: .greaterOrEqual(1)) })
            for (j, rows) in covers.enumerated() {
                _ = try? lp.addColumns([SparseColumn(cost: costs[j], lowerBound: 0, upperBound: 1, terms: rows.map { ($0, 1.0) })])
                guard j >= 2, let solution = try? lp.solve(timeLimitSeconds: 10) else { continue }
                var model = Model()
                let x = (0...j).map { _ in model.addVariable(lowerBound: 0, upperBound: 1) }
                for i in 0..<4 { model.add(LinearExpression.sum((0...j).filter { covers[$0].contains(i) }.map { x[$0] }) >= 1) }
                model.minimize(LinearExpression.sum(zip(x, costs).map { ($0, $1) }))
                let scratch = (try? GLPKSolver().solve(model))?.objective ?? .nan
                results.append((solution.objective ?? .nan, scratch, solution.duals))
            }
            return results
        }
        #expect(outcomes.count == covers.count - 2)
        for outcome in outcomes {
            #expect(abs(outcome.incremental - outcome.scratch) < 1e-9, "\(outcome)")
            // Covering rows of a minimisation: duals ≥ 0, one per row.
            #expect(outcome.duals.count == 4)
            #expect(outcome.duals.allSatisfy { $0 >= -1e-9 })
        }
        // The whole LP's optimum (checked with SciPy's HiGHS): x1 + x3 = 2 + 3.
        #expect(abs((outcomes.last?.incremental ?? 0) - 5) < 1e-9)
    }

    @Test func malformedAdditionsAreErrors() {
        let errors = GLPKSolver().withIncrementalLP { lp -> [String] in
            var found: [String] = []
            do { try lp.addRows([SparseRow(terms: [(0, 1)], bounds: .lessOrEqual(1))]) } catch { found.append("\(error)") }
            _ = try? lp.addRows([SparseRow(terms: [], bounds: .lessOrEqual(1))])
            do { try lp.addColumns([SparseColumn(cost: 1, terms: [(0, 1), (0, 2)])]) } catch { found.append("\(error)") }
            do { try lp.addColumns([SparseColumn(cost: .nan, terms: [])]) } catch { found.append("\(error)") }
            do { try lp.addColumns([SparseColumn(cost: 1, lowerBound: 2, upperBound: 1, terms: [])]) } catch { found.append("\(error)") }
            do { _ = try lp.solve(timeLimitSeconds: 1) } catch { found.append("\(error)") }
            // Nothing malformed reached GLPK: one row, no column.
            found.append("rows \(lp.rowCount) columns \(lp.columnCount)")
            return found
        }
        #expect(errors.count == 6, "\(errors)")
        #expect(errors[0].contains("index 0 outside 0..<0"))
        #expect(errors[1].contains("given twice"))
        #expect(errors[2].contains("not finite"))
        #expect(errors[3].contains("above upper bound"))
        #expect(errors[4].contains("no variables"))
        #expect(errors[5] == "rows 1 columns 0")
    }
}
