import ArgumentParser
import MIP
import RailDomain
import RailFormats
import RailFormulation

/// `railslot export-model INSTANCE -o model.lp`: the MIP in CPLEX LP format, for other solvers.
struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write the timetable MIP in CPLEX LP format (readable by glpsol --lp, CPLEX, HiGHS, CBC, Gurobi).",
        discussion: "The model restricts each train to --extra minutes of waiting beyond what it must wait alone; "
            + "its optimum is the spec's optimum when that restriction holds every better timetable (see docs/formulation.md). "
            + ExitStatus.helpText
    )

    @Argument(help: "The instance file (.json, .yaml or .yml).")
    var instance: String

    @Option(name: .shortAndLong, help: "The LP file to write.")
    var output: String

    @Option(help: "Minutes each train may wait beyond its forced wait (the model's windows).")
    var extra: Int = 60

    func run() throws {
        let loaded = try CommandSupport.loadInstance(instance)
        let model = TimetableModel.build(loaded, extra: loaded.trains.map { _ in max(0, extra) })
        do {
            try LPWriter.write(model.model, to: output)
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
        Console.error("\(model.model.constraintCount) rows, \(model.model.variableCount) columns, \(model.model.nonZeroCount) non-zeros written to \(output)")
    }
}
