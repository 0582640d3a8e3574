import MIP

/// Solves `Model`s with GLPK 5.0 (`glp_simplex` for LPs, `glp_intopt` for MIPs).
///
/// Each solve runs on a thread created for it: the GLPK problem is created, solved and deleted
/// there and GLPK's per-thread environment is freed before the thread ends, so independent
/// solves may run on several threads at once. Models and options are validated in Swift before
/// the first GLPK call, because GLPK aborts the process on misuse.
public struct GLPKSolver: MIPSolver {
    public var parameters: GLPKParameters

    public init(parameters: GLPKParameters = GLPKParameters()) {
        self.parameters = parameters
    }

    public var name: String { "glpk" }
    public var version: String { GLPK.version }

    public func solve(_ model: Model, options: SolveOptions = SolveOptions()) throws(MIPError) -> SolveResult {
        let parameters = parameters
        return try DedicatedThread.run { GLPKSolver.solveOnCurrentThread(model, options, parameters).result }.get()
    }

    /// The same solve without blocking a cooperative thread; cancelling the task stops the search
    /// (the result is then `.interrupted`, with the best point found).
    public func solve(_ model: Model, options: SolveOptions = SolveOptions()) async throws(MIPError) -> SolveResult {
        var options = options
        let token = options.cancellation ?? CancellationToken()
        options.cancellation = token
        let parameters = parameters
        let finalOptions = options
        let outcome = await withTaskCancellationHandler {
            await DedicatedThread.run { GLPKSolver.solveOnCurrentThread(model, finalOptions, parameters).result }
        } onCancel: {
            token.cancel()
        }
        return try outcome.get()
    }

    /// Solves on the calling thread, then reports the GLPK memory still allocated on it after the
    /// problem was deleted (zero unless GLPK leaks) and frees the thread's GLPK environment.
    /// The calling thread must not hold other GLPK objects.
    static func solveOnCurrentThread(
        _ model: Model, _ options: SolveOptions, _ parameters: GLPKParameters
    ) -> (result: Result<SolveResult, MIPError>, leftoverBlocks: Int, leftoverBytes: Int) {
        let result = Result { () throws(MIPError) -> SolveResult in
            try GLPKSolveRun(model: model, options: options, parameters: parameters).run()
        }
        let (blocks, bytes) = GLPK.memoryInUse()
        GLPK.freeEnvironment()
        return (result, blocks, bytes)
    }
}
