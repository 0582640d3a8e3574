import ArgumentParser
import RailDomain
import RailFormats

/// `railslot export-data INSTANCE -o x.dat`: the instance as data for models/railslot.mod.
struct ExportDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-data",
        abstract: "Write the instance as GNU MathProg data for models/railslot.mod (glpsol -m models/railslot.mod -d x.dat).",
        discussion: ExitStatus.helpText
    )

    @Argument(help: "The instance file (.json, .yaml or .yml).")
    var instance: String

    @Option(name: .shortAndLong, help: "The data file to write.")
    var output: String

    func run() throws {
        let loaded = try CommandSupport.loadInstance(instance)
        try CommandSupport.write(MathProgData.text(loaded), to: output)
    }
}
