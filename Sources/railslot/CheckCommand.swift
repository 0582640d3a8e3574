import ArgumentParser
import RailDomain
import RailFormats

/// `railslot check INSTANCE`: validate an instance and summarise it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an instance file (JSON or YAML) against the spec and print a summary.",
        discussion: "Every problem is listed on stderr with its place, e.g. trains[3].route[2]. " + ExitStatus.helpText
    )

    @Argument(help: "The instance file (.json, .yaml or .yml).")
    var instance: String

    func run() throws {
        let loaded = try CommandSupport.loadInstance(instance)
        Console.out(InstanceSummary.text(loaded))
    }
}
