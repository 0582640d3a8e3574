import RailDomain

/// A timetable file read against its instance: the schedule in plan minutes, and the format
/// violations that do not stop it from being judged (a time written in another offset than its
/// station's).
public struct TimetableDocument: Sendable {
    public var schedule: Schedule
    public var formatViolations: [Violation]
}

/// Reads the timetable format of spec section 6 (strictly: unknown keys are errors).
public enum TimetableReader {
    public static func load(path: String, instance: Instance) throws(InputError) -> TimetableDocument {
        let bytes = try FileInput.read(path)
        return try load(bytes: bytes, instance: instance, file: path)
    }

    /// Without its instance: times in minutes since 1970-01-01T00:00Z (two such schedules can be
    /// compared), no check of the offsets they are written in.
    public static func load(path: String) throws(InputError) -> TimetableDocument {
        let bytes = try FileInput.read(path)
        return try load(bytes: bytes, instance: nil, file: path)
    }

    public static func load(bytes: [UInt8], instance: Instance?, file: String? = nil) throws(InputError) -> TimetableDocument {
        let tree = try FileInput.parse(bytes, format: .json, file: file)
        let log = ProblemLog()
        var reader = Reader(instance: instance, log: log)
        let schedule = reader.schedule(Field(value: tree, path: .root, log: log))
        guard log.isEmpty, let schedule else { throw InputError(file: file, problems: log.problems) }
        return TimetableDocument(schedule: schedule, formatViolations: reader.offsetViolations)
    }

    private struct Reader {
        let instance: Instance?
        let log: ProblemLog
        var offsetViolations: [Violation] = []

        mutating func schedule(_ root: Field) -> Schedule? {
            guard let fields = root.object(allowed: ["format", "instance", "status", "objective", "bound", "solver", "trains"],
                                           required: ["format", "instance", "status", "trains"]) else { return nil }
            if let formatField = fields["format"], let text = formatField.string(), text != TimetableWriter.format {
                log.add(formatField.path, "unknown format \"\(text.prefix(40))\"", hint: "expected \(TimetableWriter.format)")
            }
            let name = fields["instance"]?.string()
            var status: ScheduleStatus?
            if let statusField = fields["status"], let text = statusField.string() {
                status = ScheduleStatus(rawValue: text)
                if status == nil {
                    log.add(statusField.path, "unknown status \"\(text.prefix(40))\"", hint: ScheduleStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            let objective = fields["objective"].flatMap { $0.isNull ? nil : $0.integer(in: Int.min...Int.max) }
            var bound: Double?
            if let boundField = fields["bound"], !boundField.isNull {
                switch boundField.value {
                case .integer(let n): bound = Double(n)
                case .number(let d) where d.isFinite: bound = d
                default: log.add(boundField.path, "expected a number, found \(boundField.value.kindName)")
                }
            }
            let solver = fields["solver"].flatMap { solverReport($0) }
            var runs: [TrainRun] = []
            if let list = fields["trains"]?.array() {
                for item in list { if let run = trainRun(item) { runs.append(run) } }
            }
            guard let name, let status else { return nil }
            return Schedule(instance: name, status: status, objective: objective, bound: bound, solver: solver, trains: runs)
        }

        private func solverReport(_ field: Field) -> SolverReport? {
            guard let fields = field.object(allowed: ["name", "version", "seconds", "nodes"], required: ["name"]) else { return nil }
            let name = fields["name"]?.string()
            let version = fields["version"].flatMap { $0.string() } ?? ""
            var seconds = 0.0
            if let secondsField = fields["seconds"] {
                switch secondsField.value {
                case .integer(let n): seconds = Double(n)
                case .number(let d): seconds = d
                default: log.add(secondsField.path, "expected a number of seconds")
                }
            }
            let nodes = fields["nodes"].flatMap { $0.integer(in: 0...Int.max) } ?? 0
            return name.map { SolverReport(name: $0, version: version, seconds: seconds, nodes: nodes) }
        }

        private mutating func trainRun(_ field: Field) -> TrainRun? {
            guard let fields = field.object(allowed: ["id", "scheduled", "lateness_minutes", "border_slots", "stops", "reason"],
                                            required: ["id", "scheduled"]) else { return nil }
            let id = fields["id"]?.string()
            let scheduled = fields["scheduled"]?.bool()
            let lateness = fields["lateness_minutes"].flatMap { $0.integer(in: 0...Int.max) }
            var slots: [SlotUse] = []
            if let list = fields["border_slots"]?.array() {
                for item in list {
                    guard let slotFields = item.object(allowed: ["border", "slot"], required: ["border", "slot"]),
                          let border = slotFields["border"]?.string(), let slot = slotFields["slot"]?.string() else { continue }
                    slots.append(SlotUse(border: BorderID(rawValue: border), slot: SlotID(rawValue: slot)))
                }
            }
            var stops: [StopTime] = []
            if let list = fields["stops"]?.array() {
                for item in list { if let stop = stopTime(item, train: id) { stops.append(stop) } }
            }
            let reason = fields["reason"].flatMap { $0.string() }
            guard let id, let scheduled else { return nil }
            return TrainRun(train: TrainID(rawValue: id), scheduled: scheduled, latenessMinutes: lateness, borderSlots: slots, stops: stops, reason: reason)
        }

        private mutating func stopTime(_ field: Field, train: String?) -> StopTime? {
            guard let fields = field.object(allowed: ["station", "arrival", "departure", "track", "customs"], required: ["station"]),
                  let stationText = fields["station"]?.string() else { return nil }
            let station = StationID(rawValue: stationText)
            let arrival = fields["arrival"].flatMap { time($0, at: station, train: train) }
            let departure = fields["departure"].flatMap { time($0, at: station, train: train) }
            let track = fields["track"].flatMap { $0.string() }.map { TrackID(rawValue: $0) }
            let customs = fields["customs"].flatMap { $0.bool() } ?? false
            return StopTime(station: station, arrival: arrival, departure: departure, track: track, customs: customs)
        }

        private mutating func time(_ field: Field, at station: StationID, train: String?) -> Minute? {
            guard let text = field.string() else { return nil }
            switch Instant.parse(text) {
            case .failure(let error):
                log.add(field.path, "\"\(text.prefix(60))\" \(error)")
                return nil
            case .success(let (instant, offset)):
                if let expected = instance?.station(station)?.utcOffset, expected != offset {
                    offsetViolations.append(Violation(.format, trains: train.map { [TrainID(rawValue: $0)] } ?? [], place: station.rawValue,
                                                      "\(field.path): \(text) is written in \(offset); times at \(station) are written in its own offset \(expected)"))
                }
                return instance?.minute(of: instant) ?? instant.minutesSinceEpoch
            }
        }
    }
}
