import ArgumentParser
import GLPKBackend

/// `railslot solver-info`: which solver this build uses, to check an installation.
struct SolverInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solver-info",
        abstract: "Print the MIP solver railslot is built with and its version."
    )

    func run() {
        let solver = GLPKSolver()
        print("solver: \(solver.name) \(solver.version)")
    }
}
