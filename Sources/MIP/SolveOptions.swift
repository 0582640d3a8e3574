import Logging
import Synchronization

/// How much a backend says about its work (sent to `SolveOptions.logger`, never to stdout).
public enum SolverMessageLevel: String, Sendable, Codable, CaseIterable {
    case off, errors, normal, all
}

/// A flag a solve polls: set it from any thread to stop the search, keeping the best point found.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)
    private let parent: CancellationToken?
    public init() { parent = nil }
    /// A token that is also cancelled whenever `parent` is (a stop of one's own beside the caller's).
    public init(linkedTo parent: CancellationToken?) { self.parent = parent }
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) || parent?.isCancelled == true }
}

/// A snapshot of branch and bound, reported while it runs.
public struct SolveProgress: Sendable, Equatable {
    public var elapsedSeconds: Double
    /// Objective of the best feasible point so far, if any.
    public var incumbent: Double?
    /// Best proven bound so far, if known.
    public var bound: Double?
    /// Relative gap `|incumbent - bound| / |incumbent|`, if both are known.
    public var relativeGap: Double?
    /// Branch-and-bound nodes created so far.
    public var nodes: Int

    public init(elapsedSeconds: Double, incumbent: Double?, bound: Double?, relativeGap: Double?, nodes: Int) {
        self.elapsedSeconds = elapsedSeconds
        self.incumbent = incumbent
        self.bound = bound
        self.relativeGap = relativeGap
        self.nodes = nodes
    }
}

public struct SolveOptions: Sendable {
    /// Wall-clock limit for the whole solve, in seconds.
    public var timeLimitSeconds: Double?
    /// Stop when the relative gap between incumbent and bound is at most this (e.g. 0.01 for 1%).
    public var relativeGap: Double?
    /// Let the backend presolve. A warm start needs the original columns, so a backend may turn it off then.
    public var presolve: Bool
    /// How much the backend logs, to `logger`.
    public var messageLevel: SolverMessageLevel
    /// Where the backend's own output goes; nil discards it.
    public var logger: Logger?
    /// A point (one value per variable) to start from; checked against the whole model before use.
    public var warmStart: [Double]?
    /// Called during branch and bound, at most every `progressInterval` seconds and whenever the incumbent improves.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var progressIntervalSeconds: Double
    /// Set to stop the search early; the result is then `.interrupted` with the best point found.
    public var cancellation: CancellationToken?

    public init(
        timeLimitSeconds: Double? = nil,
        relativeGap: Double? = nil,
        presolve: Bool = true,
        messageLevel: SolverMessageLevel = .errors,
        logger: Logger? = nil,
        warmStart: [Double]? = nil,
        progress: (@Sendable (SolveProgress) -> Void)? = nil,
        progressIntervalSeconds: Double = 1,
        cancellation: CancellationToken? = nil
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.messageLevel = messageLevel
        self.logger = logger
        self.warmStart = warmStart
        self.progress = progress
        self.progressIntervalSeconds = progressIntervalSeconds
        self.cancellation = cancellation
    }

    /// Throws `MIPError.invalidOption` for values no backend can honour.
    public func validated() throws(MIPError) {
        if let limit = timeLimitSeconds, !(limit.isFinite && limit >= 0) {
            throw .invalidOption("time limit must be a finite number of seconds >= 0, got \(limit)")
        }
        if let gap = relativeGap, !(gap.isFinite && gap >= 0) {
            throw .invalidOption("relative gap must be a finite number >= 0, got \(gap)")
        }
        if !(progressIntervalSeconds.isFinite && progressIntervalSeconds > 0) {
            throw .invalidOption("progress interval must be a positive number of seconds, got \(progressIntervalSeconds)")
        }
    }
}
