import Foundation

/// One instance file of a batch, named by its file name without the extension (the name of
/// its result files).
public struct BatchJob: Hashable, Sendable {
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    public init(path: String) {
        let file = (path as NSString).lastPathComponent
        let ext = (file as NSString).pathExtension
        self.init(name: ext.isEmpty ? file : String(file.dropLast(ext.count + 1)), path: path)
    }
}

/// Problems with the list of instances, before anything is solved.
public struct BatchInputError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

/// Which instances a batch solves: files as given, instance files in directories (not
/// timetables or results), or the lines of a manifest (paths relative to it; `#` comments).
/// Sorted by name: the stable order shards are cut from.
public enum BatchInputs {
    static let instanceExtensions: Set<String> = ["json", "yaml", "yml"]

    public static func jobs(paths: [String], manifest: String?) throws(BatchInputError) -> [BatchJob] {
        var problems: [String] = []
        var files: [String] = []
        if let manifest {
            do {
                let text = try String(contentsOfFile: manifest, encoding: .utf8)
                let base = (manifest as NSString).deletingLastPathComponent
                for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                        .trimmingCharacters(in: .whitespaces) ?? ""
                    guard !line.isEmpty else { continue }
                    let path = line.hasPrefix("/") || base.isEmpty ? line : (base as NSString).appendingPathComponent(line)
                    if FileManager.default.fileExists(atPath: path) {
                        files.append(path)
                    } else {
                        problems.append("\(manifest):\(number + 1): no such file: \(line)")
                    }
                }
            } catch {
                problems.append("\(manifest): cannot be read: \(error.localizedDescription)")
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append("\(path): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += entries.filter(isInstanceFile).sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        let jobs = files.map(BatchJob.init(path:)).sorted { ($0.name, $0.path) < ($1.name, $1.path) }
        let byName = Dictionary(grouping: jobs, by: \.name)
        for (name, same) in byName.sorted(by: { $0.key < $1.key }) where same.count > 1 {
            problems.append("two instances would write results named \(name): \(same.map(\.path).joined(separator: ", "))")
        }
        if jobs.isEmpty, problems.isEmpty { problems.append("no instance files given") }
        guard problems.isEmpty else { throw BatchInputError(problems: problems) }
        return jobs
    }

    /// Instance files only: not timetables, results, summaries or hidden files.
    static func isInstanceFile(_ name: String) -> Bool {
        guard !name.hasPrefix("."), instanceExtensions.contains((name as NSString).pathExtension.lowercased()) else { return false }
        return !name.hasSuffix(".timetable.json") && !name.hasSuffix(".result.json") && !name.hasPrefix("summary")
    }
}
