import ArgumentParser
import RailDomain
import RailFormats
import RailReports

/// `railslot diagram INSTANCE TIMETABLE -o plan.svg`: draw a timetable.
struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw a timetable: time-distance (Marey) diagram with slot windows and meets, and a track/lane Gantt chart.",
        discussion: "A timetable that breaks rules is still drawn; its violations are listed on stderr. A timetable of another instance is refused (exit 2). " + ExitStatus.helpText
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
        // A timetable of another instance is a wrong pair of files, not a timetable to draw.
        let known = Set(loaded.trains.map(\.id))
        let strangers = document.schedule.trains.map(\.train).filter { !known.contains($0) }
        guard document.schedule.instance == loaded.name, strangers.isEmpty else {
            Console.error("\(timetable) is a timetable of \"\(document.schedule.instance)\"\(strangers.isEmpty ? "" : " (trains \(strangers.prefix(5).map(\.rawValue).joined(separator: ", ")) are not in \(instance))"), not of \"\(loaded.name)\" (\(instance))")
            throw ExitStatus.invalidInput.code
        }
        let violations = document.formatViolations + ScheduleValidator.validate(document.schedule, against: loaded)
        if !violations.isEmpty {
            Console.error("warning: the timetable breaks \(violations.count) rule(s); drawn anyway:\n" + violations.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
        }
        let kind = format ?? .of(path: output)
        try CommandSupport.write(TimetableDiagram.render(kind, schedule: document.schedule, instance: loaded), to: output)
    }
}

extension TimetableDiagram.Kind: ExpressibleByArgument {}
