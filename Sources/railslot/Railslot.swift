import ArgumentParser
import GLPKBackend

@main
struct Railslot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "railslot",
        abstract: "Train scheduling and slot allocation for cross-border freight corridors, solved with GLPK.",
        version: "0.1.0",
        subcommands: [SolverInfo.self]
    )
}
