import Yams

/// Reads YAML into `TreeValue` with the YAML 1.2 core schema (spec clarification 10): plain
/// `true`/`false`, `null`/`~`, decimal, octal (`0o`) and hex (`0x`) integers and floats are typed;
/// everything else, and every quoted scalar, is a string. (Yams' default resolver is YAML 1.1,
/// where `yes`, `on` and `22:00` are not strings.)
public enum YAMLReader {
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> TreeValue {
        guard bytes.count <= ParseLimits.maximumBytes else {
            throw SyntaxError("the file is larger than \(ParseLimits.maximumBytes >> 20) MiB")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw SyntaxError("the file is not valid UTF-8") }
        try checkNesting(bytes)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            throw SyntaxError(describe(error))
        }
        guard let root else { throw SyntaxError("the file is empty") }
        var budget = ParseLimits.maximumNodes
        return try convert(root, depth: 0, budget: &budget)
    }

    /// Rejects flow nesting and indentation beyond what any instance needs, before libyaml and the
    /// recursive conversion see them.
    private static func checkNesting(_ bytes: [UInt8]) throws(SyntaxError) {
        var depth = 0, line = 1, indent = 0, atLineStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > ParseLimits.maximumDepth {
                    throw SyntaxError(line: line, "nested deeper than \(ParseLimits.maximumDepth) levels")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case 0x0A:
                line += 1
                indent = 0
                atLineStart = true
                continue
            case UInt8(ascii: " ") where atLineStart:
                indent += 1
                if indent > 4 * ParseLimits.maximumDepth {
                    throw SyntaxError(line: line, "indented more than \(4 * ParseLimits.maximumDepth) spaces")
                }
                continue
            default:
                break
            }
            atLineStart = false
        }
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws(SyntaxError) -> TreeValue {
        budget -= 1
        guard budget >= 0 else { throw SyntaxError("more than \(ParseLimits.maximumNodes) values (are aliases expanding?)") }
        guard depth <= ParseLimits.maximumDepth else { throw SyntaxError("nested deeper than \(ParseLimits.maximumDepth) levels") }
        switch node {
        case .scalar(let scalar):
            return coreSchema(scalar)
        case .sequence(let sequence):
            var elements: [TreeValue] = []
            for element in sequence { elements.append(try convert(element, depth: depth + 1, budget: &budget)) }
            return .array(elements)
        case .mapping(let mapping):
            var members: [(key: String, value: TreeValue)] = []
            var keys: Set<String> = []
            for (key, value) in mapping {
                let line = key.mark?.line
                guard case .scalar(let keyScalar) = key else { throw SyntaxError(line: line, "a mapping key must be a plain value") }
                guard keys.insert(keyScalar.string).inserted else { throw SyntaxError(line: line, "duplicate key \"\(keyScalar.string)\"") }
                members.append((keyScalar.string, try convert(value, depth: depth + 1, budget: &budget)))
            }
            return .object(members)
        case .alias:
            throw SyntaxError(line: node.mark?.line, "unresolved YAML alias")
        }
    }

    /// YAML 1.2 core schema resolution of one scalar.
    static func coreSchema(_ scalar: Node.Scalar) -> TreeValue {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if let value = integer(text) { return value }
        if isCoreFloat(text), let value = Double(text) { return .number(value) }
        return .string(text)
    }

    private static func integer(_ text: String) -> TreeValue? {
        let chars = Array(text.utf8)
        guard let first = chars.first else { return nil }
        func allDigits(_ slice: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool { !slice.isEmpty && slice.allSatisfy(allowed) }
        let decimal: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        if chars.count > 2, chars[0] == UInt8(ascii: "0"), chars[1] == UInt8(ascii: "o"), allDigits(chars[2...], { $0 >= 48 && $0 <= 55 }) {
            return Int(String(decoding: chars[2...], as: UTF8.self), radix: 8).map(TreeValue.integer) ?? .number(.infinity)
        }
        if chars.count > 2, chars[0] == UInt8(ascii: "0"), chars[1] == UInt8(ascii: "x"),
           allDigits(chars[2...], { decimal($0) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }) {
            return Int(String(decoding: chars[2...], as: UTF8.self), radix: 16).map(TreeValue.integer) ?? .number(.infinity)
        }
        let digits = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? chars.dropFirst() : chars[...]
        guard allDigits(digits, decimal) else { return nil }
        if let value = Int(text) { return .integer(value) }
        return .number(Double(text) ?? .infinity)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isCoreFloat(_ text: String) -> Bool {
        var chars = Array(text.utf8)[...]
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { chars = chars.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        let mantissaEnd = chars.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? chars.endIndex
        let mantissa = chars[..<mantissaEnd]
        let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        switch parts.count {
        case 1: guard !parts[0].isEmpty, parts[0].allSatisfy(isDigit) else { return false }
        case 2:
            guard parts[0].allSatisfy(isDigit), parts[1].allSatisfy(isDigit), !(parts[0].isEmpty && parts[1].isEmpty) else { return false }
        default: return false
        }
        guard mantissaEnd != chars.endIndex else { return true }
        var exponent = chars[chars.index(after: mantissaEnd)...]
        if let sign = exponent.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }

    private static func describe(_ error: any Error) -> String {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return "line \(mark.line), column \(mark.column): \(problem)"
            case .duplicatedKeysInMapping(let duplicates, _):
                return "duplicate keys \(duplicates.joined(separator: ", "))"
            default:
                return "\(yaml)"
            }
        }
        return "\(error)"
    }
}
