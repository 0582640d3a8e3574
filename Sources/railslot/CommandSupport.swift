import ArgumentParser
import RailDomain
import RailFormats

/// How `validate` and `compare` print their verdict.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What every command does with files: read an instance or write a result, and on failure print
/// the problems on stderr and exit with status 2 (nothing written).
enum CommandSupport {
    static func loadInstance(_ path: String) throws -> Instance {
        do {
            return try InstanceLoader.load(path: path)
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
    }

    /// A timetable file, read against its instance when given (else in minutes since the epoch).
    static func loadTimetable(_ path: String, instance: Instance?) throws -> TimetableDocument {
        do {
            if let instance { return try TimetableReader.load(path: path, instance: instance) }
            return try TimetableReader.load(path: path)
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
    }
}
