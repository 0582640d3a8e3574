import Foundation
import GLPKBackend
@testable import RailFormulation
import RailDomain
import RailFormats
import RailScenarios
import Testing

/// models/railslot.mod is the spec written independently in GNU MathProg (no windows, every track
/// its own resource). glpsol solving it on `export-data`'s output must find railslot's optimum.
@Suite("GMPL reference model")
struct MathProgCrossCheckTests {
    /// glpsol's optimum, or nil when it reports no integer feasible solution.
    static func glpsol(_ instance: Instance) throws -> Int? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gmpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("instance.dat")
        try MathProgData.text(instance).write(to: data, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["glpsol", "-m", Examples.root.appendingPathComponent("models/railslot.mod").path, "-d", data.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.contains("PROBLEM HAS NO INTEGER FEASIBLE SOLUTION") || output.contains("PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION") { return nil }
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("railslot objective ") }),
              let value = Int(line.dropFirst("railslot objective ".count)) else {
            throw CrossCheckError(output: String(output.suffix(2000)))
        }
        return value
    }

    struct CrossCheckError: Error { let output: String }

    static func compare(_ instance: Instance) throws {
        let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: PlanOptions(timeLimitSeconds: 60))
        let reference = try glpsol(instance)
        switch result.schedule.status {
        case .optimal: #expect(result.schedule.objective == reference, "\(instance.name): railslot \(result.schedule.objective!), glpsol \(String(describing: reference))")
        case .infeasible: #expect(reference == nil, "\(instance.name): railslot infeasible, glpsol \(String(describing: reference))")
        default: Issue.record("\(instance.name): railslot \(result.schedule.status) within 60 s")
        }
    }

    @Test(arguments: ["examples/basics/meet.yaml", "examples/basics/line.yaml"])
    func examples(_ file: String) throws {
        try MathProgCrossCheckTests.compare(try Examples.load(file))
    }

    @Test(arguments: Array(1...5) as [UInt64])
    func randomInstances(seed: UInt64) throws {
        try MathProgCrossCheckTests.compare(InstanceGenerator(stations: 4, trains: 3, horizonMinutes: 200).instance(seed: 900 + seed))
    }
}
