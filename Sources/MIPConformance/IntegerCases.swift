import MIP

/// Integer and binary models with known optima, and their infeasible and unbounded kin.
enum IntegerCases {
    static let all: [ConformanceCase] = [
        ConformanceCase("mip_knapsack", expect: Expectation([.optimal], .feasiblePoint, objective: 34)) {
            (knapsack(), SolveOptions())
        },
        ConformanceCase("mip_knapsack_no_presolve", expect: Expectation([.optimal], .feasiblePoint, objective: 34)) {
            (knapsack(), SolveOptions(presolve: false))
        },
        ConformanceCase("mip_assignment", expect: Expectation([.optimal], .feasiblePoint, objective: 13)) {
            let cost: [[Double]] = [[9, 2, 7, 8], [6, 4, 3, 7], [5, 8, 1, 8], [7, 6, 9, 4]]
            var m = Model(name: "assignment")
            let assign = (0..<4).map { i in (0..<4).map { j in m.addBinary("a_\(i)_\(j)") } }
            for i in 0..<4 { m.add(LinearExpression.sum(assign[i]) == 1, name: "worker_\(i)") }
            for j in 0..<4 { m.add(LinearExpression.sum((0..<4).map { assign[$0][j] }) == 1, name: "task_\(j)") }
            m.minimize(.sum((0..<4).flatMap { i in (0..<4).map { j in (assign[i][j], cost[i][j]) } }))
            return (m, SolveOptions())
        },
        ConformanceCase("mip_general_integers_with_constant", expect: Expectation([.optimal], .feasiblePoint, objective: 23, values: ["x": 4, "y": 0])) {
            var m = Model()
            let x = m.addInteger("x"), y = m.addInteger("y")
            m.add(6 * x + 4 * y <= 24)
            m.add(x + 2 * y <= 6)
            m.maximize(5 * x + 4 * y + 3)
            return (m, SolveOptions())
        },
        ConformanceCase("mip_equality_and_ranged", expect: Expectation([.optimal], .feasiblePoint, objective: 5, values: ["x": 5, "y": 2])) {
            var m = Model()
            let x = m.addInteger("x", upperBound: 10), y = m.addInteger("y", upperBound: 10)
            m.add(x + y == 7)
            m.addConstraint(x - y, .ranged(lower: 2, upper: 3.5))
            m.maximize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("mip_fractional_integer_bounds", expect: Expectation([.optimal], .feasiblePoint, objective: 2, values: ["x": 2])) {
            var m = Model()
            let x = m.addInteger("x", lowerBound: 0.5, upperBound: 2.5)
            m.maximize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("mip_fractional_bounds_without_integer", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addInteger("x", lowerBound: 0.2, upperBound: 0.8)
            m.maximize(LinearExpression(x))
            return (m, SolveOptions())
        },
        ConformanceCase("mip_fixed_binary", expect: Expectation([.optimal], .feasiblePoint, objective: 1, values: ["b": 1, "c": 0])) {
            var m = Model()
            let b = m.addVariable("b", kind: .binary, lowerBound: 1, upperBound: 1), c = m.addBinary("c")
            m.minimize(b + c)
            return (m, SolveOptions())
        },
        ConformanceCase("mip_relaxation_infeasible", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addBinary("x"), y = m.addBinary("y")
            m.add(x + y >= 3)
            m.minimize(x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("mip_integer_infeasible_relaxation_feasible", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addInteger("x", upperBound: 5), y = m.addInteger("y", upperBound: 5)
            m.add(2 * x + 2 * y == 3)
            m.minimize(x + y)
            return (m, SolveOptions())
        },
        ConformanceCase("mip_integer_infeasible_no_presolve", expect: Expectation([.infeasible], .noSolution)) {
            var m = Model()
            let x = m.addInteger("x", upperBound: 5), y = m.addInteger("y", upperBound: 5)
            m.add(2 * x + 2 * y == 3)
            m.minimize(x + y)
            return (m, SolveOptions(presolve: false))
        },
        ConformanceCase("mip_unbounded", expect: Expectation([.unbounded, .infeasibleOrUnbounded], .noSolution)) {
            var m = Model()
            let x = m.addInteger("x"), y = m.addVariable("y")
            m.add(x - y <= 0.5)
            m.maximize(x + y)
            return (m, SolveOptions())
        },
    ]

    static func knapsack() -> Model {
        let value: [Double] = [10, 13, 7, 8, 9, 11, 6], weight: [Double] = [5, 6, 4, 3, 5, 7, 2]
        var m = Model(name: "knapsack")
        let take = (0..<value.count).map { m.addBinary("take_\($0)") }
        m.add(.sum(zip(take, weight).map { ($0, $1) }) <= 15, name: "capacity")
        m.maximize(.sum(zip(take, value).map { ($0, $1) }))
        return m
    }
}
