import Foundation
@testable import GLPKBackend
import MIP
import MIPConformance
import Testing

@Suite("threads and memory")
struct ThreadAndMemoryTests {
    /// A knapsack big enough for real branch and bound, different per seed.
    static func knapsack(seed: UInt64, items: Int = 40) -> Model {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 90 + 10)
        }
        var model = Model(name: "knapsack_\(seed)")
        let take = (0..<items).map { model.addBinary("take\($0)") }
        let weights = take.map { _ in next() }, values = take.map { _ in next() }
        model.add(.sum(zip(take, weights).map { ($0, $1) }) <= .constant(weights.reduce(0, +) / 3), name: "capacity")
        model.maximize(.sum(zip(take, values).map { ($0, $1) }))
        return model
    }

    @Test func glpkIsBuiltWithThreadLocalStorage() {
        #expect(GLPK.threadLocalStorage == "_Thread_local")
    }

    @Test func concurrentSolvesMatchSerialOnes() async throws {
        let models = (1...16).map { ThreadAndMemoryTests.knapsack(seed: $0) }
        let serial = try models.map { try GLPKSolver().solve($0).objective }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for (index, model) in models.enumerated() {
                group.addTask { (index, try await GLPKSolver().solve(model).objective) }
            }
            var found = [Double?](repeating: nil, count: models.count)
            for try await (index, objective) in group { found[index] = objective }
            return found
        }
        #expect(serial.allSatisfy { $0 != nil })
        #expect(concurrent == serial)
    }

    @Test func concurrentSolvesOnPlainThreads() throws {
        let models = (20...27).map { ThreadAndMemoryTests.knapsack(seed: $0) }
        let expected = try models.map { try GLPKSolver().solve($0).objective }
        let lock = NSLock()
        nonisolated(unsafe) var found = [Double?](repeating: nil, count: models.count)
        DispatchQueue.concurrentPerform(iterations: models.count) { index in
            let objective = try? GLPKSolver().solve(models[index]).objective
            lock.withLock { found[index] = objective }
        }
        #expect(found == expected)
    }

    @Test(arguments: ["mip_knapsack", "lp_transportation", "mip_integer_infeasible_relaxation_feasible", "time_limit_with_incumbent", "warm_start_accepted", "lp_unbounded"])
    func memoryReturnsToZero(caseName: String) throws {
        let testCase = try #require(ConformanceSuite.cases.first { $0.name == caseName })
        let (model, options) = testCase.make()
        let outcome = DedicatedThread.run { () -> (Bool, Int, Int) in
            let run = GLPKSolver.solveOnCurrentThread(model, options, GLPKParameters())
            let solved = (try? run.result.get()) != nil
            return (solved, run.leftoverBlocks, run.leftoverBytes)
        }
        #expect(outcome.0)
        #expect(outcome.1 == 0, "GLPK blocks left after deleting the problem")
        #expect(outcome.2 == 0, "GLPK bytes left after deleting the problem")
    }

    @Test func taskCancellationInterruptsTheSearch() async throws {
        let (model, start) = MarketSplitForTests.withSlacks()
        let searching = CancellationToken()  // used as a flag: set once branch and bound holds an incumbent
        let options = SolveOptions(timeLimitSeconds: 60, warmStart: start, progress: { if $0.incumbent != nil { searching.cancel() } })
        let task = Task { try await GLPKSolver().solve(model, options: options) }
        // Generous: under the full parallel suite the task may wait long for a cooperative thread.
        let deadline = ContinuousClock.now + .seconds(300)
        while !searching.isCancelled, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(searching.isCancelled, "branch and bound never reported an incumbent")
        task.cancel()
        let began = ContinuousClock.now
        let result = try await task.value
        #expect(result.termination == .interrupted)
        #expect(result.hasPoint)
        // Well inside the 60 s limit a search that ignored the cancellation would use; under the
        // full parallel suite on 2 cores it once took 8.0 s (usually well under a second).
        #expect(ContinuousClock.now - began < .seconds(20))
    }
}

/// The conformance suite's hard instance, reached through its public case.
enum MarketSplitForTests {
    static func withSlacks() -> (Model, [Double]) {
        let testCase = ConformanceSuite.cases.first { $0.name == "time_limit_with_incumbent" }!
        let (model, options) = testCase.make()
        return (model, options.warmStart!)
    }
}
