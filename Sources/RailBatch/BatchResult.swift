import Crypto
import Foundation

/// What a batch solves with, recorded in every result: a result counts as done only for the
/// same input and the same settings.
public struct BatchSettings: Codable, Hashable, Sendable {
    public var timeLimitSeconds: Double
    public var relativeGap: Double?

    public init(timeLimitSeconds: Double, relativeGap: Double? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
    }
}

/// `NAME.result.json`: one instance's outcome. `outcome` depends only on the input and the
/// settings (for solves that end by proof, not by the clock); `timing` is wall-clock.
public struct BatchResult: Codable, Hashable, Sendable {
    public static let currentFormat = "railslot-batch-result/1"

    public struct Outcome: Codable, Hashable, Sendable {
        /// optimal, feasible, infeasible, no_solution (spec section 6), or error.
        public var status: String
        public var objective: Int?
        public var bound: Double?
        public var gap: Double?
        public var trains: Int?
        public var scheduled: Int?
        /// The timetable written beside the result (its file name), when there is one.
        public var timetable: String?
        public var error: String?

        public init(status: String, objective: Int? = nil, bound: Double? = nil, gap: Double? = nil, trains: Int? = nil,
                    scheduled: Int? = nil, timetable: String? = nil, error: String? = nil) {
            self.status = status
            self.objective = objective
            self.bound = bound
            self.gap = gap
            self.trains = trains
            self.scheduled = scheduled
            self.timetable = timetable
            self.error = error
        }
    }

    public struct Timing: Codable, Hashable, Sendable {
        public var seconds: Double
        /// ISO 8601, UTC.
        public var finishedAt: String
    }

    public var format: String
    public var name: String
    public var instanceFile: String
    /// SHA-256 of the instance file's bytes, hex.
    public var inputSha256: String
    public var settings: BatchSettings
    public var outcome: Outcome
    public var timing: Timing

    public static func fileName(of name: String) -> String { name + ".result.json" }
    public static func timetableName(of name: String) -> String { name + ".timetable.json" }

    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    public func json() -> String {
        // Encoding plain values cannot fail.
        (try? Self.encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    /// The result file in `directory` for `name`, if there is a readable one of this format.
    public static func read(name: String, in directory: String) -> BatchResult? {
        read(path: (directory as NSString).appendingPathComponent(fileName(of: name)))
    }

    public static func read(path: String) -> BatchResult? {
        guard let data = FileManager.default.contents(atPath: path),
              let result = try? decoder.decode(BatchResult.self, from: data), result.format == currentFormat else { return nil }
        return result
    }
}
