/// Shard `index` of `count`: instances whose position in the stable (sorted) order is `index`
/// modulo `count`. Given by `--shard I/N` or read from a job engine's environment.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N`, 0-based: `0/3`, `1/3`, `2/3`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    public func select<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { $0.offset % count == index }.map(\.element)
    }

    public enum EnvironmentError: Error, Sendable, CustomStringConvertible {
        case missingCount(variable: String)
        case invalid(String)

        public var description: String {
            switch self {
            case .missingCount(let variable): "\(variable) is set but the shard count is not: give --shard-count N or set RAILSLOT_SHARD_COUNT"
            case .invalid(let text): text
            }
        }
    }

    /// The shard a job engine assigned, if any: Slurm job arrays (`SLURM_ARRAY_TASK_ID`, counted
    /// from `SLURM_ARRAY_TASK_MIN`, with `SLURM_ARRAY_TASK_COUNT`), Kubernetes Indexed Jobs
    /// (`JOB_COMPLETION_INDEX`) and AWS Batch array jobs (`AWS_BATCH_JOB_ARRAY_INDEX`), the last
    /// two with the count from `count` (the `--shard-count` flag) or `RAILSLOT_SHARD_COUNT`.
    public static func fromEnvironment(_ environment: [String: String], count: Int? = nil) throws(EnvironmentError) -> Shard? {
        func number(_ name: String) throws(EnvironmentError) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw .invalid("\(name)=\(text) is not a whole number") }
            return value
        }
        var givenCount = count
        if givenCount == nil { givenCount = try number("RAILSLOT_SHARD_COUNT") }
        if let task = try number("SLURM_ARRAY_TASK_ID") {
            let first = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            var total = givenCount
            if total == nil { total = try number("SLURM_ARRAY_TASK_COUNT") }
            guard let total else { throw .missingCount(variable: "SLURM_ARRAY_TASK_ID") }
            return try make(task - first, total, from: "SLURM_ARRAY_TASK_ID")
        }
        for variable in ["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"] {
            guard let index = try number(variable) else { continue }
            guard let total = givenCount else { throw .missingCount(variable: variable) }
            return try make(index, total, from: variable)
        }
        return nil
    }

    private static func make(_ index: Int, _ count: Int, from variable: String) throws(EnvironmentError) -> Shard {
        guard let shard = Shard(index: index, count: count) else {
            throw .invalid("\(variable) gives shard \(index) of \(count), which does not exist")
        }
        return shard
    }
}
