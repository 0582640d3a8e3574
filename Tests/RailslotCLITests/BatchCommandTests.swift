import Foundation
import RailBatch
import RailFormats
import RailFormulation
import RailScenarios
import Testing

/// `railslot batch`, `merge` and `scenarios` end to end, on generated instances small enough to
/// be solved to optimality (so their results do not depend on timing).
@Suite("railslot batch", .serialized)
struct BatchCommandTests {
    /// `count` small generated instances (trains greedy insertion cannot place are dropped, so each has a timetable).
    static func instances(_ count: Int, in directory: URL) throws {
        let generator = InstanceGenerator(stations: 4, trains: 4, horizonMinutes: 360)
        for seed in 1...count {
            var instance = generator.instance(seed: UInt64(seed))
            let stuck = Set(Feasibility.trainsThatDoNotFit(instance))
            instance.trains.removeAll { stuck.contains($0.id) }
            instance.name = "day-\(seed < 10 ? "0" : "")\(seed)"
            try InstanceWriter.text(instance).write(to: directory.appendingPathComponent("\(instance.name).json"), atomically: true, encoding: .utf8)
        }
    }

    static func summary(_ directory: URL, _ file: String = "summary.json") throws -> BatchSummary {
        try #require(BatchSummary.read(path: directory.appendingPathComponent(file).path))
    }

    static func results(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".result.json") }.sorted()
    }

    @Test func sameResultsWithOneAndFourJobs() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.instances(20, in: inputs)
        let one = root.appendingPathComponent("one"), four = root.appendingPathComponent("four")
        let first = try CLIRunner.run(["batch", inputs.path, "--out-dir", one.path, "--jobs", "1", "--time-limit", "30", "--quiet"])
        let second = try CLIRunner.run(["batch", inputs.path, "--out-dir", four.path, "--jobs", "4", "--time-limit", "30", "--quiet"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let a = try Self.summary(one), b = try Self.summary(four)
        #expect(a.instances.count == 20)
        #expect(a.counts == ["optimal": 20], "\(a.counts)")
        #expect(a.instances == b.instances)
        #expect(a.counts == b.counts)
        // Every timetable written validates against its instance.
        for line in a.instances {
            let check = try CLIRunner.run(["validate", inputs.appendingPathComponent("\(line.name).json").path,
                                           one.appendingPathComponent("\(line.name).timetable.json").path])
            #expect(check.status == 0, "\(line.name): \(check.stdout)")
        }
    }

    @Test func killedBatchRerunFinishesWithoutRedoing() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.instances(20, in: inputs)
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["batch", inputs.path, "--out-dir", out.path, "--jobs", "1", "--time-limit", "30", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Self.results(out).count < 3, Date() < deadline, process.isRunning { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = Self.results(out)
        try #require(before.count >= 3 && before.count < 20, "killed after \(before.count) results")
        var contents: [String: String] = [:]
        for file in before { contents[file] = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8) }

        let rerun = try CLIRunner.run(["batch", inputs.path, "--out-dir", out.path, "--jobs", "2", "--time-limit", "30", "--quiet"])
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(Self.results(out).count == 20)
        // Results from before the kill are untouched (not solved again), and the summary says so.
        for file in before { #expect(try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8) == contents[file], "\(file)") }
        let summary = try Self.summary(out)
        #expect(summary.timing.skipped == before.count)
        #expect(summary.counts == ["optimal": 20])
        for line in summary.instances {
            let check = try CLIRunner.run(["validate", inputs.appendingPathComponent("\(line.name).json").path,
                                           out.appendingPathComponent("\(line.name).timetable.json").path])
            #expect(check.status == 0, "\(line.name): \(check.stdout)")
        }
    }

    @Test func aCorruptInstanceFailsAlone() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.instances(4, in: inputs)
        try "name: broken\nstart: [oops\n".write(to: inputs.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["batch", inputs.path, "--out-dir", out.path, "--time-limit", "30", "--quiet"])
        #expect(outcome.status == 1)
        let summary = try Self.summary(out)
        #expect(summary.counts == ["optimal": 4, "error": 1], "\(summary.counts)")
        let broken = try #require(summary.instances.first { $0.name == "broken" })
        #expect(broken.error?.contains("broken.yaml") == true, "\(broken.error ?? "")")
        #expect(outcome.stdout.contains("broken: "))
    }

    @Test func threeShardsCoverEveryInstanceOnceAndMerge() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.instances(7, in: inputs)
        var seen: [String] = []
        var directories: [String] = []
        for index in 0..<3 {
            let out = root.appendingPathComponent("shard-\(index)")
            directories.append(out.path)
            // Shard 1 comes from a Kubernetes Indexed Job's environment, the others from --shard.
            let arguments = ["batch", inputs.path, "--out-dir", out.path, "--time-limit", "30", "--quiet"]
            let outcome = index == 1
                ? try CLIRunner.run(["env", "JOB_COMPLETION_INDEX=1", "RAILSLOT_SHARD_COUNT=3", CLIRunner.executable.path] + arguments, raw: true)
                : try CLIRunner.run(arguments + ["--shard", "\(index)/3"])
            #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
            let summary = try Self.summary(out, "summary-shard-\(index)-of-3.json")
            #expect(summary.shard == "\(index)/3")
            seen += summary.instances.map(\.name)
        }
        #expect(seen.sorted() == (1...7).map { "day-0\($0)" })
        let merged = root.appendingPathComponent("merged.json")
        let merge = try CLIRunner.run(["merge"] + directories + ["-o", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        let summary = try #require(BatchSummary.read(path: merged.path))
        #expect(summary.instances.map(\.name) == (1...7).map { "day-0\($0)" })
        #expect(merge.stdout.contains("7 instance(s): 7 optimal"))
    }

    @Test func scenariosWriteValidVariants() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try CLIRunner.run(["scenarios", "examples/pingxiang/pingxiang-2026-12-01.yaml", "--out-dir", root.path,
                                         "--vary", "remove-slot=PXG-DDG/S04", "--vary", "close-lane=DDG-C1@10:00-14:00", "--vary", "scale-trains=1.3"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(files.count == 3)
        for file in files { #expect(try CLIRunner.run(["check", file]).status == 0, "\(file)") }
        let bad = try CLIRunner.run(["scenarios", "examples/pingxiang/pingxiang-2026-12-01.yaml", "--out-dir", root.path, "--vary", "remove-slot=PXG-DDG/S99"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no slot PXG-DDG/S99"))
    }
}
