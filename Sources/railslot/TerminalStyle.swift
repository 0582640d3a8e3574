import Foundation
import RailReports

/// How text for stdout should look: colour only on a terminal without `NO_COLOR`, and the
/// terminal's width (from the terminal, else `COLUMNS`, else 100).
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    static func style() -> TextStyle {
        guard stdoutIsTerminal else { return .plain }
        let environment = ProcessInfo.processInfo.environment
        let colour = (environment["NO_COLOR"] ?? "").isEmpty
        return TextStyle(width: width(environment), colour: colour)
    }

    private static func width(_ environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap { Int($0) } ?? 100
    }
}
