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

    /// Branch and price changes column bounds between solves: fixing a column at 0 or 1 gives the
    /// optimum of the LP with that column fixed, and undoing it gives the first optimum back.
    @Test func changedBoundsMatchTheRestrictedLP() {
        // min 3a + 2b + 4c, a + b ≥ 1, b + c ≥ 1, 0 ≤ x ≤ 1: b alone (2); b fixed at 0: a + c (7).
        let outcomes = GLPKSolver().withIncrementalLP { lp -> [Double] in
            var found: [Double] = []
            _ = try? lp.addRows([SparseRow(terms: [], bounds: .greaterOrEqual(1)), SparseRow(terms: [], bounds: .greaterOrEqual(1))])
            _ = try? lp.addColumns([SparseColumn(cost: 3, lowerBound: 0, upperBound: 1, terms: [(0, 1)]),
                                    SparseColumn(cost: 2, lowerBound: 0, upperBound: 1, terms: [(0, 1), (1, 1)]),
                                    SparseColumn(cost: 4, lowerBound: 0, upperBound: 1, terms: [(1, 1)])])
            for bounds in [nil, (0.0, 0.0), (0.0, 1.0), (1.0, 1.0)] as [(Double, Double)?] {
                if let bounds { try? lp.setColumnBounds([(column: 1, lower: bounds.0, upper: bounds.1)]) }
                if let solution = try? lp.solve(timeLimitSeconds: 10), let objective = solution.objective { found.append(objective) }
            }
            var errors = 0
            do { try lp.setColumnBounds([(column: 3, lower: 0, upper: 1)]) } catch { errors += 1 }
            do { try lp.setColumnBounds([(column: 0, lower: 1, upper: 0)]) } catch { errors += 1 }
            found.append(Double(errors))
            return found
        }
        #expect(outcomes == [2, 7, 2, 2, 2])
    }

    /// Branch and price starts a node from its parent's basis: a basis taken at an optimum and
    /// restored after other changes starts at that optimum (no pivots), one taken before rows and
    /// columns were added still fits (the new ones basic or at a bound), and one that cannot be
    /// a basis of this LP is an error.
    @Test func restoredBasesStartWhereTheyWereTaken() {
        // min 3a + 2b + 4c, a + b ≥ 1, b + c ≥ 1, 0 ≤ x ≤ 1: b alone (2); later d (cost 1) joins
        // the second row and a row a + d ≤ 2.
        let outcomes = GLPKSolver().withIncrementalLP { lp -> [String] in
            var found: [String] = []
            func solve() {
                guard let solution = try? lp.solve(timeLimitSeconds: 10), let objective = solution.objective else { return found.append("no solution") }
                found.append("\(objective) after \(solution.iterations)")
            }
            _ = try? lp.addRows([SparseRow(terms: [], bounds: .greaterOrEqual(1)), SparseRow(terms: [], bounds: .greaterOrEqual(1))])
            _ = try? lp.addColumns([SparseColumn(cost: 3, lowerBound: 0, upperBound: 1, terms: [(0, 1)]),
                                    SparseColumn(cost: 2, lowerBound: 0, upperBound: 1, terms: [(0, 1), (1, 1)]),
                                    SparseColumn(cost: 4, lowerBound: 0, upperBound: 1, terms: [(1, 1)])])
            solve()
            guard let optimal = try? lp.basis() else { return found + ["no basis"] }
            found.append("basic \(optimal.columns.map { $0 == .basic })")
            try? lp.setColumnBounds([(column: 1, lower: 0, upper: 0)])
            solve()
            try? lp.setColumnBounds([(column: 1, lower: 0, upper: 1)])
            // d covers the second row; b alone stays optimal.
            _ = try? lp.addColumns([SparseColumn(cost: 1, lowerBound: 0, upperBound: 1, terms: [(1, 1)])])
            _ = try? lp.addRows([SparseRow(terms: [(0, 1), (3, 1)], bounds: .lessOrEqual(2))])
            do { try lp.restore(optimal) } catch { found.append("\(error)") }
            solve()
            // b left out: from b's basis (b now at a bound it breaks) to a + d.
            try? lp.setColumnBounds([(column: 1, lower: 0, upper: 0)])
            do { try lp.restore(optimal) } catch { found.append("\(error)") }
            solve()
            var errors = 0
            do { try lp.restore(LPBasis(rows: Array(repeating: .basic, count: 4), columns: [])) } catch { errors += 1 }
            do { try lp.restore(LPBasis(rows: [.basic, .atLower], columns: [.atLower])) } catch { errors += 1 }
            found.append("errors \(errors)")
            solve()
            return found
        }
        #expect(outcomes.count == 7, "\(outcomes)")
        guard outcomes.count == 7 else { return }
        #expect(outcomes[0].hasPrefix("2.0 after"))
        #expect(outcomes[1] == "basic [false, true, false]")
        #expect(outcomes[2].hasPrefix("7.0 after"))
        // With d: a + d = 4 > 2 = b alone; b's basis is still optimal, so no pivot.
        #expect(outcomes[3] == "2.0 after 0")
        #expect(outcomes[4].hasPrefix("4.0 after") && outcomes[4] != "4.0 after 0", "\(outcomes[4])")
        #expect(outcomes[5] == "errors 2")
        // The rejected bases changed nothing: the last optimum's basis is where the solve starts.
        #expect(outcomes[6] == "4.0 after 0")
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
