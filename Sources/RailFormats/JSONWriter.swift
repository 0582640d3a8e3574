/// Writes a `TreeValue` as JSON, deterministically (keys in the order given) and readably:
/// a list or mapping of plain values that fits on a line stays on one line, like the stops in
/// spec section 6; everything else is indented by two spaces.
public enum JSONWriter {
    static let inlineLimit = 150

    public static func text(_ value: TreeValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: TreeValue, indent: Int, into out: inout String) {
        if let inline = inline(value), inline.count + indent <= inlineLimit {
            out += inline
            return
        }
        let pad = String(repeating: " ", count: indent + 2), closing = String(repeating: " ", count: indent)
        switch value {
        case .array(let elements):
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += pad
                write(element, indent: indent + 2, into: &out)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += closing + "]"
        case .object(let members):
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += pad + quoted(member.key) + ": "
                write(member.value, indent: indent + 2, into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += closing + "}"
        default:
            out += scalar(value) ?? "null"
        }
    }

    /// The value on one line, if it holds no nested list or mapping of lists/mappings.
    private static func inline(_ value: TreeValue) -> String? {
        switch value {
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            var parts: [String] = []
            for element in elements {
                guard let part = scalar(element) ?? flatObject(element) else { return nil }
                parts.append(part)
            }
            return "[ " + parts.joined(separator: ", ") + " ]"
        case .object:
            return flatObject(value)
        default:
            return scalar(value)
        }
    }

    private static func flatObject(_ value: TreeValue) -> String? {
        guard case .object(let members) = value else { return nil }
        if members.isEmpty { return "{}" }
        var parts: [String] = []
        for member in members {
            guard let part = scalar(member.value) else { return nil }
            parts.append("\(quoted(member.key)): \(part)")
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    private static func scalar(_ value: TreeValue) -> String? {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let n): String(n)
        case .number(let d): d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
        case .string(let text): quoted(text)
        case .array, .object: nil
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
