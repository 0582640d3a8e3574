import Foundation
import Testing

/// Every instance under examples/ passes `railslot check`, and every `NAME.timetable.json`
/// passes `railslot validate` against `NAME.yaml` beside it.
@Suite("examples")
struct ExamplesTests {
    static func files(endingWith suffix: String) -> [String] {
        let root = CLIRunner.root.appendingPathComponent("examples")
        let all = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        // Batch outputs (examples/batch/results, not committed) are not examples.
        return all.filter { $0.hasSuffix(suffix) && !$0.hasPrefix("batch/results/") }.sorted().map { "examples/\($0)" }
    }

    /// Instance files: not timetables, batch summaries or the Kubernetes manifest.
    static let instances = (files(endingWith: ".yaml") + files(endingWith: ".json"))
        .filter { !$0.hasSuffix(".timetable.json") && !$0.hasSuffix("-summary.json") && !$0.hasSuffix("k8s-indexed-job.yaml") }
    static let timetables = files(endingWith: ".timetable.json")

    @Test func examplesExist() {
        #expect(ExamplesTests.instances.count >= 3)
        #expect(ExamplesTests.timetables.count >= 2)
    }

    @Test(arguments: instances)
    func instanceChecks(_ file: String) throws {
        let outcome = try CLIRunner.run(["check", file])
        #expect(outcome.status == 0, "\(file): \(outcome.stderr)")
    }

    @Test(arguments: timetables)
    func timetableValidates(_ file: String) throws {
        let instance = file.replacingOccurrences(of: ".timetable.json", with: ".yaml")
        let outcome = try CLIRunner.run(["validate", instance, file])
        #expect(outcome.status == 0, "\(file): \(outcome.stdout)\(outcome.stderr)")
    }
}
