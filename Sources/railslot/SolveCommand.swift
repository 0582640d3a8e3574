import ArgumentParser
import Foundation
import GLPKBackend
import Logging
import RailDomain
import RailFormats
import RailFormulation
import RailReports

/// `railslot solve INSTANCE`: plan a timetable with GLPK.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan a timetable: border slots, sidings and customs lanes as a MIP solved by GLPK.",
        discussion: "Every timetable written has passed the independent validator. " + ExitStatus.helpText
    )

    @Argument(help: "The instance file (.json, .yaml or .yml).")
    var instance: String

    @Option(name: .shortAndLong, help: "Write the timetable here (atomically) instead of to stdout.")
    var output: String?

    @Option(help: "Output format: json (the timetable format), csv, text or railml (default: text on a terminal, else json).")
    var format: TimetableFormat?

    @Option(help: "Also draw the timetable here: a time-distance diagram and track Gantt chart (.svg, or .html for a page).")
    var diagram: String?

    @Option(help: "Start from this timetable (JSON, spec section 6), e.g. yesterday's plan after a change: the result is never worse than it. Ignored, with a note, if it breaks a rule.")
    var start: String?

    @Option(name: .customLong("time-limit"), help: "Stop after this many seconds with the best timetable found.")
    var timeLimit: Double = 300

    @Option(help: "Stop when the relative gap is at most this (e.g. 0.01).")
    var gap: Double?

    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    @Flag(help: "Also print GLPK's own log on stderr.")
    var verbose = false

    func validate() throws {
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let gap, !(gap.isFinite && gap >= 0) { throw ValidationError("--gap must be a number >= 0") }
    }

    func run() throws {
        let loaded = try CommandSupport.loadInstance(instance)
        let reporter = ProgressReporter(enabled: !quiet)
        var options = PlanOptions(timeLimitSeconds: timeLimit, relativeGap: gap, progress: reporter.handler)
        if verbose {
            options.logger = Logger(label: "railslot.glpk") { StreamLogHandler.standardError(label: $0) }
        }
        if let start {
            options.startingTimetable = try startingRuns(start, instance: loaded)
        }
        let result: PlanResult
        do {
            result = try TimetablePlanner(solver: GLPKSolver()).plan(loaded, options: options)
        } catch {
            reporter.finish()
            Console.error(error.description)
            throw ExitStatus.internalError.code
        }
        reporter.finish()
        var schedule = result.schedule
        if schedule.status == .infeasible, !result.explanation.isEmpty {
            Console.error("infeasible: no timetable runs every non-optional train:\n" + result.explanation.map { "  - \($0)" }.joined(separator: "\n"))
            schedule.trains = schedule.trains.map { run in
                var copy = run
                let train = run.train.rawValue
                copy.reason = result.explanation.first { $0.hasPrefix(train + " ") }
                return copy
            }
        }
        let chosen = format ?? (output == nil && Terminal.stdoutIsTerminal ? .text : .json)
        let text = TimetableFormat.render(chosen, schedule: schedule, instance: loaded, style: output == nil ? Terminal.style() : .plain)
        if let output {
            try CommandSupport.write(text, to: output)
        } else {
            Console.out(text)
        }
        if let diagram {
            try CommandSupport.write(TimetableDiagram.render(.of(path: diagram), schedule: schedule, instance: loaded), to: diagram)
        }
        if verbose {
            for (index, round) in result.rounds.enumerated() {
                Console.error(String(format: "model %d%@: extra wait up to %d min, %d rows, %d columns, %d non-zeros; build %.2f s, solve %.2f s, decode %.2f s; %@, objective %@, bound %@, warm start %@",
                                     index + 1, round.pricedWindows ? " (inside priced windows)" : "", round.extra, round.rows, round.columns, round.nonZeros, round.buildSeconds, round.solveSeconds, round.decodeSeconds,
                                     round.termination.rawValue, round.objective.map { String(format: "%.0f", $0) } ?? "none",
                                     round.bound.map { String(format: "%.1f", $0) } ?? "none", round.warmStart))
            }
            if let generation = result.columnGeneration {
                Console.error(String(format: "column generation: %d rounds, %d runs, %.2f s (rounds %.2f s), %@, bound %.1f",
                                     generation.rounds, generation.columns, generation.seconds, generation.roundsSeconds,
                                     generation.converged ? "converged" : "not converged", generation.bound)
                              + (generation.branchingNodes.map { "; branch and price: \($0) nodes, " + (generation.branchingExhausted ? "tree closed" : "tree open, \(generation.branchingUnresolved) node(s) unresolved") } ?? ""))
            }
            if result.dayPlans > 0 {
                Console.error("day neighbourhoods: \(result.dayPlans) day plan(s), \(result.dayPlansImproving) cheaper")
            }
        }
        if !quiet { Console.error(summary(result)) }
        switch schedule.status {
        case .optimal, .feasible: return
        case .infeasible: throw ExitStatus.infeasible.code
        case .noSolution: throw ExitStatus.noSolution.code
        }
    }

    /// The timetable in `path` as one run per train of the instance, in the instance's order; nil,
    /// with a note on stderr, when it breaks a rule of the instance or of the timetable format.
    private func startingRuns(_ path: String, instance: Instance) throws -> [TrainRun]? {
        let document = try CommandSupport.loadTimetable(path, instance: instance)
        var schedule = document.schedule
        let byTrain = Dictionary(schedule.trains.map { ($0.train, $0) }, uniquingKeysWith: { first, _ in first })
        schedule.trains = instance.trains.map { byTrain[$0.id] ?? TrainRun(train: $0.id, scheduled: false) }
        // Only its times, tracks and slots matter here, not what it claims about itself.
        schedule.status = .feasible
        schedule.bound = nil
        schedule.objective = ScheduleCost.compute(schedule, for: instance).total
        let violations = document.formatViolations + ScheduleValidator.validate(schedule, against: instance)
        guard violations.isEmpty else {
            if !quiet { Console.error("note: the starting timetable breaks \(violations.count) rule(s), not used; first: \(violations[0])") }
            return nil
        }
        return schedule.trains
    }

    private func summary(_ result: PlanResult) -> String {
        let schedule = result.schedule
        let scheduled = schedule.trains.filter(\.scheduled).count
        let objective = schedule.objective.map(String.init) ?? "none"
        let bound = schedule.bound.map { String(format: "%.1f", $0) } ?? "none"
        return "\(schedule.status.rawValue): \(scheduled)/\(schedule.trains.count) trains, objective \(objective), bound \(bound), \(String(format: "%.2f", result.seconds)) s, \(result.rounds.count) model(s)"
    }
}

extension TimetableFormat: ExpressibleByArgument {}
