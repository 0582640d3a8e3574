/// Collects problems while a document is read, so that all of them are reported at once.
final class ProblemLog {
    private(set) var problems: [InputProblem] = []

    func add(_ path: Path, _ message: String, hint: String? = nil) {
        problems.append(InputProblem(place: path.description, message, hint: hint))
    }

    var isEmpty: Bool { problems.isEmpty }
}

/// A value with its place, and typed accessors that log a problem (and return nil) on a mismatch.
struct Field {
    let value: TreeValue
    let path: Path
    let log: ProblemLog

    func string() -> String? {
        if case .string(let text) = value { return text }
        log.add(path, "expected a string, found \(value.kindName)")
        return nil
    }

    func bool() -> Bool? {
        if case .bool(let flag) = value { return flag }
        log.add(path, "expected true or false, found \(value.kindName)")
        return nil
    }

    /// A whole number within `range`; `1440.0` counts as whole.
    func integer(in range: ClosedRange<Int>, what: String = "a whole number") -> Int? {
        let number: Int?
        switch value {
        case .integer(let n): number = n
        case .number(let d) where d.isFinite && d == d.rounded() && abs(d) < 9e15: number = Int(d)
        case .number(let d) where d.isFinite && d == d.rounded():
            log.add(path, "\(d) is too large")
            return nil
        default: number = nil
        }
        guard let number else {
            log.add(path, "expected \(what), found \(describe())")
            return nil
        }
        guard range.contains(number) else {
            log.add(path, "\(number) is out of range: \(describe(range))")
            return nil
        }
        return number
    }

    /// A finite number above zero.
    func positiveNumber() -> Double? {
        let number: Double?
        switch value {
        case .integer(let n): number = Double(n)
        case .number(let d): number = d
        default: number = nil
        }
        guard let number else {
            log.add(path, "expected a number, found \(describe())")
            return nil
        }
        guard number.isFinite, number > 0, number < 1e9 else {
            log.add(path, "\(number) must be a number above 0")
            return nil
        }
        return number
    }

    func array() -> [Field]? {
        guard case .array(let elements) = value else {
            log.add(path, "expected a list, found \(value.kindName)")
            return nil
        }
        return elements.enumerated().map { Field(value: $1, path: path.index($0), log: log) }
    }

    /// A mapping whose keys are all in `allowed`, with every key of `required` present.
    func object(allowed: [String], required: [String] = []) -> ObjectFields? {
        guard case .object(let members) = value else {
            log.add(path, "expected a mapping, found \(value.kindName)")
            return nil
        }
        for (key, _) in members where !allowed.contains(key) {
            log.add(path.key(key), "unknown key \"\(key)\"", hint: Suggest.hint(for: key, among: allowed))
        }
        for key in required where !members.contains(where: { $0.key == key }) {
            log.add(path.key(key), "is required")
        }
        return ObjectFields(members: members.filter { allowed.contains($0.key) }, path: path, log: log)
    }

    /// A mapping of free keys (station ids, train classes) to values.
    func entries() -> [(key: String, field: Field)]? {
        guard case .object(let members) = value else {
            log.add(path, "expected a mapping, found \(value.kindName)")
            return nil
        }
        return members.map { ($0.key, Field(value: $0.value, path: path.key($0.key), log: log)) }
    }

    var isNull: Bool { value == .null }

    private func describe() -> String {
        switch value {
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .number(let d): d.isFinite ? "\(d)" : "\(d) (not a finite number)"
        default: value.kindName
        }
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "must be at least \(range.lowerBound)" }
        return "must be between \(range.lowerBound) and \(range.upperBound)"
    }
}

struct ObjectFields {
    let members: [(key: String, value: TreeValue)]
    let path: Path
    let log: ProblemLog

    subscript(_ key: String) -> Field? {
        members.first { $0.key == key }.map { Field(value: $0.value, path: path.key(key), log: log) }
    }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
}

/// "Did you mean …?" for misspelt keys and ids.
enum Suggest {
    static func hint(for word: String, among candidates: [String]) -> String {
        if let close = closest(to: word, among: candidates) { return "did you mean \"\(close)\"?" }
        return "allowed: \(candidates.joined(separator: ", "))"
    }

    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance, capped for long inputs.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.prefix(64)), y = Array(b.prefix(64))
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
