import ArgumentParser
import RailDomain
import RailFormats
import RailReports

/// `railslot compare A.json B.json`: what changed between two timetables, like `diff`.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two timetables train by train: departure shifts, dwell, tracks, slots, lateness, scheduled or not.",
        discussion: """
            Exit status: 0 identical (same trains, times, tracks, slots, status and objective; bound and \
            solver report are not compared); 1 they differ; 2 invalid input; 64 usage error. With \
            --instance, both are read against it and KPI deltas are added.
            """
    )

    @Argument(help: "The first timetable (JSON).")
    var a: String

    @Argument(help: "The second timetable (JSON).")
    var b: String

    @Option(help: "The instance both belong to: adds KPI and recomputed-objective deltas.")
    var instance: String?

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let loaded = try instance.map { try CommandSupport.loadInstance($0) }
        // Read both before giving up, so that every unreadable file is reported at once.
        let first = try? CommandSupport.loadTimetable(a, instance: loaded).schedule
        let second = try? CommandSupport.loadTimetable(b, instance: loaded).schedule
        guard let first, let second else { throw ExitStatus.invalidInput.code }
        let report = ComparisonReport(a: first, b: second, instance: loaded)
        Console.out(format == .text ? report.text() : report.json())
        if !report.identical { throw ExitStatus.violations.code }
    }
}
