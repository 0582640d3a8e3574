import Foundation
import GLPKBackend
import MIP
import MIPConformance
import Testing

/// The LP file railslot writes, solved by `glpsol --lp` (Debian's glpk-utils) in another process,
/// must have the optimum the backend finds in-process: a check of the writer and the loader at once.
@Suite("LP export solved by glpsol")
struct LPExportCrossCheckTests {
    struct GlpsolReport {
        var status: String
        var objective: Double?
    }

    static func glpsol(_ lpText: String) throws -> GlpsolReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.lp"), report = directory.appendingPathComponent("report.txt")
        try lpText.write(to: model, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["glpsol", "--lp", model.path, "-o", report.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        var result = GlpsolReport(status: "no report (glpsol exit \(process.terminationStatus))", objective: nil)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "Status:" { result.status = fields.dropFirst().joined(separator: " ") }
            if fields.first == "Objective:", fields.count >= 4 { result.objective = Double(fields[3]) }
        }
        return result
    }

    static let optimalCases = ConformanceSuite.cases.filter {
        $0.expectation.termination == [.optimal] && $0.expectation.objective != nil && $0.expectation.warmStart == .notGiven
    }

    @Test func glpsolIsInstalled() throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol"), "install Debian's glpk-utils")
    }

    @Test(arguments: optimalCases)
    func sameOptimum(_ testCase: ConformanceCase) throws {
        let (model, options) = testCase.make()
        let inProcess = try GLPKSolver().solve(model, options: options)
        let report = try LPExportCrossCheckTests.glpsol(try LPWriter.lpText(for: model))
        #expect(report.status.contains("OPTIMAL"), "\(testCase.name): glpsol status \(report.status)")
        let objective = try #require(report.objective, "\(testCase.name): glpsol reported no objective")
        let expected = try #require(inProcess.objective)
        #expect(abs(objective - expected) <= 1e-6 * max(1, abs(expected)), "\(testCase.name): glpsol \(objective), backend \(expected)")
    }

    @Test(arguments: ConformanceSuite.cases.filter { $0.expectation.termination == [.infeasible] && $0.expectation.warmStart == .notGiven })
    func infeasibleStaysInfeasible(_ testCase: ConformanceCase) throws {
        let (model, _) = testCase.make()
        let report = try LPExportCrossCheckTests.glpsol(try LPWriter.lpText(for: model))
        #expect(!report.status.contains("OPTIMAL"), "\(testCase.name): glpsol status \(report.status)")
        #expect(report.status.contains("EMPTY") || report.status.contains("INFEASIBLE") || report.status.contains("UNDEFINED"),
                "\(testCase.name): glpsol status \(report.status)")
    }
}
