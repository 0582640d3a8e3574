import ArgumentParser
import RailDomain
import RailFormats
import RailReports

/// `railslot diagram INSTANCE TIMETABLE -o plan.svg`: draw a timetable.
struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw a timetable: time-distance (Marey) diagram with slot windows and meets, and a track/lane Gantt chart.",
        discussion: "A timetable that breaks rules is still drawn; its violations are listed on stderr. " + ExitStatus.helpText
    )

    @Argument(help: "The instance file (.json, .yaml or .yml).")
    var instance: String

    @Argument(help: "The timetable file (JSON, railslot-timetable/1).")
    var timetable: String

    @Option(name: .shortAndLong, help: "Write the picture here (atomically): .svg, or .html for a page holding it.")
    var output: String

    @Option(help: "svg or html (default: from the output file's name).")
    var format: TimetableDiagram.Kind?

    func run() throws {
        let loaded = try CommandSupport.loadInstance(instance)
        let document = try CommandSupport.loadTimetable(timetable, instance: loaded)
        let violations = document.formatViolations + ScheduleValidator.validate(document.schedule, against: loaded)
        if !violations.isEmpty {
            Console.error("warning: the timetable breaks \(violations.count) rule(s); drawn anyway:\n" + violations.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
        }
        let kind = format ?? .of(path: output)
        try CommandSupport.write(TimetableDiagram.render(kind, schedule: document.schedule, instance: loaded), to: output)
    }
}

extension TimetableDiagram.Kind: ExpressibleByArgument {}
