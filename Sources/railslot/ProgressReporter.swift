import Foundation
import RailFormulation

/// Shows the solve's progress on stderr: a line rewritten in place on a terminal, a log line every
/// five seconds otherwise.
final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastLine = 0.0
    private var wroteLiveLine = false

    init(enabled: Bool) { self.enabled = enabled }

    var handler: (@Sendable (PlanProgress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in report(progress) }
    }

    private func report(_ progress: PlanProgress) {
        lock.lock()
        defer { lock.unlock() }
        let interval = isTerminal ? 0.2 : 5.0
        guard progress.elapsedSeconds - lastLine >= interval || lastLine == 0 else { return }
        lastLine = max(progress.elapsedSeconds, 0.001)
        var parts = [String(format: "%6.1f s", progress.elapsedSeconds), progress.round == 0 && progress.solver == nil ? "heuristics" : "model \(progress.round)"]
        if let best = progress.bestCost { parts.append("best \(best)") }
        if let solver = progress.solver {
            if let incumbent = solver.incumbent { parts.append(String(format: "incumbent %.0f", incumbent)) }
            if let bound = solver.bound { parts.append(String(format: "bound %.1f", bound)) }
            if let gap = solver.relativeGap { parts.append(String(format: "gap %.2f%%", gap * 100)) }
            parts.append("\(solver.nodes) nodes")
        } else if let bound = progress.bound {
            parts.append(String(format: "bound %.1f", bound))
            if let best = progress.bestCost, best > 0 { parts.append(String(format: "gap %.2f%%", (Double(best) - bound) / Double(best) * 100)) }
        }
        let line = parts.joined(separator: "  ")
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            wroteLiveLine = true
        } else {
            FileHandle.standardError.write(Data("progress: \(line)\n".utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if wroteLiveLine { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
