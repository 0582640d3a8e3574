/// Errors thrown by the MIP layer and its backends. Infeasible, unbounded and limits reached are
/// *results* (see `SolveResult`), never errors: these are for models or options that cannot be
/// solved as given, and for backend failures.
public enum MIPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model breaks a rule every backend relies on; every problem found is listed.
    case invalidModel([ModelIssue])
    /// An option is out of range (a negative time limit, a gap that is not a number, ...).
    case invalidOption(String)
    /// The backend failed in a way that says nothing about the model's feasibility.
    case backendFailure(String)
    /// Writing a model file failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidModel(let issues):
            let shown = issues.prefix(20).map { "  - \($0)" }.joined(separator: "\n")
            let more = issues.count > 20 ? "\n  ... and \(issues.count - 20) more" : ""
            return "invalid model (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n\(shown)\(more)"
        case .invalidOption(let reason):
            return "invalid solver option: \(reason)"
        case .backendFailure(let reason):
            return "solver failure: \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
