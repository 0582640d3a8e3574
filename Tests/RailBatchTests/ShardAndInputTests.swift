import Foundation
import RailBatch
import Testing

@Suite("shards and batch inputs")
struct ShardAndInputTests {
    @Test func shardsCoverEveryInstanceExactlyOnce() throws {
        let items = Array(0..<23)
        for count in 1...5 {
            let shards = (0..<count).map { Shard(index: $0, count: count)! }
            let covered = shards.flatMap { $0.select(items) }
            #expect(covered.sorted() == items, "\(count) shards")
        }
        #expect(Shard(parsing: "1/3") == Shard(index: 1, count: 3))
        for bad in ["3/3", "-1/3", "1/0", "1", "a/b", "1/3/4"] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
    }

    @Test func shardFromJobEngines() throws {
        #expect(try Shard.fromEnvironment([:]) == nil)
        // Slurm arrays may start at 1: the index counts from SLURM_ARRAY_TASK_MIN.
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"])
                == Shard(index: 2, count: 4))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], count: 5) == Shard(index: 2, count: 5))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2", "RAILSLOT_SHARD_COUNT": "3"]) == Shard(index: 2, count: 3))
        #expect(try Shard.fromEnvironment(["AWS_BATCH_JOB_ARRAY_INDEX": "0", "RAILSLOT_SHARD_COUNT": "2"]) == Shard(index: 0, count: 2))
        #expect(throws: Shard.EnvironmentError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"]) }
        #expect(throws: Shard.EnvironmentError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "7"], count: 3) }
        #expect(throws: Shard.EnvironmentError.self) { try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"]) }
    }

    @Test func inputsFromDirectoriesAndManifests() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batch-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["b.yaml", "a.json", "a.timetable.json", "c.result.json", "summary.json", "notes.txt", ".hidden.yaml"] {
            try "x".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let jobs = try BatchInputs.jobs(paths: [directory.path], manifest: nil)
        #expect(jobs.map(\.name) == ["a", "b"])
        let manifest = directory.appendingPathComponent("list.txt")
        try "# the week\nb.yaml\n\na.json  # first\n".write(to: manifest, atomically: true, encoding: .utf8)
        #expect(try BatchInputs.jobs(paths: [], manifest: manifest.path).map(\.name) == ["a", "b"])
        // The same name twice would overwrite one result with another.
        let other = directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "x".write(to: other.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: BatchInputError.self) { try BatchInputs.jobs(paths: [directory.path, other.path], manifest: nil) }
        #expect(throws: BatchInputError.self) { try BatchInputs.jobs(paths: [directory.appendingPathComponent("none.yaml").path], manifest: nil) }
    }
}
