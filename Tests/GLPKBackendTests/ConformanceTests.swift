import GLPKBackend
import MIP
import MIPConformance
import Testing

@Suite("GLPK conformance")
struct ConformanceTests {
    @Test("suite is large enough") func suiteSize() {
        #expect(ConformanceSuite.cases.count >= 25)
        #expect(Set(ConformanceSuite.cases.map(\.name)).count == ConformanceSuite.cases.count)
    }

    @Test(arguments: ConformanceSuite.cases)
    func conformance(_ testCase: ConformanceCase) throws {
        let (model, options) = testCase.make()
        let result = try GLPKSolver().solve(model, options: options)
        let failures = testCase.failures(of: result, model: model)
        #expect(failures.isEmpty, "\(testCase.name): \(failures.joined(separator: "; ")) [\(result.backendStatus)]")
    }

    /// The whole suite again with the primal simplex (the default is the dual): same statuses,
    /// same optima.
    @Test(arguments: ConformanceSuite.cases)
    func conformanceWithThePrimalSimplex(_ testCase: ConformanceCase) throws {
        let (model, options) = testCase.make()
        let result = try GLPKSolver(parameters: GLPKParameters(simplex: .primal)).solve(model, options: options)
        let failures = testCase.failures(of: result, model: model)
        #expect(failures.isEmpty, "\(testCase.name): \(failures.joined(separator: "; ")) [\(result.backendStatus)]")
    }

    @Test(arguments: ConformanceSuite.cases.filter { ["mip_knapsack", "lp_transportation", "mip_assignment", "lp_infeasible"].contains($0.name) })
    func conformanceAsync(_ testCase: ConformanceCase) async throws {
        let (model, options) = testCase.make()
        let result = try await GLPKSolver().solve(model, options: options)
        let failures = testCase.failures(of: result, model: model)
        #expect(failures.isEmpty, "\(testCase.name): \(failures.joined(separator: "; "))")
    }
}
