import ArgumentParser
import GLPKBackend

@main
struct Railslot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "railslot",
        abstract: "Train scheduling and slot allocation for cross-border freight corridors, solved with GLPK.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [SolveCommand.self, CheckCommand.self, ValidateCommand.self, DiagramCommand.self, CompareCommand.self,
                      BatchCommand.self, MergeCommand.self, ScenariosCommand.self, ExportModelCommand.self, ExportDataCommand.self, SolverInfo.self]
    )
}
