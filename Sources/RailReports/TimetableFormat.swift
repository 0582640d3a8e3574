import RailDomain
import RailFormats

/// The ways a timetable is written.
public enum TimetableFormat: String, CaseIterable, Sendable {
    /// The timetable format of spec section 6.
    case json
    /// One row per train and stop (`TimetableCSV`).
    case csv
    /// A table with a KPI block, for reading in a terminal (`TimetableText`).
    case text
    /// railML 2.2 infrastructure and timetable (`RailMLWriter`).
    case railml

    public static func render(_ format: TimetableFormat, schedule: Schedule, instance: Instance, style: TextStyle = .plain) -> String {
        switch format {
        case .json: TimetableWriter.text(schedule, instance: instance)
        case .csv: TimetableCSV.text(schedule, instance: instance)
        case .text: TimetableText.text(schedule, instance: instance, style: style)
        case .railml: RailMLWriter.text(schedule, instance: instance)
        }
    }
}
