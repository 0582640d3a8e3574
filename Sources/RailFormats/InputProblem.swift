/// One problem with an input file, at a place written as in spec section 7:
/// `trains[3].route[2]: unknown station "PXX"` (0-based indices).
public struct InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// `trains[3].route[2]`, or empty for the whole document.
    public var place: String
    public var message: String
    /// What to do about it, when there is something to suggest.
    public var hint: String?

    public init(place: String, _ message: String, hint: String? = nil) {
        self.place = place
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let location = place.isEmpty ? "" : "\(place): "
        return "\(location)\(message)\(hint.map { " (hint: \($0))" } ?? "")"
    }
}

/// A file that cannot be used, with every problem found in it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var file: String?
    public var problems: [InputProblem]

    public init(file: String?, problems: [InputProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let header = "\(file ?? "input"): \(problems.count) problem\(problems.count == 1 ? "" : "s")"
        return ([header] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}

/// Where a value sits in a document.
struct Path: CustomStringConvertible {
    private var text: String

    static let root = Path(text: "")

    func key(_ key: String) -> Path {
        let safe = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." } && !key.isEmpty
        let component = safe ? key : "\"\(key)\""
        return Path(text: text.isEmpty ? component : "\(text).\(component)")
    }

    func index(_ index: Int) -> Path { Path(text: "\(text)[\(index)]") }

    var description: String { text }
}
