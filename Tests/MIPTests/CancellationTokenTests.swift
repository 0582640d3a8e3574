import MIP
import Testing

/// The planner stops its search when column generation ends or when its caller cancels: a linked
/// token follows its parent, and cancelling it leaves the parent alone.
@Suite("cancellation tokens")
struct CancellationTokenTests {
    @Test func aLinkedTokenFollowsItsParentOnly() {
        let parent = CancellationToken()
        let own = CancellationToken(linkedTo: parent)
        let other = CancellationToken(linkedTo: parent)
        #expect(!own.isCancelled && !parent.isCancelled)
        own.cancel()
        #expect(own.isCancelled && !parent.isCancelled && !other.isCancelled)
        parent.cancel()
        #expect(other.isCancelled)
        let orphan = CancellationToken(linkedTo: nil)
        #expect(!orphan.isCancelled)
    }
}
