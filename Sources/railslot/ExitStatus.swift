import ArgumentParser

/// railslot's exit statuses, the same for every command (documented in `--help` and the README).
enum ExitStatus: Int32 {
    /// Valid, or a timetable written.
    case success = 0
    /// `validate`: the timetable breaks a rule or misstates its objective.
    case violations = 1
    /// An input file is missing, unreadable or breaks the spec; nothing was written.
    case invalidInput = 2
    /// `solve`: no timetable schedules every non-optional train.
    case infeasible = 3
    /// `solve`: a limit was reached before any timetable was found.
    case noSolution = 4
    /// A bug in railslot: please report it with the input.
    case internalError = 70

    var code: ExitCode { ExitCode(rawValue) }

    static let helpText = """
        Exit status: 0 valid / timetable written; 1 timetable breaks a rule; 2 invalid input \
        (nothing written); 3 infeasible; 4 no timetable within the limit; 64 usage error; \
        70 internal error.
        """
}
