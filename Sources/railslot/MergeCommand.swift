import ArgumentParser
import RailBatch

/// `railslot merge D...`: one summary from the result files of several shards' output directories.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the results of batch output directories (shards) into one summary.",
        discussion: "Exit status: 0 merged; 2 a directory holds no results or two results for one instance differ."
    )

    @Argument(help: "Output directories of batch runs.")
    var directories: [String]

    @Option(name: .shortAndLong, help: "Write the merged summary.json here (atomically).")
    var output: String?

    func run() throws {
        let results: [BatchResult]
        do {
            results = try BatchMerge.results(in: directories)
        } catch {
            Console.error(error.description)
            throw ExitStatus.invalidInput.code
        }
        guard !results.isEmpty else {
            Console.error("no batch results in \(directories.joined(separator: ", "))")
            throw ExitStatus.invalidInput.code
        }
        let summary = BatchSummary(results: results, shard: nil, wallSeconds: nil, skipped: nil)
        if let output { try CommandSupport.write(summary.json(), to: output) }
        Console.out(summary.table())
    }
}
