import Foundation
import RailDomain

public enum DocumentFormat: String, Sendable {
    case json, yaml

    /// By extension (`.json`, `.yaml`, `.yml`); otherwise JSON if the text starts with `{`, else YAML.
    public static func guess(path: String?, bytes: [UInt8]) -> DocumentFormat {
        let lower = path?.lowercased() ?? ""
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") ? .json : .yaml
    }
}

/// Reads an instance file (JSON or YAML, spec section 3) and checks every rule of the spec,
/// reporting every problem found, each with its place.
public enum InstanceLoader {
    public static func load(path: String) throws(InputError) -> Instance {
        let bytes = try FileInput.read(path)
        return try load(bytes: bytes, format: DocumentFormat.guess(path: path, bytes: bytes), file: path)
    }

    public static func load(bytes: [UInt8], format: DocumentFormat, file: String? = nil) throws(InputError) -> Instance {
        let tree = try FileInput.parse(bytes, format: format, file: file)
        let log = ProblemLog()
        let instance = InstanceDecoder(log: log).decode(Field(value: tree, path: .root, log: log))
        guard log.isEmpty, let instance else { throw InputError(file: file, problems: log.problems) }
        return instance
    }
}

/// Reading files into trees, with errors as `InputError`s.
enum FileInput {
    static func read(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, problems: [InputProblem(place: "", "no such file")])
        }
        guard !isDirectory.boolValue else {
            throw InputError(file: path, problems: [InputProblem(place: "", "is a directory, not a file")])
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int, size > ParseLimits.maximumBytes {
            throw InputError(file: path, problems: [InputProblem(place: "", "the file is larger than \(ParseLimits.maximumBytes >> 20) MiB")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, problems: [InputProblem(place: "", "cannot be read")])
        }
        return [UInt8](data)
    }

    static func parse(_ bytes: [UInt8], format: DocumentFormat, file: String?) throws(InputError) -> TreeValue {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // a UTF-8 byte order mark
        do {
            switch format {
            case .json: return try JSONParser.parse(Array(body))
            case .yaml: return try YAMLReader.parse(Array(body))
            }
        } catch {
            throw InputError(file: file, problems: [InputProblem(place: "", "cannot be read as \(format == .json ? "JSON" : "YAML"): \(error)")])
        }
    }
}
