@testable import GLPKBackend
import MIP
import Testing

/// The branch-and-bound callback stops the tree at the time limit itself: GLPK 5.0 was seen
/// running a 58,834-row model's tree 37 s past its `tm_lim`.
@Suite("search monitor")
struct SearchMonitorTests {
    private func monitor(limit: Double?, startedSecondsAgo: Double) -> SearchMonitor {
        let started = ContinuousClock.now - .milliseconds(Int(startedSecondsAgo * 1000))
        return SearchMonitor(options: SolveOptions(timeLimitSeconds: limit), started: started, warmStart: nil, warmStartOutcome: .notGiven)
    }

    @Test func timeIsUpOnlyOnceTheLimitHasPassed() {
        let early = monitor(limit: 5, startedSecondsAgo: 1)
        #expect(!early.timeIsUp())
        #expect(!early.stoppedForTime)
        let late = monitor(limit: 5, startedSecondsAgo: 6)
        #expect(late.timeIsUp())
        #expect(late.stoppedForTime)
        let unlimited = monitor(limit: nil, startedSecondsAgo: 1_000)
        #expect(!unlimited.timeIsUp())
        #expect(!unlimited.stoppedForTime)
    }
}
