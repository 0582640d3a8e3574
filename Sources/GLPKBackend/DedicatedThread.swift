import Foundation

/// Runs work on a thread of its own, created for it and ended after it. GLPK objects and GLPK's
/// per-thread environment must stay on one thread, which Swift concurrency does not promise
/// across an `await`.
enum DedicatedThread {
    /// GLPK recurses in its LU factorisation and presolver: give it room.
    static let stackSize = 16 << 20

    /// Runs `body` on a new thread and blocks the caller until it returns.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        start {
            box.value = body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// Runs `body` on a new thread and resumes the caller when it returns, without blocking a
    /// cooperative thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: body()) }
        }
    }

    private static func start(_ block: @escaping @Sendable () -> Void) {
        let thread = Thread(block: block)
        thread.name = "railslot.glpk"
        thread.stackSize = stackSize
        thread.start()
    }
}

/// Written once by the worker before it signals, read once by the waiter after: the semaphore orders them.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
