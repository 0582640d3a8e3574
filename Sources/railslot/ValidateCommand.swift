import ArgumentParser
import RailDomain
import RailFormats

/// `railslot validate INSTANCE TIMETABLE`: judge a timetable against every rule.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a timetable against its instance: every rule of the spec, and its claimed objective.",
        discussion: ExitStatus.helpText
    )

    @Argument(help: "The instance file (.json, .yaml or .yml).")
    var instance: String

    @Argument(help: "The timetable file (JSON, railslot-timetable/1).")
    var timetable: String

    @Option(help: "How to print the verdict: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let loaded = try CommandSupport.loadInstance(instance)
        let document = try CommandSupport.loadTimetable(timetable, instance: loaded)
        let violations = document.formatViolations + ScheduleValidator.validate(document.schedule, against: loaded)
        let cost = ScheduleCost.compute(document.schedule, for: loaded).total
        switch format {
        case .text: Console.out(ValidationReport.text(violations, schedule: document.schedule, cost: cost))
        case .json: Console.out(ValidationReport.json(violations, schedule: document.schedule, cost: cost))
        }
        if !violations.isEmpty { throw ExitStatus.violations.code }
    }
}
