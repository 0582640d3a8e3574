import ArgumentParser
import Foundation
import GLPKBackend
import Logging
import RailDomain
import RailFormats
import RailFormulation
import RailScenarios

/// Plans generated corridors of growing size and prints, per instance, the size of the largest
/// model solved, where the time went, and what was proven. Run in release mode:
/// `swift run -c release railslot-bench [--quick]`.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "railslot-bench",
        abstract: "Benchmark the planner on generated instances of 10 to 320 trains (one day to a week).",
        discussion: "Instances come from RailScenarios.InstanceGenerator (8 stations, a border, 20% optional trains); trains that greedy insertion cannot place are dropped (the trains column counts those kept), so every instance has a timetable."
    )

    @Flag(help: "Only the three smallest instances.")
    var quick = false

    @Option(help: "Seed of the generated instances.")
    var seed: UInt64 = 2026

    @Option(help: "Only instances with this many trains.")
    var trains: Int?

    @Flag(help: "GLPK's log on stderr.")
    var verbose = false

    @Option(help: "Also write each generated instance (JSON, spec section 3) into this directory.")
    var writeInstances: String?

    struct Case {
        let trains: Int
        let days: Int
        let limit: Double
    }

    static let cases = [
        Case(trains: 10, days: 1, limit: 30), Case(trains: 20, days: 1, limit: 30), Case(trains: 40, days: 1, limit: 30),
        Case(trains: 80, days: 1, limit: 30), Case(trains: 160, days: 3, limit: 120), Case(trains: 320, days: 7, limit: 120),
    ]

    /// Writes the instance as `bench-N.json`, making the directory when it is missing.
    private func writeInstance(_ instance: Instance, into directory: String, trains: Int) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            // Foundation's own words here are an error number; these are what it means.
            throw BenchError(description: "cannot make the directory \(directory): a file is in the way, or it may not be written")
        }
        do {
            try AtomicFile.write(InstanceWriter.text(instance), to: "\(directory)/bench-\(trains).json")
        } catch {
            throw BenchError(description: error.description)
        }
    }

    /// Unbuffered, so a long run shows each row as soon as it is measured.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func run() throws {
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
        say("railslot-bench: seed \(seed), \(machine), GLPK \(GLPKSolver().version)")
        say("")
        say("| trains | days | rows | columns | non-zeros | models | heuristic s | build s | solve s | decode s | CG rounds | CG runs | CG s | CG converged | B&P nodes | total s | objective | bound | gap | status |")
        say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|")
        for item in Benchmark.cases.prefix(quick ? 3 : Benchmark.cases.count) where trains == nil || trains == item.trains {
            let generator = InstanceGenerator(stations: 8, trains: item.trains, horizonMinutes: 1440, days: item.days, border: true,
                                              doubleTrackShare: 0.3, optionalShare: 0.2)
            var instance = generator.instance(seed: seed &+ UInt64(item.trains))
            // Feasible by construction: trains greedy insertion cannot place are dropped.
            let stuck = Set(Feasibility.trainsThatDoNotFit(instance))
            instance.trains.removeAll { stuck.contains($0.id) }
            if let directory = writeInstances {
                try writeInstance(instance, into: directory, trains: item.trains)
            }
            var options = PlanOptions(timeLimitSeconds: item.limit)
            if verbose { options.logger = Logger(label: "glpk") { StreamLogHandler.standardError(label: $0) } }
            let result = try TimetablePlanner(solver: GLPKSolver()).plan(instance, options: options)
            let largest = result.rounds.max { $0.columns < $1.columns }
            let build = result.rounds.reduce(0) { $0 + $1.buildSeconds }
            let solve = result.rounds.reduce(0) { $0 + $1.solveSeconds }
            let decode = result.rounds.reduce(0) { $0 + $1.decodeSeconds }
            let generation = result.columnGeneration
            // Column generation runs on a second thread beside the rest: not subtracted.
            let heuristic = max(0, result.seconds - build - solve - decode)
            let schedule = result.schedule
            var gap = "–"
            if let objective = schedule.objective, let bound = schedule.bound, objective > 0 {
                gap = String(format: "%.1f%%", 100 * (Double(objective) - bound) / Double(objective))
            }
            func f(_ x: Double) -> String { String(format: "%.2f", x) }
            // Branch and price after column generation converged: nodes, and "closed" when its tree was.
            let branching = generation?.branchingNodes.map { "\($0)" + (generation!.branchingExhausted ? " closed" : "") } ?? "–"
            say("| \(instance.trains.count) of \(item.trains) | \(item.days) | \(largest?.rows ?? 0) | \(largest?.columns ?? 0) | \(largest?.nonZeros ?? 0) | \(result.rounds.count) | "
                  + "\(f(heuristic)) | \(f(build)) | \(f(solve)) | \(f(decode)) | "
                  + "\(generation.map { String($0.rounds) } ?? "–") | \(generation.map { String($0.columns) } ?? "–") | \(f(generation?.seconds ?? 0)) | "
                  + "\(generation.map { $0.converged ? "yes" : "no" } ?? "–") | \(branching) | \(f(result.seconds)) | \(schedule.objective.map(String.init) ?? "–") | "
                  + "\(schedule.bound.map { String(format: "%.0f", $0) } ?? "–") | \(gap) | \(schedule.status.rawValue) |")

        }
    }
}

/// A failure reported as one line, without the usage text argument errors get.
struct BenchError: Error, CustomStringConvertible {
    let description: String
}
