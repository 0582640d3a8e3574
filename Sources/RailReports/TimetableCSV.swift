import CSV
import Foundation
import RailDomain
import RailFormats

/// One row per train and stop; an unscheduled train has one row with `scheduled` false and its
/// `reason`. Times are ISO 8601 in the station's own offset. Quoting (RFC 4180) is CSV.swift's.
public enum TimetableCSV {
    /// The columns, documented in the README.
    public static let header = ["train", "scheduled", "stop", "station", "arrival", "departure", "dwell_minutes", "track", "customs",
                                "border_slots", "lateness_minutes", "reason"]

    public static func text(_ schedule: Schedule, instance: Instance) -> String {
        var rows = [header]
        for run in schedule.trains {
            guard run.scheduled else {
                rows.append([run.train.rawValue, "false", "", "", "", "", "", "", "", "", "", run.reason ?? ""])
                continue
            }
            let slots = run.borderSlots.map { "\($0.border)/\($0.slot)" }.joined(separator: " ")
            for (k, stop) in run.stops.enumerated() {
                let dwell = stop.arrival.flatMap { a in stop.departure.map { String($0 - a) } } ?? ""
                rows.append([
                    run.train.rawValue, "true", String(k), stop.station.rawValue,
                    stop.arrival.map { instance.iso8601($0, at: stop.station) } ?? "",
                    stop.departure.map { instance.iso8601($0, at: stop.station) } ?? "",
                    dwell, stop.track?.rawValue ?? "", stop.customs ? "true" : "false", slots, String(run.latenessMinutes ?? 0), "",
                ])
            }
        }
        return encode(rows)
    }

    /// Rows to CSV text with a final line break.
    static func encode(_ rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        // Writing to memory cannot fail: the writer throws only for its output stream's errors.
        guard let writer = try? CSVWriter(stream: stream) else { return "" }
        for row in rows { try? writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }

    /// A CSV timetable read back: the schedule (status `feasible`, no objective; CSV does not
    /// carry them) in plan minutes of `instance`, or the problems with their row and column.
    public static func schedule(from text: String, instance: Instance) throws(InputError) -> Schedule {
        var problems: [InputProblem] = []
        let rows: [[String: String]]
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            guard reader.headerRow == header else {
                throw InputError(file: nil, problems: [InputProblem(place: "row 1", "unexpected columns", hint: header.joined(separator: ","))])
            }
            var collected: [[String: String]] = []
            while let row = reader.next() {
                collected.append(Dictionary(uniqueKeysWithValues: zip(header, row + Array(repeating: "", count: max(0, header.count - row.count)))))
            }
            rows = collected
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: nil, problems: [InputProblem(place: "csv", "cannot be read: \(error)")])
        }
        var runs: [TrainRun] = []
        for (index, row) in rows.enumerated() {
            let place = "row \(index + 2)"
            let train = TrainID(rawValue: row["train"] ?? "")
            guard row["scheduled"] == "true" else {
                runs.append(TrainRun(train: train, scheduled: false, reason: row["reason"].flatMap { $0.isEmpty ? nil : $0 }))
                continue
            }
            if runs.last?.train != train {
                let slots = (row["border_slots"] ?? "").split(separator: " ").compactMap { pair -> SlotUse? in
                    let parts = pair.split(separator: "/", maxSplits: 1)
                    guard parts.count == 2 else { return nil }
                    return SlotUse(border: BorderID(rawValue: String(parts[0])), slot: SlotID(rawValue: String(parts[1])))
                }
                runs.append(TrainRun(train: train, scheduled: true, latenessMinutes: Int(row["lateness_minutes"] ?? ""), borderSlots: slots))
            }
            func minute(_ column: String) -> Minute? {
                guard let text = row[column], !text.isEmpty else { return nil }
                guard case .success(let (instant, _)) = Instant.parse(text) else {
                    problems.append(InputProblem(place: "\(place).\(column)", "\"\(text)\" is not an ISO 8601 time"))
                    return nil
                }
                return instance.minute(of: instant)
            }
            let station = StationID(rawValue: row["station"] ?? "")
            let track = row["track"].flatMap { $0.isEmpty ? nil : TrackID(rawValue: $0) }
            runs[runs.count - 1].stops.append(StopTime(station: station, arrival: minute("arrival"), departure: minute("departure"),
                                                       track: track, customs: row["customs"] == "true"))
        }
        guard problems.isEmpty else { throw InputError(file: nil, problems: problems) }
        return Schedule(instance: instance.name, status: .feasible, trains: runs)
    }
}
