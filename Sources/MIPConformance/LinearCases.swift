import MIP

/// Continuous models: statuses, bounds of every kind, row kinds, constants.
enum LinearCases {
    static let all: [ConformanceCase] = [
        ConformanceCase("lp_minimize_two_rows", expect: Expectation([.optimal], .feasiblePoint, objective: 2.8, values: ["x": 1.6, "y": 1.2])) {
            var m = Model(name: "lp_min")
            let x = m.addVariable("x"), y = m.addVariable("y")
            m.add(x + 2 * y >= 4, name: "c1")
            m.add(3 * x + y >= 6, name: "c2")
            m.minimize(x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_maximize", expect: Expectation([.optimal], .feasiblePoint, objective: 11, values: ["x": 3, "y": 1])) {
            var m = Model()
            let x = m.addVariable("x", upperBound: 3), y = m.addVariable("y")
            m.add(x + y <= 4)
            m.add(x + 3 * y <= 6)
            m.maximize(3 * x + 2 * y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_equalities", expect: Expectation([.optimal], .feasiblePoint, objective: 5, values: ["x": 3, "y": 2])) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y")
            m.add(x + y == 5)
            m.add(x - y == 1)
            m.minimize(x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_ranged_row_upper", expect: Expectation([.optimal], .feasiblePoint, objective: 5, values: ["x": 5])) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y", lowerBound: 1)
            m.addConstraint(x + y, .ranged(lower: 2, upper: 6), name: "band")
            m.maximize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_ranged_row_lower", expect: Expectation([.optimal], .feasiblePoint, objective: 1, values: ["x": 1])) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y", upperBound: 1)
            m.addConstraint(x + y, .ranged(lower: 2, upper: 6), name: "band")
            m.minimize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_free_variable", expect: Expectation([.optimal], .feasiblePoint, objective: -7, values: ["x": -7])) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: -.infinity)
            m.add(LinearExpression(x) >= -7)
            m.minimize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_fixed_variable", expect: Expectation([.optimal], .feasiblePoint, objective: -1, values: ["x": 3, "y": 2])) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: 3, upperBound: 3), y = m.addVariable("y")
            m.add(y >= x - 1)
            m.minimize(y - x)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_negative_bounds", expect: Expectation([.optimal], .feasiblePoint, objective: -5, values: ["x": -5])) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: -5, upperBound: -2)
            m.minimize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_upper_bound_only", expect: Expectation([.optimal], .feasiblePoint, objective: 4, values: ["x": 4])) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: -.infinity, upperBound: 4)
            m.maximize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_objective_constant", expect: Expectation([.optimal], .feasiblePoint, objective: 11)) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: 1)
            m.minimize(x + 10)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_no_rows", expect: Expectation([.optimal], .feasiblePoint, objective: 6)) {
            var m = Model()
            let x = m.addVariable("x", upperBound: 2), y = m.addVariable("y", upperBound: 1)
            m.maximize(2 * x + 2 * y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_empty_row_satisfied", expect: Expectation([.optimal], .feasiblePoint, objective: 2)) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: 2)
            m.addConstraint(LinearExpression(), .lessOrEqual(5), name: "always")
            m.minimize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_empty_row_violated", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addVariable("x")
            m.addConstraint(LinearExpression(), .greaterOrEqual(5), name: "never")
            m.minimize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_duplicate_coefficients", expect: Expectation([.optimal], .feasiblePoint, objective: 7, values: ["x": 3, "y": 1])) {
            var m = Model()
            let x = m.addVariable("x", upperBound: 3), y = m.addVariable("y")
            m.add(x + x + y - x <= 4)  // merged into x + y <= 4
            m.maximize(x + x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_constant_on_both_sides", expect: Expectation([.optimal], .feasiblePoint, objective: 6, values: ["x": 6])) {
            var m = Model()
            let x = m.addVariable("x")
            m.add(x + 4 <= LinearExpression(constant: 10))  // x <= 6
            m.maximize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_free_row", expect: Expectation([.optimal], .feasiblePoint, objective: 1, values: ["x": 1])) {
            var m = Model()
            let x = m.addVariable("x", lowerBound: 1), y = m.addVariable("y")
            m.addConstraint(x - 3 * y, .ranged(lower: -.infinity, upper: .infinity), name: "watch")
            m.minimize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("lp_infeasible", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y")
            m.add(x + y <= 1)
            m.add(x + y >= 2)
            m.minimize(x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_infeasible_no_presolve", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y")
            m.add(x + y <= 1)
            m.add(x - y >= 2)
            m.add(y - x >= 0)
            m.minimize(x + y)
            return (m, SolveOptions(presolve: false))
        },
        ConformanceCase("lp_unbounded", expect: Expectation([.unbounded, .infeasibleOrUnbounded], .noSolution)) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y")
            m.add(x - y <= 1)
            m.maximize(x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("lp_unbounded_no_presolve", expect: Expectation([.unbounded], .noSolution)) {
            var m = Model()
            let x = m.addVariable("x"), y = m.addVariable("y")
            m.add(x - y <= 1)
            m.maximize(x + y)
            return (m, SolveOptions(presolve: false))
        },
        ConformanceCase("lp_transportation", expect: Expectation([.optimal], .feasiblePoint, objective: 585)) {
            let supply: [Double] = [20, 30, 25], demand: [Double] = [10, 25, 15, 25]
            let cost: [[Double]] = [[8, 6, 10, 9], [9, 12, 13, 7], [14, 9, 16, 5]]
            var m = Model(name: "transport")
            let ship = (0..<3).map { i in (0..<4).map { j in m.addVariable("ship_\(i)_\(j)") } }
            for i in 0..<3 { m.add(LinearExpression.sum(ship[i]) <= LinearExpression(constant: supply[i]), name: "supply_\(i)") }
            for j in 0..<4 { m.add(LinearExpression.sum((0..<3).map { ship[$0][j] }) == LinearExpression(constant: demand[j]), name: "demand_\(j)") }
            m.minimize(.sum((0..<3).flatMap { i in (0..<4).map { j in (ship[i][j], cost[i][j]) } }))
            return (m, SolveOptions())
        },
    ]
}
