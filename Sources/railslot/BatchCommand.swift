import ArgumentParser
import Foundation
import GLPKBackend
import RailBatch

/// `railslot batch`: many instances, concurrently, resumable, shardable.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Solve many instances: one result per instance in --out-dir, skipping those already solved, then a summary.",
        discussion: """
            Each instance gets NAME.result.json (written last; it records the SHA-256 of the input and the \
            settings) and NAME.timetable.json. A result for the same input and settings is not solved again, \
            so a killed batch run again finishes the rest. A bad instance gets an error result and stops \
            nothing. The shard comes from --shard I/N, else from SLURM_ARRAY_TASK_ID/_MIN/_COUNT, \
            JOB_COMPLETION_INDEX (Kubernetes) or AWS_BATCH_JOB_ARRAY_INDEX, the last two with --shard-count \
            or RAILSLOT_SHARD_COUNT. Exit status: 0 every instance has a timetable (optimal or feasible); \
            1 some are infeasible, without a timetable or failed; 2 invalid input (nothing solved); 64 usage error.
            """
    )

    @Argument(help: "Instance files, or directories holding them.")
    var inputs: [String] = []

    @Option(help: "A file listing instance paths, one per line (relative to it; # starts a comment).")
    var manifest: String?

    @Option(name: .customLong("out-dir"), help: "Where results, timetables and the summary go.")
    var outDir: String

    @Option(help: "Instances solved at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("time-limit"), help: "Seconds per instance.")
    var timeLimit: Double = 60

    @Option(help: "Stop each solve when the relative gap is at most this.")
    var gap: Double?

    @Option(help: "Only shard I of N (0-based), e.g. 1/4: instance k of the sorted list when k mod N = I.")
    var shard: String?

    @Option(name: .customLong("shard-count"), help: "N for an index read from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.")
    var shardCount: Int?

    @Flag(help: "Print only the summary table.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty && manifest == nil { throw ValidationError("give instance files, a directory or --manifest") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let gap, !(gap.isFinite && gap >= 0) { throw ValidationError("--gap must be a number >= 0") }
        if let shard, Shard(parsing: shard) == nil { throw ValidationError("--shard must be I/N with 0 <= I < N, e.g. 0/4") }
        if let shardCount, shardCount < 1 { throw ValidationError("--shard-count must be at least 1") }
    }

    func run() throws {
        var selected = shard.flatMap(Shard.init(parsing:))
        do throws(Shard.EnvironmentError) {
            if selected == nil { selected = try Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shardCount) }
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
        let all: [BatchJob]
        do {
            all = try BatchInputs.jobs(paths: inputs, manifest: manifest)
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
        let jobs = selected.map { $0.select(all) } ?? all
        let runner = BatchRunner(solver: GLPKSolver(), outputDirectory: outDir, settings: BatchSettings(timeLimitSeconds: timeLimit, relativeGap: gap))
        let line = BatchProgressLine(enabled: !quiet)
        let report: BatchRunner.Report
        do {
            report = try runner.run(jobs, workers: self.jobs, progress: line.handler)
        } catch {
            line.finish()
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
        line.finish()
        let summary = BatchSummary(results: report.results, shard: selected, wallSeconds: report.wallSeconds, skipped: report.skipped.count)
        try CommandSupport.write(summary.json(), to: (outDir as NSString).appendingPathComponent(BatchSummary.fileName(for: selected)))
        Console.out(summary.table())
        let complete = summary.instances.allSatisfy { $0.status == "optimal" || $0.status == "feasible" }
        if !complete { throw ExitStatus.violations.code }
    }
}

/// The batch's progress on stderr: rewritten in place on a terminal, a line every 10 s otherwise.
final class BatchProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastLine = 0.0
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    var handler: (@Sendable (BatchProgress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in report(progress) }
    }

    private func report(_ progress: BatchProgress) {
        lock.lock()
        defer { lock.unlock() }
        let eta = progress.etaSeconds.map { String(format: ", ETA %.0f s", $0) } ?? ""
        let text = String(format: "batch: %d/%d done (%d skipped), %d running, %d failed, %.0f s elapsed", progress.done, progress.total,
                          progress.skipped, progress.running, progress.failed, progress.elapsedSeconds) + eta
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            drawn = true
        } else if progress.elapsedSeconds - lastLine >= 10 || progress.done == progress.total {
            lastLine = progress.elapsedSeconds
            Console.error(text)
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
