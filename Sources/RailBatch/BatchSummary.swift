import Foundation

/// `summary.json` of a batch (or of merged shards): status counts and one line per instance,
/// which depend only on the inputs and settings, kept apart from `timing` (wall-clock).
public struct BatchSummary: Codable, Hashable, Sendable {
    public static let currentFormat = "railslot-batch-summary/1"

    public struct Line: Codable, Hashable, Sendable {
        public var name: String
        public var inputSha256: String
        public var status: String
        public var objective: Int?
        public var bound: Double?
        public var gap: Double?
        public var scheduled: Int?
        public var trains: Int?
        public var error: String?
    }

    public struct Timing: Codable, Hashable, Sendable {
        /// The whole run (nil for a merge).
        public var wallSeconds: Double?
        /// Instances solved now and skipped (result already there); nil for a merge.
        public var solved: Int?
        public var skipped: Int?
        public var secondsPerInstance: [String: Double]
    }

    public var format: String
    /// The shard this summary covers, `I/N`, or nil for all.
    public var shard: String?
    public var counts: [String: Int]
    public var instances: [Line]
    public var timing: Timing

    public init(results: [BatchResult], shard: Shard?, wallSeconds: Double?, skipped: Int?) {
        format = Self.currentFormat
        self.shard = shard?.description
        let sorted = results.sorted { $0.name < $1.name }
        instances = sorted.map { result in
            Line(name: result.name, inputSha256: result.inputSha256, status: result.outcome.status, objective: result.outcome.objective,
                 bound: result.outcome.bound, gap: result.outcome.gap, scheduled: result.outcome.scheduled,
                 trains: result.outcome.trains, error: result.outcome.error)
        }
        counts = Dictionary(sorted.map { ($0.outcome.status, 1) }, uniquingKeysWith: +)
        timing = Timing(wallSeconds: wallSeconds, solved: skipped.map { results.count - $0 }, skipped: skipped,
                        secondsPerInstance: Dictionary(sorted.map { ($0.name, $0.timing.seconds) }, uniquingKeysWith: { a, _ in a }))
    }

    public static func fileName(for shard: Shard?) -> String {
        shard.map { "summary-shard-\($0.index)-of-\($0.count).json" } ?? "summary.json"
    }

    public func json() -> String {
        (try? BatchResult.encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    public static func read(path: String) -> BatchSummary? {
        guard let data = FileManager.default.contents(atPath: path),
              let summary = try? BatchResult.decoder.decode(BatchSummary.self, from: data), summary.format == currentFormat else { return nil }
        return summary
    }

    /// A table for the terminal: counts, then instance, status, objective, bound, gap, seconds.
    public func table() -> String {
        let order = ["optimal", "feasible", "infeasible", "no_solution", "error"]
        let countText = (order + counts.keys.filter { !order.contains($0) }.sorted())
            .compactMap { status in counts[status].map { "\($0) \(status)" } }.joined(separator: ", ")
        var rows = [["INSTANCE", "STATUS", "OBJECTIVE", "BOUND", "GAP", "SECONDS"]]
        for line in instances {
            rows.append([line.name, line.status, line.objective.map(String.init) ?? "-", line.bound.map(Self.bound) ?? "-",
                         line.gap.map { Self.fixed($0 * 100) + "%" } ?? "-", timing.secondsPerInstance[line.name].map(Self.fixed) ?? "-"])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == 0 || column == 1 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        lines.append("")
        lines.append("\(instances.count) instance(s)\(shard.map { " (shard \($0))" } ?? ""): \(countText)")
        for line in instances {
            // The heading and the first problem; the whole message is in the result file.
            guard let error = line.error else { continue }
            let words = error.split(separator: "\n").prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }
            lines.append("  \(line.name): \(words.joined(separator: ": "))")
        }
        if let wall = timing.wallSeconds {
            lines.append("solved \(timing.solved ?? 0), skipped \(timing.skipped ?? 0) (result already there) in \(Self.fixed(wall)) s")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fixed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func bound(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : fixed(value)
    }
}

/// `railslot merge`: the results of several output directories (shards) as one summary.
public enum BatchMerge {
    public struct Conflict: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var paths: [String]
        public var description: String { "results for \(name) differ: \(paths.joined(separator: ", "))" }
    }

    public static func results(in directories: [String]) throws(Conflict) -> [BatchResult] {
        var byName: [String: (result: BatchResult, path: String)] = [:]
        for directory in directories {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".result.json") }.sorted()
            for file in files {
                let path = (directory as NSString).appendingPathComponent(file)
                guard let result = BatchResult.read(path: path) else { continue }
                if let seen = byName[result.name] {
                    // The same instance in two shards' directories: fine if it came out the same.
                    guard seen.result.inputSha256 == result.inputSha256, seen.result.outcome == result.outcome else {
                        throw Conflict(name: result.name, paths: [seen.path, path])
                    }
                    continue
                }
                byName[result.name] = (result, path)
            }
        }
        return byName.values.map(\.result).sorted { $0.name < $1.name }
    }
}
