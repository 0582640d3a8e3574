import MIP

/// Limits, interruption and warm starts: what a backend holds when it stops early.
enum LimitCases {
    static let all: [ConformanceCase] = [
        ConformanceCase("time_limit_with_incumbent", expect: Expectation([.timeLimit], .feasiblePoint, warmStart: .anyButRejected)) {
            let (model, start) = MarketSplit.withSlacks()
            return (model, SolveOptions(timeLimitSeconds: 0.5, warmStart: start))
        },
        ConformanceCase("time_limit_without_incumbent", expect: Expectation([.timeLimit], .noSolution)) {
            (MarketSplit.exact(), SolveOptions(timeLimitSeconds: 0.5))
        },
        ConformanceCase("gap_limit", expect: Expectation([.gapLimit], .feasiblePoint, warmStart: .accepted)) {
            // The root bound is 0 and any incumbent is positive, so a gap limit above 100% stops at the first incumbent.
            let (model, start) = MarketSplit.withSlacks()
            return (model, SolveOptions(relativeGap: 1.5, warmStart: start))
        },
        ConformanceCase("cancelled_during_search", expect: Expectation([.interrupted], .feasiblePoint, warmStart: .accepted)) {
            let (model, start) = MarketSplit.withSlacks()
            let token = CancellationToken()
            let options = SolveOptions(timeLimitSeconds: 30, warmStart: start, progress: { if $0.incumbent != nil { token.cancel() } }, cancellation: token)
            return (model, options)
        },
        ConformanceCase("cancelled_before_start", expect: Expectation([.interrupted], .noSolution)) {
            let token = CancellationToken()
            token.cancel()
            return (IntegerCases.knapsack(), SolveOptions(cancellation: token))
        },
        ConformanceCase("warm_start_accepted", expect: Expectation([.optimal], .feasiblePoint, objective: 34, warmStart: .accepted)) {
            // A feasible but not optimal packing (items 0, 1, 4: weight 16 > 15 is not allowed; 0, 1: value 23).
            let model = IntegerCases.knapsack()
            return (model, SolveOptions(warmStart: [1, 1, 0, 0, 0, 0, 0]))
        },
        ConformanceCase("warm_start_rejected_row", expect: Expectation([.optimal], .feasiblePoint, objective: 34, warmStart: .rejected)) {
            // Every item: far over capacity.
            (IntegerCases.knapsack(), SolveOptions(warmStart: [1, 1, 1, 1, 1, 1, 1]))
        },
        ConformanceCase("warm_start_rejected_fractional", expect: Expectation([.optimal], .feasiblePoint, objective: 34, warmStart: .rejected)) {
            (IntegerCases.knapsack(), SolveOptions(warmStart: [0.5, 0, 0, 0, 0, 0, 0]))
        },
        ConformanceCase("warm_start_rejected_length", expect: Expectation([.optimal], .feasiblePoint, objective: 34, warmStart: .rejected)) {
            (IntegerCases.knapsack(), SolveOptions(warmStart: [1, 0]))
        },
    ]
}

/// Every conformance case, in a fixed order.
public enum ConformanceSuite {
    public static let cases: [ConformanceCase] = LinearCases.all + IntegerCases.all + LimitCases.all
}
