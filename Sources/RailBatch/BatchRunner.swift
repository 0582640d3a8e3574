import Foundation
import MIP
import RailDomain
import RailFormats
import RailFormulation
import Synchronization

/// Where a batch stands, for a progress line.
public struct BatchProgress: Sendable {
    public var total: Int
    public var done: Int
    public var running: Int
    public var failed: Int
    public var skipped: Int
    public var elapsedSeconds: Double

    /// Seconds left at the pace of the instances solved so far (skipped ones excluded).
    public var etaSeconds: Double? {
        let solved = done - skipped
        guard solved > 0, total > done else { return total == done ? 0 : nil }
        return elapsedSeconds / Double(solved) * Double(total - done)
    }
}

/// Solves a batch of instances on `jobs` worker threads (each GLPK solve on its own thread,
/// inside the backend). Every instance gets `NAME.result.json` (written last, atomically: its
/// presence means done) and, when a timetable came out, `NAME.timetable.json`. An instance
/// whose result exists for the same input bytes and settings is skipped, so a batch killed part
/// way and run again finishes the rest; a bad instance gets an error result and stops nothing.
public struct BatchRunner: Sendable {
    public let solver: any MIPSolver
    public let outputDirectory: String
    public let settings: BatchSettings

    public init(solver: any MIPSolver, outputDirectory: String, settings: BatchSettings) {
        self.solver = solver
        self.outputDirectory = outputDirectory
        self.settings = settings
    }

    public struct Report: Sendable {
        /// In job order.
        public var results: [BatchResult]
        public var skipped: Set<String>
        public var wallSeconds: Double
    }

    private struct State {
        var next = 0
        var running = 0
        var done = 0
        var failed = 0
        var skipped: Set<String> = []
        var results: [String: BatchResult] = [:]
    }

    public func run(_ jobs: [BatchJob], workers: Int, progressInterval: Double = 1,
                    progress: (@Sendable (BatchProgress) -> Void)? = nil) throws(AtomicFile.WriteError) -> Report {
        try makeDirectory()
        let started = ContinuousClock.now
        let state = Mutex(State())
        let finished = DispatchSemaphore(value: 0)
        let count = max(1, min(workers, jobs.count))
        @Sendable func snapshot() -> BatchProgress {
            state.withLock { s in
                BatchProgress(total: jobs.count, done: s.done, running: s.running, failed: s.failed, skipped: s.skipped.count,
                              elapsedSeconds: Self.seconds(ContinuousClock.now - started))
            }
        }
        for _ in 0..<count {
            let thread = Thread {
                while true {
                    let index: Int? = state.withLock { s in
                        guard s.next < jobs.count else { return nil }
                        s.next += 1
                        s.running += 1
                        return s.next - 1
                    }
                    guard let index else { break }
                    let (result, skipped) = solveOrSkip(jobs[index])
                    state.withLock { s in
                        s.running -= 1
                        s.done += 1
                        if result.outcome.status == "error" { s.failed += 1 }
                        if skipped { s.skipped.insert(result.name) }
                        s.results[result.name] = result
                    }
                    progress?(snapshot())
                }
                finished.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        var remaining = count
        while remaining > 0 {
            if finished.wait(timeout: .now() + progressInterval) == .success {
                remaining -= 1
            } else {
                progress?(snapshot())
            }
        }
        let final = state.withLock { $0 }
        return Report(results: jobs.compactMap { final.results[$0.name] }, skipped: final.skipped,
                      wallSeconds: Self.seconds(ContinuousClock.now - started))
    }

    /// The existing result if it is for the same input and settings; else a new solve.
    func solveOrSkip(_ job: BatchJob) -> (BatchResult, skipped: Bool) {
        let clockStart = ContinuousClock.now
        guard let bytes = FileManager.default.contents(atPath: job.path).map(Array.init) else {
            return (store(job, hash: "", outcome: .init(status: "error", error: "\(job.path): cannot be read"), since: clockStart), false)
        }
        let hash = BatchResult.sha256(bytes)
        if let existing = BatchResult.read(name: job.name, in: outputDirectory), existing.inputSha256 == hash,
           existing.settings == settings, existing.outcome.timetable.map({ timetableExists($0) }) ?? true {
            return (existing, true)
        }
        return (store(job, hash: hash, outcome: solve(job, bytes: bytes), since: clockStart), false)
    }

    private func solve(_ job: BatchJob, bytes: [UInt8]) -> BatchResult.Outcome {
        let instance: Instance
        do {
            instance = try InstanceLoader.load(bytes: bytes, format: .guess(path: job.path, bytes: bytes), file: job.path)
        } catch {
            return .init(status: "error", error: error.description)
        }
        let result: PlanResult
        do {
            result = try TimetablePlanner(solver: solver).plan(instance, options: PlanOptions(timeLimitSeconds: settings.timeLimitSeconds,
                                                                                             relativeGap: settings.relativeGap))
        } catch {
            return .init(status: "error", error: error.description)
        }
        let schedule = result.schedule
        let timetable = BatchResult.timetableName(of: job.name)
        do {
            try TimetableWriter.write(schedule, instance: instance, to: path(timetable))
        } catch {
            return .init(status: "error", error: error.description)
        }
        var gap: Double?
        if let objective = schedule.objective, let bound = schedule.bound {
            gap = objective == 0 ? 0 : max(0, (Double(objective) - bound) / abs(Double(objective)))
        }
        return .init(status: schedule.status.rawValue, objective: schedule.objective, bound: schedule.bound, gap: gap,
                     trains: schedule.trains.count, scheduled: schedule.trains.filter(\.scheduled).count, timetable: timetable)
    }

    /// Writes the result file (atomically); a result that cannot be written is reported as an error.
    private func store(_ job: BatchJob, hash: String, outcome: BatchResult.Outcome, since start: ContinuousClock.Instant) -> BatchResult {
        var result = BatchResult(format: BatchResult.currentFormat, name: job.name, instanceFile: job.path, inputSha256: hash,
                                 settings: settings, outcome: outcome,
                                 timing: .init(seconds: Self.seconds(ContinuousClock.now - start), finishedAt: Self.now()))
        do {
            try AtomicFile.write(result.json(), to: path(BatchResult.fileName(of: job.name)))
        } catch {
            result.outcome = .init(status: "error", error: error.description)
        }
        return result
    }

    private func path(_ file: String) -> String { (outputDirectory as NSString).appendingPathComponent(file) }

    private func timetableExists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: path(file)) }

    private func makeDirectory() throws(AtomicFile.WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: outputDirectory, reason: error.localizedDescription)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
