import MIP

/// What branch and bound has shown so far, and what to do next: progress reports, the incumbent,
/// the best bound, the warm start waiting to be injected and cancellation. Pure Swift: the C
/// callback in `GLPK.swift` reads GLPK's tree and reports here.
final class SearchMonitor {
    private let options: SolveOptions
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant?

    private(set) var incumbent: Double?
    private(set) var bound: Double?
    private(set) var nodes = 0
    /// 1-based values (GLPK's layout) of a checked warm start, until it is handed over.
    private(set) var pendingWarmStart: [Double]?
    var warmStartOutcome: WarmStartOutcome

    init(options: SolveOptions, started: ContinuousClock.Instant, warmStart: [Double]?, warmStartOutcome: WarmStartOutcome) {
        self.options = options
        self.started = started
        self.pendingWarmStart = warmStart.map { [0] + $0 }
        self.warmStartOutcome = warmStartOutcome
    }

    var elapsedSeconds: Double { (clock.now - started).seconds }

    var isCancelled: Bool { options.cancellation?.isCancelled ?? false }

    /// Whether `timeIsUp` has said yes: the tree was stopped for time, not by the caller.
    private(set) var stoppedForTime = false

    /// Whether the solve's time limit has passed (recorded in `stoppedForTime`). GLPK's own
    /// `tm_lim` was seen ignored: a 58,834-row model's tree ran 60 s where 23 s were left, 37 s
    /// past the limit, so the callback stops the tree itself.
    func timeIsUp() -> Bool {
        guard let limit = options.timeLimitSeconds, elapsedSeconds >= limit else { return false }
        stoppedForTime = true
        return true
    }

    /// Records one look at the tree; reports progress when due or when the incumbent improved.
    func observe(incumbent newIncumbent: Double?, bound newBound: Double?, nodes newNodes: Int) {
        let improved = newIncumbent != nil && newIncumbent != incumbent
        if let newIncumbent { incumbent = newIncumbent }
        if let newBound, newBound.isFinite, abs(newBound) < 1e300 { bound = newBound }
        nodes = max(nodes, newNodes)
        guard let progress = options.progress else { return }
        let now = clock.now
        let due = lastReport.map { (now - $0).seconds >= options.progressIntervalSeconds } ?? true
        guard due || improved else { return }
        lastReport = now
        var gap: Double?
        if let incumbent, let bound { gap = SolveResult.gap(objective: incumbent, bound: bound) }
        progress(SolveProgress(elapsedSeconds: elapsedSeconds, incumbent: incumbent, bound: bound, relativeGap: gap, nodes: nodes))
    }

    /// The warm start to inject now, at most once.
    func takeWarmStart() -> [Double]? {
        defer { pendingWarmStart = nil }
        return pendingWarmStart
    }

    func warmStartInjected(accepted: Bool) {
        warmStartOutcome = accepted ? .accepted : .unused("GLPK already had an incumbent at least as good")
    }

    /// Called once the search is over: a warm start never asked for was not used.
    func finish() {
        if pendingWarmStart != nil {
            pendingWarmStart = nil
            warmStartOutcome = .unused("the search ended before GLPK asked for a heuristic solution")
        }
    }
}
